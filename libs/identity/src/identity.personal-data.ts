import { Injectable, type OnModuleInit } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  bilingual,
  Language,
  PersonalDataService,
  scrubAuditOf,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from '#libs/core';
import { User } from './account/user.entity.js';
import { closedAccountEmail, CLOSED_ACCOUNT_NAME, UNUSABLE_PASSWORD_HASH } from './closure/closed-account.js';
import { Invitation } from './invitation/invitation.entity.js';
import { Session } from './session/session.entity.js';
import { AccountToken } from './verification/account-token.entity.js';

/** The audit fields of an account that say nothing about its owner: their values stay. */
const AUDIT_FIELDS_KEPT = ['affiliationStatus', 'closedAt'];

/**
 * Identity's share: the account and its sessions. Closing keeps the row (audit entries, seeds,
 * proposals and their steps name its id), anonymised: a placeholder address (the real one is
 * free for a new sign-up), a neutral name, a password nothing matches, no organization, default
 * preferences; its sessions, refresh tokens and e-mail links are deleted.
 */
@Injectable()
export class IdentityPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'account';
  readonly layer = 2;

  constructor(private readonly personalData: PersonalDataService) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer }: DataOwner, manager: EntityManager) {
    const user = await manager.findOneByOrFail(User, { id: viewer.userId });
    const sessions = await manager.find(Session, { where: { userId: user.id }, order: { createdAt: 'ASC' } });
    return {
      id: user.id,
      email: user.email,
      name: { ...user.name },
      role: user.role,
      organizationId: user.organizationId,
      affiliationStatus: user.affiliationStatus,
      affiliationDecidedAt: user.affiliationDecidedAt,
      affiliationNote: user.affiliationNote,
      language: user.language,
      notificationDelivery: user.notificationDelivery,
      emailVerifiedAt: user.emailVerifiedAt,
      lastSignInAt: user.lastSignInAt,
      createdAt: user.createdAt,
      invitationsSent: await this.invitationsSent(user.id, manager),
      sessions: sessions.map((session) => ({
        startedAt: session.createdAt,
        lastUsedAt: session.lastUsedAt,
        userAgent: session.userAgent,
        endedAt: session.revokedAt,
        endedBecause: session.revokedReason,
      })),
    };
  }

  async erase({ userId, email }: ClosingAccount, manager: EntityManager) {
    // refresh tokens go with their sessions (ON DELETE CASCADE)
    await manager.delete(Session, { userId });
    await manager.delete(AccountToken, { userId });
    // what they sent stops working; the rows naming their address keep only the placeholder
    await manager.update(
      Invitation,
      { invitedBy: userId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    await manager.update(Invitation, [{ email }, { acceptedUserId: userId }], {
      email: closedAccountEmail(userId),
    });
    await manager.update(
      User,
      { id: userId },
      {
        email: closedAccountEmail(userId),
        name: bilingual(CLOSED_ACCOUNT_NAME),
        passwordHash: UNUSABLE_PASSWORD_HASH,
        emailVerifiedAt: null,
        organizationId: null,
        affiliationStatus: 'none',
        affiliationNote: null,
        language: Language.JA,
        notificationDelivery: {},
        lastSignInAt: null,
        closedAt: new Date(),
      },
    );
    await scrubAuditOf(manager, 'user', userId, AUDIT_FIELDS_KEPT);
  }

  /** The invitations they sent: the addresses are the ones they typed themselves. */
  private async invitationsSent(userId: string, manager: EntityManager) {
    const sent = await manager.find(Invitation, {
      where: { invitedBy: userId },
      order: { createdAt: 'ASC' },
    });
    return sent.map((invitation) => ({
      email: invitation.email,
      role: invitation.role,
      organizationId: invitation.organizationId,
      sentAt: invitation.createdAt,
      acceptedAt: invitation.acceptedAt,
      revokedAt: invitation.revokedAt,
    }));
  }
}
