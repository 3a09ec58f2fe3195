import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { TokenService } from '../session/token.service.js';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity.js';

/** One-time tokens for links sent by e-mail: issued, replaced, and claimed once. */
@Injectable()
export class AccountTokenService {
  /**
   * A new token for the account; earlier unused ones of the same purpose stop working.
   * `newEmail` is the address a 'change-email' link moves the account to.
   */
  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    lifetimeMs: number,
    newEmail: string | null = null,
  ): Promise<string> {
    await this.withdraw(manager, userId, [purpose]);
    const token = randomBytes(32).toString('base64url');
    await manager.insert(AccountToken, {
      userId,
      purpose,
      tokenHash: TokenService.hash(token),
      expiresAt: new Date(Date.now() + lifetimeMs),
      newEmail,
      usedAt: null,
    });
    return token;
  }

  /** The account's unused links of these purposes stop working. */
  async withdraw(manager: EntityManager, userId: string, purposes: AccountTokenPurpose[]): Promise<void> {
    await manager.delete(AccountToken, { userId, purpose: In(purposes), usedAt: IsNull() });
  }

  /** Spends the token in one statement (two concurrent claims cannot both win); its account, or null. */
  async claim(manager: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
    return (await this.spend(manager, token, purpose))?.userId ?? null;
  }

  /** Spends a 'change-email' token: its account and the address it moves to, or null. */
  async claimEmailChange(
    manager: EntityManager,
    token: string,
  ): Promise<{ userId: string; newEmail: string } | null> {
    const spent = await this.spend(manager, token, 'change-email');
    return spent?.newEmail ? { userId: spent.userId, newEmail: spent.newEmail } : null;
  }

  private async spend(manager: EntityManager, token: string, purpose: AccountTokenPurpose) {
    const claimed = await manager
      .createQueryBuilder()
      .update(AccountToken)
      .set({ usedAt: () => 'now()' })
      .where('tokenHash = :hash AND purpose = :purpose AND usedAt IS NULL AND expiresAt > now()', {
        hash: TokenService.hash(token),
        purpose,
      })
      .returning(['userId', 'newEmail'])
      .execute();
    const row = (claimed.raw as { user_id: string; new_email: string | null }[])[0];
    return row ? { userId: row.user_id, newEmail: row.new_email } : null;
  }
}
