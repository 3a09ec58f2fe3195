import { setTimeout } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppConfig,
  bilingual,
  queueEmails,
  recentEmailCount,
  recordAudit,
  uniqueOr,
  type SignedInViewer,
  advisoryLock,
} from '#libs/core';
import { normalizeEmail } from '../account/email.js';
import { verifyPassword } from '../account/password.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import { SignInThrottleService } from '../session/sign-in-throttle.service.js';
import { AccountTokenService } from '../verification/account-token.service.js';
import type { RequestEmailChangeInput } from './dto/request-email-change.input.js';
import {
  addressAlreadyRegisteredEmail,
  changeRequestedEmail,
  confirmNewAddressEmail,
  EMAIL_CHANGE_EMAIL_KIND,
  emailChangedEmail,
} from './email-change-emails.js';
import type { EmailReceipt } from './email-receipt.model.js';

const LINK_HOURS = 24;
const HOUR_MS = 3_600_000;
/** Change e-mails to one address (current or new) per hour; past it the answer is the same and nothing is sent. */
const EMAILS_PER_ADDRESS_HOUR = 5;

const REQUESTED = {
  ja: '新しいメールアドレスに確認メールを送信しました。メールのリンクを開くと変更が完了します',
  en: 'We sent an e-mail to the new address: open its link to complete the change',
};
const CHANGED = {
  ja: 'メールアドレスを変更しました。今後は新しいアドレスでログインしてください',
  en: 'Your e-mail address was changed: sign in with the new one from now on',
};

/**
 * Moving an account to another address, proven before it takes effect. A request needs the
 * current password (with the sign-in delay, counts shared per address) and always answers the
 * same receipt: a free new address gets a one-time link, the owner of a taken one is told that
 * nothing changed, and the current address is told of the request either way, so the requester
 * learns nothing about the new address from either inbox. Opening the link (any browser, no
 * sign-in) moves the account, proves the address and tells the former one; sessions stay.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly tokens: AccountTokenService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async request(viewer: SignedInViewer, input: RequestEmailChangeInput): Promise<EmailReceipt> {
    const user = await this.dataSource.manager.findOneByOrFail(User, { id: viewer.userId });
    const delay = this.throttle.begin(user.email);
    if (delay > 0) await setTimeout(delay);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
      throw IdentityError.wrongPassword('input.currentPassword');
    this.throttle.succeeded(user.email);
    const newEmail = normalizeEmail(input.newEmail);
    if (newEmail === user.email) throw IdentityError.emailUnchanged();
    await this.dataSource.transaction(async (manager) => {
      // in address order, so two requests between the same addresses cannot deadlock or race the caps
      for (const address of [user.email, newEmail].sort())
        await advisoryLock(manager, `email-change:${address}`);
      const sent = (address: string) => recentEmailCount(manager, address, EMAIL_CHANGE_EMAIL_KIND, HOUR_MS);
      if (
        (await sent(user.email)) >= EMAILS_PER_ADDRESS_HOUR ||
        (await sent(newEmail)) >= EMAILS_PER_ADDRESS_HOUR
      )
        return;
      // a newer request replaces the older link, whether or not it gets one of its own
      await this.tokens.withdraw(manager, user.id, ['change-email']);
      const owner = await manager.findOneBy(User, { email: newEmail });
      // a deactivated owner is written to by nobody; the requester's answer stays the same
      const toNewAddress = !owner
        ? await this.linkTo(manager, user, newEmail)
        : owner.deactivatedAt
          ? []
          : [addressAlreadyRegisteredEmail(newEmail, owner.language, this.config.publicLink('/sign-in'))];
      await queueEmails(manager, [
        ...[toNewAddress].flat(),
        changeRequestedEmail(user.email, user.language, newEmail, this.config.publicLink('/forgot-password')),
      ]);
    });
    return { email: newEmail, message: bilingual(REQUESTED) };
  }

  /**
   * Opens the link: the account moves to the new address. An address taken since the request is
   * EMAIL_TAKEN with everything rolled back (the link is not spent).
   */
  async confirm(token: string): Promise<EmailReceipt> {
    const email = await uniqueOr(
      () =>
        this.dataSource.transaction(async (manager) => {
          const claimed = await this.tokens.claimEmailChange(manager, token);
          const user = claimed ? await manager.findOneBy(User, { id: claimed.userId }) : null;
          if (!claimed || !user) throw IdentityError.invalidEmailChangeToken();
          if (await manager.existsBy(User, { email: claimed.newEmail }))
            throw IdentityError.emailChangeTaken();
          const before = user.email;
          user.email = claimed.newEmail;
          user.emailVerifiedAt = new Date();
          await manager.save(user);
          // links sent to the former address must not reach the account any more
          await this.tokens.withdraw(manager, user.id, ['reset-password', 'verify-email']);
          await recordAudit(manager, {
            actorUserId: user.id,
            entityType: 'user',
            entityId: user.id,
            action: 'email changed',
            before: { email: before },
            after: { email: user.email },
          });
          await queueEmails(manager, [
            emailChangedEmail(before, user.language, user.email, this.config.publicLink('/forgot-password')),
          ]);
          return user.email;
        }),
      () => IdentityError.emailChangeTaken(),
    );
    return { email, message: bilingual(CHANGED) };
  }

  /** The one-time link that moves the account to `newEmail`, addressed to it. */
  private async linkTo(manager: EntityManager, user: User, newEmail: string) {
    const lifetime = LINK_HOURS * HOUR_MS;
    const token = await this.tokens.issue(manager, user.id, 'change-email', lifetime, newEmail);
    const link = this.config.publicLink(`/confirm-email#token=${token}`);
    return confirmNewAddressEmail(newEmail, user.language, link, LINK_HOURS);
  }
}
