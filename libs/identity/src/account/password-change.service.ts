import { setTimeout } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, bilingual, queueEmails, type SignedInViewer } from '#libs/core';
import { IdentityError } from '../identity.errors.js';
import { revokeSessions } from '../session/revoke-sessions.js';
import { SignInThrottleService } from '../session/sign-in-throttle.service.js';
import { passwordChangedEmail } from '../verification/password-emails.js';
import type { PasswordReceipt } from '../verification/password-receipt.model.js';
import { assertStrongPassword } from './account-rules.js';
import { hashPassword, verifyPassword } from './password.js';
import { User } from './user.entity.js';

const CHANGED = {
  ja: 'パスワードを変更しました。この端末以外ではログアウトしました',
  en: 'Your password was changed; every other device was signed out',
};

/**
 * A signed-in account choosing a new password: the current one is checked with the same
 * progressive delay as sign-in (the counts are shared, per address), the other sessions end,
 * this one stays, and the owner is told by e-mail.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly throttle: SignInThrottleService,
  ) {}

  async change(
    viewer: SignedInViewer,
    currentPassword: string,
    newPassword: string,
  ): Promise<PasswordReceipt> {
    const user = await this.dataSource.manager.findOneByOrFail(User, { id: viewer.userId });
    const delay = this.throttle.begin(user.email);
    if (delay > 0) await setTimeout(delay);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw IdentityError.wrongPassword();
    this.throttle.succeeded(user.email);
    assertStrongPassword(newPassword, [user.email, user.name.ja, user.name.en], 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash });
      await revokeSessions(manager, user.id, 'password changed', viewer.sessionId);
      const resetLink = this.config.publicLink('/forgot-password');
      await queueEmails(manager, [passwordChangedEmail(user.email, user.language, 'changed', resetLink)]);
    });
    return { message: bilingual(CHANGED) };
  }
}
