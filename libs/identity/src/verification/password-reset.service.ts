import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig, bilingual, queueEmails, recentEmailCount, advisoryLock } from '#libs/core';
import { assertStrongPassword } from '../account/account-rules.js';
import { normalizeEmail } from '../account/email.js';
import { hashPassword } from '../account/password.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import { revokeSessions } from '../session/revoke-sessions.js';
import { SignInThrottleService } from '../session/sign-in-throttle.service.js';
import { AccountTokenService } from './account-token.service.js';
import { passwordChangedEmail, PASSWORD_RESET_EMAIL_KIND, resetPasswordEmail } from './password-emails.js';
import type { PasswordReceipt } from './password-receipt.model.js';

const LINK_MINUTES = 60;
const HOUR_MS = 3_600_000;
/** Reset e-mails to one address per hour; past it the answer is the same and nothing is sent. */
const EMAILS_PER_ADDRESS_HOUR = 5;

const REQUESTED = {
  ja: 'このメールアドレスのアカウントがあれば、パスワード再設定用のリンクをお送りしました',
  en: 'If this address has an account, we sent it a link to choose a new password',
};
const RESET = {
  ja: 'パスワードを再設定しました。すべての端末でログアウトしましたので、新しいパスワードでログインしてください',
  en: 'Your password was reset and you were signed out everywhere: sign in with the new password',
};

/**
 * Forgotten passwords, without account enumeration: every request answers the same receipt
 * and does the same reads (a locked count and a lookup, no password hash either way); only an
 * address with an account also gets a one-time link (a token row and a queued e-mail). Opening it sets the new password, proves the
 * address (an unconfirmed account becomes confirmed) and ends every session; it does not sign in.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tokens: AccountTokenService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async request(rawEmail: string): Promise<PasswordReceipt> {
    const email = normalizeEmail(rawEmail);
    await this.dataSource.transaction(async (manager) => {
      // one request per address at a time, so the hourly cap cannot be raced past
      await advisoryLock(manager, `password-reset:${email}`);
      const sent = await recentEmailCount(manager, email, PASSWORD_RESET_EMAIL_KIND, HOUR_MS);
      const user = await manager.findOneBy(User, { email, closedAt: IsNull() });
      // a deactivated account gets no link: the answer is the same, nothing is sent
      if (!user || user.deactivatedAt || sent >= EMAILS_PER_ADDRESS_HOUR) return;
      const token = await this.tokens.issue(manager, user.id, 'reset-password', LINK_MINUTES * 60_000);
      const link = this.config.publicLink(`/reset-password#token=${token}`);
      await queueEmails(manager, [resetPasswordEmail(email, user.language, link, LINK_MINUTES)]);
    });
    return { message: bilingual(REQUESTED) };
  }

  /** Spends the link; a weak password rolls everything back, so the link still works for a better one. */
  async reset(token: string, newPassword: string): Promise<PasswordReceipt> {
    const email = await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.claim(manager, token, 'reset-password');
      const user = userId ? await manager.findOneBy(User, { id: userId, closedAt: IsNull() }) : null;
      if (!user || user.deactivatedAt) throw IdentityError.invalidResetToken();
      assertStrongPassword(newPassword, [user.email, user.name.ja, user.name.en], 'newPassword');
      user.passwordHash = await hashPassword(newPassword);
      user.emailVerifiedAt ??= new Date();
      await manager.save(user);
      await revokeSessions(manager, user.id, 'password reset');
      await queueEmails(manager, [
        passwordChangedEmail(user.email, user.language, 'reset', this.config.publicLink('/forgot-password')),
      ]);
      return user.email;
    });
    this.throttle.succeeded(email);
    return { message: bilingual(RESET) };
  }
}
