import { describe, expect, it } from '@jest/globals';
import { CoreErrorCode } from '../errors/domain-error.js';
import { checkAudience } from './access.guard.js';
import type { AffiliationStatus, Role, Viewer } from './viewer.js';

const user = (role: Role, affiliation: AffiliationStatus): Viewer => ({
  kind: 'user',
  userId: 'u1',
  role,
  organizationId: 'o1',
  affiliation,
  sessionId: 's1',
});

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('checkAudience', () => {
  it('denies an operation that declares nobody', () => {
    expect(codeOf(() => checkAudience(user('coordinator', 'approved'), undefined))).toBe(
      CoreErrorCode.NotAllowed,
    );
  });

  it('asks visitors to sign in and refuses the wrong role', () => {
    expect(codeOf(() => checkAudience({ kind: 'anonymous' }, ['signed-in']))).toBe(CoreErrorCode.NotSignedIn);
    expect(codeOf(() => checkAudience({ kind: 'invalid-token' }, ['coordinator']))).toBe(
      CoreErrorCode.NotSignedIn,
    );
    expect(codeOf(() => checkAudience(user('researcher', 'approved'), ['coordinator']))).toBe(
      CoreErrorCode.NotAllowed,
    );
  });

  it('treats a pending researcher as a visitor who is signed in', () => {
    expect(codeOf(() => checkAudience(user('researcher', 'pending'), ['signed-in']))).toBe('allowed');
    expect(codeOf(() => checkAudience(user('researcher', 'pending'), ['researcher']))).toBe(
      CoreErrorCode.AffiliationPending,
    );
    expect(codeOf(() => checkAudience(user('researcher', 'approved'), ['researcher']))).toBe('allowed');
  });

  it('admits researchers and company members, whatever their affiliation, as non-staff; never staff', () => {
    for (const affiliation of ['pending', 'approved', 'rejected', 'none'] as const) {
      expect(codeOf(() => checkAudience(user('researcher', affiliation), ['non-staff']))).toBe('allowed');
      expect(codeOf(() => checkAudience(user('company-member', affiliation), ['non-staff']))).toBe('allowed');
    }
    expect(codeOf(() => checkAudience(user('researcher', 'none'), ['researcher']))).toBe(
      CoreErrorCode.NotAllowed,
    );
    expect(codeOf(() => checkAudience(user('coordinator', 'approved'), ['non-staff']))).toBe(
      CoreErrorCode.NotAllowed,
    );
    expect(codeOf(() => checkAudience(user('admin', 'approved'), ['non-staff']))).toBe(
      CoreErrorCode.NotAllowed,
    );
  });

  it('lets anyone through an open operation, even with a stale token', () => {
    expect(codeOf(() => checkAudience({ kind: 'invalid-token' }, ['anyone']))).toBe('allowed');
  });
});
