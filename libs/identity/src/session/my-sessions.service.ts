import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { SignedInViewer } from '#libs/core';
import { IdentityError } from '../identity.errors.js';
import type { AccountSession } from './account-session.model.js';
import { RefreshToken } from './refresh-token.entity.js';
import { revokeSessions } from './revoke-sessions.js';
import { Session } from './session.entity.js';

/** The most recently used sessions listed; older ones still count and can still be ended everywhere. */
export const SESSIONS_LISTED = 100;

/** The viewer's own sessions: listing them and ending one or all. */
@Injectable()
export class MySessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Live sessions: not revoked, and the current one or one that can still refresh. */
  async list(viewer: SignedInViewer): Promise<AccountSession[]> {
    const sessions = await this.dataSource.manager
      .createQueryBuilder(Session, 'session')
      .where('session.userId = :userId AND session.revokedAt IS NULL', { userId: viewer.userId })
      .andWhere(
        `(session.id = :current OR EXISTS (${this.dataSource.manager
          .createQueryBuilder(RefreshToken, 'token')
          .select('1')
          .where('token.sessionId = session.id AND token.usedAt IS NULL AND token.expiresAt > now()')
          .getQuery()}))`,
        { current: viewer.sessionId },
      )
      .orderBy('session.lastUsedAt', 'DESC')
      .addOrderBy('session.id')
      .take(SESSIONS_LISTED)
      .getMany();
    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      userAgent: session.userAgent,
      current: session.id === viewer.sessionId,
    }));
  }

  /** Ends one of the viewer's sessions; another account's or an ended one is not found, like an unknown id. */
  async revoke(viewer: SignedInViewer, id: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      Session,
      { id, userId: viewer.userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: 'signed out from another session' },
    );
    if (!result.affected) throw IdentityError.sessionNotFound(id);
    return true;
  }

  /** Ends every session of the viewer, this one included. */
  async signOutEverywhere(viewer: SignedInViewer): Promise<boolean> {
    await revokeSessions(this.dataSource.manager, viewer.userId, 'signed out everywhere');
    return true;
  }
}
