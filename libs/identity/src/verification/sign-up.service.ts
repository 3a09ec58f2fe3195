import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, bilingual, Language, queueEmails, recentEmailCount, advisoryLock } from '#libs/core';
import { DirectoryError, OrganizationService } from '#libs/directory';
import { assertFitsOrganization, assertStrongPassword } from '../account/account-rules.js';
import type { SignUpInput } from '../account/dto/sign-up.input.js';
import { normalizeEmail } from '../account/email.js';
import { hashPassword } from '../account/password.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import type { AuthPayload } from '../session/auth-payload.model.js';
import { SessionService } from '../session/session.service.js';
import { AccountTokenService } from './account-token.service.js';
import { alreadyRegisteredEmail, confirmAddressEmail, SIGN_UP_EMAIL_KIND } from './sign-up-emails.js';
import type { SignUpReceipt } from './sign-up-receipt.model.js';

const LINK_HOURS = 24;
const HOUR_MS = 3_600_000;
/** Sign-up e-mails to one address per hour; past it the answer is the same and nothing is sent. */
const EMAILS_PER_ADDRESS_HOUR = 5;

const RESENT_MESSAGE = {
  ja: 'このメールアドレスで確認待ちのアカウントがあれば、新しい確認メールを送信しました',
  en: 'If this address has an account waiting for confirmation, we sent it a new link',
};

const RECEIPT_MESSAGE = {
  ja: '確認メールを送信しました。メールのリンクから登録を完了してください',
  en: 'We sent you an e-mail: open its link to finish signing up',
};

/**
 * Self sign-up without account enumeration: every well-formed sign-up gets the
 * same receipt and costs the same password hash. A new address gets a one-time
 * link; the owner of a registered one is told someone tried. The account
 * signs in only once its link is opened (verifyEmail).
 */
@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
    private readonly sessions: SessionService,
    private readonly tokens: AccountTokenService,
  ) {}

  async signUp(input: SignUpInput): Promise<SignUpReceipt> {
    const organization = await this.organizations.find(input.organizationId);
    if (!organization)
      throw DirectoryError.organizationNotFound(input.organizationId, 'input.organizationId');
    assertFitsOrganization(input.role, organization);
    assertStrongPassword(input.password, [input.email, input.name.ja, input.name.en]);
    const email = normalizeEmail(input.email);
    const account = { ...input, email, passwordHash: await hashPassword(input.password) };
    await this.dataSource.transaction(async (manager) => {
      // one sign-up per address at a time, so the checks below cannot race
      await advisoryLock(manager, `sign-up:${email}`);
      if ((await recentEmailCount(manager, email, SIGN_UP_EMAIL_KIND, HOUR_MS)) >= EMAILS_PER_ADDRESS_HOUR)
        return;
      const existing = await manager.findOneBy(User, { email });
      // a deactivated address is neither told nor registered anew: only an admin brings it back
      if (existing?.deactivatedAt) return;
      if (existing?.emailVerifiedAt)
        return queueEmails(manager, [
          alreadyRegisteredEmail(email, existing.language, this.config.publicLink('/sign-in')),
        ]);
      await this.register(manager, existing, account);
    });
    return { email, message: bilingual(RECEIPT_MESSAGE) };
  }

  /** Opens the link: the address is proven, and the account is signed in. */
  async verifyEmail(token: string, userAgent: string | null): Promise<AuthPayload> {
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.claim(manager, token, 'verify-email');
      const user = userId ? await manager.findOneBy(User, { id: userId }) : null;
      if (!user || user.deactivatedAt) throw IdentityError.invalidEmailToken();
      user.emailVerifiedAt ??= new Date();
      return this.sessions.start(manager, await manager.save(user), userAgent);
    });
  }

  /**
   * A new link for an account nobody confirmed yet (the older one stops working); any other
   * address gets the same answer and nothing. Counted with sign-up e-mails in the same hourly cap.
   */
  async resendVerificationEmail(rawEmail: string): Promise<SignUpReceipt> {
    const email = normalizeEmail(rawEmail);
    await this.dataSource.transaction(async (manager) => {
      await advisoryLock(manager, `sign-up:${email}`);
      if ((await recentEmailCount(manager, email, SIGN_UP_EMAIL_KIND, HOUR_MS)) >= EMAILS_PER_ADDRESS_HOUR)
        return;
      const user = await manager.findOneBy(User, { email });
      if (!user || user.emailVerifiedAt || user.deactivatedAt) return;
      await this.sendLink(manager, user);
    });
    return { email, message: bilingual(RESENT_MESSAGE) };
  }

  /**
   * A new account, or a fresh start for one whose address nobody proved yet:
   * whoever opens the newest link owns it.
   */
  private async register(
    manager: EntityManager,
    existing: User | null,
    account: SignUpInput & { passwordHash: string },
  ) {
    const fresh: Partial<User> = {
      email: account.email,
      passwordHash: account.passwordHash,
      emailVerifiedAt: null,
      name: bilingual(account.name),
      role: account.role,
      organizationId: account.organizationId,
      affiliationStatus: 'pending',
      language: account.language ?? Language.JA,
    };
    const user: User = Object.assign(existing ?? manager.create(User), fresh);
    await manager.save(user);
    await this.sendLink(manager, user);
  }

  /** A one-time confirmation link to the account's address; earlier ones stop working. */
  private async sendLink(manager: EntityManager, user: User) {
    const token = await this.tokens.issue(manager, user.id, 'verify-email', LINK_HOURS * HOUR_MS);
    const link = this.config.publicLink(`/verify-email#token=${token}`);
    await queueEmails(manager, [confirmAddressEmail(user.email, user.language, link, LINK_HOURS)]);
  }
}
