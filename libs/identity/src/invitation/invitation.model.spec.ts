import { describe, expect, it } from '@jest/globals';
import { Language } from '#libs/core';
import { alreadyMemberInvitationEmail, invitationEmail, type InvitationLetter } from './invitation-emails.js';
import type { Invitation } from './invitation.entity.js';
import { InvitationStatus, statusOf } from './invitation.model.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const invitation = (fields: Partial<Invitation>) =>
  ({ acceptedAt: null, revokedAt: null, expiresAt: at(60_000), ...fields }) as Invitation;

describe('statusOf', () => {
  it('is accepted once accepted, whatever else holds', () => {
    expect(statusOf(invitation({ acceptedAt: at(-1), revokedAt: at(-1), expiresAt: at(-1) }), NOW)).toBe(
      InvitationStatus.ACCEPTED,
    );
  });

  it('is revoked before it is expired, and pending until it expires', () => {
    expect(statusOf(invitation({ revokedAt: at(-1), expiresAt: at(-1) }), NOW)).toBe(
      InvitationStatus.REVOKED,
    );
    expect(statusOf(invitation({ expiresAt: NOW }), NOW)).toBe(InvitationStatus.EXPIRED);
    expect(statusOf(invitation({}), NOW)).toBe(InvitationStatus.PENDING);
  });
});

describe('invitation e-mails', () => {
  const letter: InvitationLetter = {
    language: Language.EN,
    inviter: { ja: '鶴岡 <太郎>', en: 'Taro <Tsuruoka>' },
    organization: { ja: '慶應', en: 'Keio & Co' },
    role: 'researcher',
    note: '<script>alert(1)</script>',
  };

  it('names the inviter, the organization and the expiry, and escapes every value in the HTML', () => {
    const draft = invitationEmail(
      'a@example.jp',
      letter,
      'https://kyoso.example/accept-invitation#token=t',
      NOW,
    );
    expect(draft.kind).toBe('invitation');
    expect(draft.body).toContain('Taro <Tsuruoka> invited you to join Kyoso as a researcher of Keio & Co.');
    expect(draft.body).toContain('until 2026-12-01 09:00 (Japan time)');
    expect(draft.body).toContain('https://kyoso.example/accept-invitation#token=t');
    expect(draft.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(draft.html).not.toContain('<script>');
    expect(draft.html).not.toContain('<Tsuruoka>');
  });

  it('gives an address with an account no link but the sign-in page', () => {
    const draft = alreadyMemberInvitationEmail(
      'a@example.jp',
      { ...letter, note: null },
      'https://k.example/sign-in',
    );
    expect(draft.body).toContain('already has a Kyoso account');
    expect(draft.body).not.toContain('accept-invitation');
    expect(draft.body).toContain('https://k.example/sign-in');
  });
});
