import { describe, expect, it } from '@jest/globals';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('uses argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('つるおか-correct-horse');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'つるおか-correct-horse')).toBe(true);
    expect(await verifyPassword(stored, 'wrong')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyAgainstDecoy('x')).toBe(false);
  });
});
