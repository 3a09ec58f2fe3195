import { setTimeout } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ANONYMOUS, type Viewer } from '#libs/core';
import { normalizeEmail } from '../account/email.js';
import { verifyAgainstDecoy, verifyPassword } from '../account/password.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import type { AuthPayload } from './auth-payload.model.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session } from './session.entity.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { TokenService } from './token.service.js';
import { viewerOf } from './viewer-of.js';

/** Sign-in, token rotation, sign-out, and turning an access token into a Viewer. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async signIn(rawEmail: string, password: string, userAgent: string | null): Promise<AuthPayload> {
    const email = normalizeEmail(rawEmail);
    // the wait comes before the check, so a guesser cannot cut it short; the right password still wins
    const delay = this.throttle.begin(email);
    if (delay > 0) await setTimeout(delay);
    const user = await this.dataSource.manager.findOneBy(User, { email });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDecoy(password);
    if (!user || !valid || !user.emailVerifiedAt) throw IdentityError.invalidCredentials();
    // Only the right password learns that the account is deactivated: a guesser gets the usual answer,
    // and its owner learns why they cannot sign in (and whom to ask) instead of resetting a good password.
    if (user.deactivatedAt) throw IdentityError.accountDeactivated();
    this.throttle.succeeded(email);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { lastSignInAt: new Date() });
      return this.start(manager, user, userAgent);
    });
  }

  /** Opens a session for the account, inside the caller's transaction. */
  async start(manager: EntityManager, user: User, userAgent: string | null): Promise<AuthPayload> {
    const session = await manager.save(
      manager.create(Session, { userId: user.id, userAgent, revokedAt: null, revokedReason: null }),
    );
    return this.issue(manager, user, session.id);
  }

  /**
   * Trades a refresh token for a new pair. Each token works once: presenting a
   * spent one means it leaked, so the whole session is revoked.
   */
  async refresh(refreshToken: string, userAgent: string | null): Promise<AuthPayload> {
    const hash = TokenService.hash(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      // one statement claims the token, so two concurrent refreshes cannot both succeed
      const claimed = await manager
        .createQueryBuilder()
        .update(RefreshToken)
        .set({ usedAt: () => 'now()' })
        .where('tokenHash = :hash AND usedAt IS NULL AND expiresAt > now()', { hash })
        .returning(['sessionId'])
        .execute();
      const spent = claimed.raw as { session_id: string }[];
      if (spent.length === 0) return { reused: await manager.findOneBy(RefreshToken, { tokenHash: hash }) };
      const session = await manager.findOneBy(Session, { id: spent[0].session_id });
      const user =
        session && !session.revokedAt
          ? await manager.findOneBy(User, { id: session.userId, deactivatedAt: IsNull() })
          : null;
      if (!session || !user) return { reused: null };
      await manager.update(Session, { id: session.id }, { lastUsedAt: new Date(), userAgent });
      return { payload: await this.issue(manager, user, session.id) };
    });
    if ('payload' in outcome && outcome.payload) return outcome.payload;
    if (outcome.reused?.usedAt) await this.revoke(outcome.reused.sessionId, 'refresh token reused');
    throw IdentityError.invalidRefreshToken();
  }

  /** Ends the session the refresh token (or else the caller's access token) belongs to. */
  async signOut(refreshToken: string | undefined, viewer: Viewer): Promise<boolean> {
    if (refreshToken) {
      const token = await this.dataSource.manager.findOneBy(RefreshToken, {
        tokenHash: TokenService.hash(refreshToken),
      });
      if (!token) throw IdentityError.invalidRefreshToken();
      await this.revoke(token.sessionId, 'signed out');
      return true;
    }
    if (viewer.kind !== 'user') throw IdentityError.invalidRefreshToken();
    await this.revoke(viewer.sessionId, 'signed out');
    return true;
  }

  /** The viewer behind an Authorization header; revoked sessions and stale tokens are not users. */
  async authenticate(authorization: string | undefined): Promise<Viewer> {
    if (!authorization) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const claims = match ? await this.tokens.verifyAccessToken(match[1]) : undefined;
    if (!claims) return { kind: 'invalid-token' };
    const user = await this.dataSource.manager
      .createQueryBuilder(User, 'user')
      .innerJoin(
        Session,
        'session',
        'session.userId = user.id AND session.id = :sid AND session.revokedAt IS NULL',
        { sid: claims.sid },
      )
      .where('user.id = :id AND user.deactivatedAt IS NULL', { id: claims.sub })
      .getOne();
    if (!user) return { kind: 'invalid-token' };
    return viewerOf(user, claims.sid);
  }

  private async revoke(sessionId: string, reason: string) {
    await this.dataSource.manager.update(
      Session,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  private async issue(manager: EntityManager, user: User, sessionId: string): Promise<AuthPayload> {
    const refresh = this.tokens.refreshToken();
    await manager.insert(RefreshToken, {
      tokenHash: refresh.hash,
      sessionId,
      expiresAt: refresh.expiresAt,
      usedAt: null,
    });
    const access = await this.tokens.accessToken(user.id, sessionId);
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
      user,
      sessionId,
    };
  }
}
