import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { bilingual, recordAudit, uniqueOr, advisoryLock } from '#libs/core';
import { assertStrongPassword } from '../account/account-rules.js';
import { hashPassword } from '../account/password.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import type { AuthPayload } from '../session/auth-payload.model.js';
import { SessionService } from '../session/session.service.js';
import { TokenService } from '../session/token.service.js';
import { AccountToken } from '../verification/account-token.entity.js';
import type { AcceptInvitationInput } from './dto/accept-invitation.input.js';
import { Invitation } from './invitation.entity.js';

const STAFF = new Set(['coordinator', 'admin']);

/**
 * Opening an invitation link: the account is made with its address proven (the link proved
 * it), in the invitation's role and organization, and signed in, all in one transaction. The
 * affiliation is approved when a coordinator or admin invited (the inviter decided it), and
 * pending for a coordinator to decide when a member did, as for sign-ups.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
  ) {}

  accept(input: AcceptInvitationInput, userAgent: string | null): Promise<AuthPayload> {
    return uniqueOr(
      () =>
        this.dataSource.transaction(async (manager) => {
          const invitation = await this.claim(manager, input.token);
          // a weak password throws here and rolls the claim back: the link still works
          assertStrongPassword(input.password, [invitation.email, input.name.ja, input.name.en]);
          const inviter = await manager.findOneBy(User, { id: invitation.invitedBy });
          // a coordinator's invitation holds only while its admin still is one
          if (invitation.role === 'coordinator' && inviter?.role !== 'admin')
            throw IdentityError.invalidInvitation();
          // the lock of sign-up: an address is taken by one of them at a time
          await advisoryLock(manager, `sign-up:${invitation.email}`);
          const user = await this.createAccount(manager, invitation, inviter, input);
          invitation.acceptedUserId = user.id;
          await manager.save(invitation);
          return this.sessions.start(manager, user, userAgent);
        }),
      () => IdentityError.emailTaken('input.token'),
    );
  }

  /** Spends the invitation in one statement, so two concurrent accepts cannot both win. */
  private async claim(manager: EntityManager, token: string): Promise<Invitation> {
    const tokenHash = TokenService.hash(token);
    const claimed = await manager
      .createQueryBuilder()
      .update(Invitation)
      .set({ acceptedAt: () => 'now()' })
      .where('tokenHash = :tokenHash AND acceptedAt IS NULL AND revokedAt IS NULL AND expiresAt > now()', {
        tokenHash,
      })
      .returning(['id'])
      .execute();
    const id = (claimed.raw as { id: string }[])[0]?.id;
    if (id) return manager.findOneByOrFail(Invitation, { id });
    const known = await manager.findOneBy(Invitation, { tokenHash });
    throw known?.acceptedAt ? IdentityError.invitationUsed() : IdentityError.invalidInvitation();
  }

  private async createAccount(
    manager: EntityManager,
    invitation: Invitation,
    inviter: User | null,
    input: AcceptInvitationInput,
  ): Promise<User> {
    const existing = await manager.findOneBy(User, { email: invitation.email });
    if (existing?.emailVerifiedAt || existing?.deactivatedAt) throw IdentityError.emailTaken('input.token');
    const decidedByInviter = invitation.role === 'coordinator' || (!!inviter && STAFF.has(inviter.role));
    const now = new Date();
    const fresh: Partial<User> = {
      email: invitation.email,
      passwordHash: await hashPassword(input.password),
      emailVerifiedAt: now,
      name: bilingual(input.name),
      role: invitation.role,
      organizationId: invitation.organizationId,
      affiliationStatus: decidedByInviter ? 'approved' : 'pending',
      affiliationDecidedBy: decidedByInviter ? invitation.invitedBy : null,
      affiliationDecidedAt: decidedByInviter ? now : null,
      affiliationNote: null,
      language: input.language ?? invitation.language,
    };
    // an unproven sign-up for the address is taken over: opening this link proves it
    if (existing) await manager.delete(AccountToken, { userId: existing.id, usedAt: IsNull() });
    const user = await manager.save(Object.assign(existing ?? manager.create(User), fresh));
    await recordAudit(manager, {
      actorUserId: decidedByInviter ? invitation.invitedBy : user.id,
      entityType: 'user',
      entityId: user.id,
      action: decidedByInviter ? 'affiliation approved' : 'joined by invitation',
      before: null,
      after: {
        invitationId: invitation.id,
        role: user.role,
        organizationId: user.organizationId,
        affiliationStatus: user.affiliationStatus,
      },
    });
    return user;
  }
}
