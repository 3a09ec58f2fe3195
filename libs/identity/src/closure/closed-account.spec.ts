import { describe, expect, it } from '@jest/globals';
import { Language } from '#libs/core';
import { verifyPassword } from '../account/password.js';
import {
  accountClosedEmail,
  closedAccountEmail,
  isClosedAccountEmail,
  UNUSABLE_PASSWORD_HASH,
} from './closed-account.js';

describe('a closed account', () => {
  it('gets a unique, undeliverable placeholder address that no real address looks like', () => {
    const id = '3f1c2a9e-1b7d-4c55-9a0e-2d6f8b1c4e7a';
    expect(closedAccountEmail(id)).toBe(`closed-${id}@closed.invalid`);
    expect(isClosedAccountEmail(closedAccountEmail(id))).toBe(true);
    expect(closedAccountEmail(id)).not.toBe(closedAccountEmail('4f1c2a9e-1b7d-4c55-9a0e-2d6f8b1c4e7a'));
    expect(isClosedAccountEmail('closed-someone@example.jp')).toBe(false);
  });

  it('has a password hash that no password matches', async () => {
    await expect(verifyPassword(UNUSABLE_PASSWORD_HASH, '')).resolves.toBe(false);
    await expect(verifyPassword(UNUSABLE_PASSWORD_HASH, '!closed')).resolves.toBe(false);
  });

  it('is told in its own language, without a link', () => {
    const ja = accountClosedEmail('a@example.jp', Language.JA);
    const en = accountClosedEmail('a@example.jp', Language.EN);
    expect(ja.subject).toContain('退会');
    expect(en.subject).toBe('[Kyoso] Your account was closed');
    expect(en.body).toContain('sign up again');
    expect(ja.kind).toBe('account-closed');
    expect(en.body).not.toMatch(/https?:\/\/\S+#token/);
  });
});
