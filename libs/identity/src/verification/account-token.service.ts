import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { TokenService } from '../session/token.service.js';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity.js';

/** One-time tokens for links sent by e-mail: issued, replaced, and claimed once. */
@Injectable()
export class AccountTokenService {
  /** A new token for the account; earlier unused ones of the same purpose stop working. */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    lifetimeMs: number,
  ): Promise<string> {
    await manager.delete(AccountToken, { userId, purpose, usedAt: IsNull() });
    const token = randomBytes(32).toString('base64url');
    await manager.insert(AccountToken, {
      userId,
      purpose,
      tokenHash: TokenService.hash(token),
      expiresAt: new Date(Date.now() + lifetimeMs),
      usedAt: null,
    });
    return token;
  }

  /** Spends the token in one statement (two concurrent claims cannot both win); its account, or null. */
  async claim(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    const claimed = await manager
      .createQueryBuilder()
      .update(AccountToken)
      .set({ usedAt: () => 'now()' })
      .where('tokenHash = :hash AND purpose = :purpose AND usedAt IS NULL AND expiresAt > now()', {
        hash: TokenService.hash(token),
        purpose,
      })
      .returning(['userId'])
      .execute();
    const rows = claimed.raw as { user_id: string }[];
    return rows[0]?.user_id ?? null;
  }
}
