import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService, recordAudit, type SignedInViewer, type Viewer } from '#libs/core';
import { anotherActiveAdmin } from '../account/active-admins.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import { revokeSessions } from '../session/revoke-sessions.js';
import { AccountToken } from '../verification/account-token.entity.js';
import type { DeactivateAccountInput } from './dto/deactivate-account.input.js';

/**
 * An admin turning an account off and on again. A deactivated account keeps its row, its
 * organization and everything attributed to it (names on seeds, proposals and the audit log),
 * but it cannot sign in, refresh or use a token, gets no e-mail (no reset link, no sign-up
 * notice, no notification) and is left out of member lists and recipients. Reactivation
 * lets it sign in again; the sessions ended by the deactivation stay ended.
 */
@Injectable()
export class DeactivationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  deactivate(input: DeactivateAccountInput, admin: SignedInViewer): Promise<User> {
    if (input.userId === admin.userId) throw IdentityError.cannotDeactivateSelf();
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw IdentityError.userNotFound(input.userId, 'input.userId');
      if (user.deactivatedAt) return user;
      if (user.role === 'admin' && !(await anotherActiveAdmin(manager, user.id)))
        throw IdentityError.lastAdmin();
      user.deactivatedAt = new Date();
      user.deactivatedBy = admin.userId;
      user.deactivationReason = input.reason.trim();
      const saved = await manager.save(user);
      const sessionsEnded = await revokeSessions(manager, user.id, 'account deactivated');
      // links already sent (reset, confirmation) must not bring the account back
      await manager.delete(AccountToken, { userId: user.id, usedAt: IsNull() });
      await recordAudit(manager, {
        actorUserId: admin.userId,
        entityType: 'user',
        entityId: user.id,
        action: 'deactivated',
        before: { deactivatedAt: null, deactivationReason: null },
        after: {
          deactivatedAt: saved.deactivatedAt,
          deactivationReason: saved.deactivationReason,
          sessionsEnded,
        },
      });
      return saved;
    });
  }

  reactivate(userId: string, admin: SignedInViewer): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw IdentityError.userNotFound(userId, 'userId');
      if (!user.deactivatedAt) return user;
      const before = { deactivatedAt: user.deactivatedAt, deactivationReason: user.deactivationReason };
      user.deactivatedAt = null;
      user.deactivatedBy = null;
      user.deactivationReason = null;
      const saved = await manager.save(user);
      await recordAudit(manager, {
        actorUserId: admin.userId,
        entityType: 'user',
        entityId: user.id,
        action: 'reactivated',
        before,
        after: { deactivatedAt: null, deactivationReason: null },
      });
      return saved;
    });
  }

  /** Like the address: the account itself and staff (the account itself sees it only while signed in, so null). */
  async deactivatedAtVisibleTo(user: User, viewer: Viewer): Promise<Date | null> {
    const visible = await this.access.checkAccess({ viewer, permission: 'user.read-status', ids: [user.id] });
    return visible.has(user.id) ? user.deactivatedAt : null;
  }
}
