import { setTimeout } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { bilingual, PersonalDataService, queueEmails, recordAudit, type SignedInViewer } from '#libs/core';
import { verifyPassword } from '../account/password.js';
import { anotherActiveAdmin } from '../account/active-admins.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import { SignInThrottleService } from '../session/sign-in-throttle.service.js';
import { accountClosedEmail } from './closed-account.js';
import type { AccountClosure, MyDataExport } from './closure.model.js';

const CLOSED = {
  ja: 'アカウントを退会しました。ご利用ありがとうございました',
  en: 'Your account was closed. Thank you for using Kyoso',
};

/**
 * The owner's own data: its export (every library's section, gathered through the
 * PersonalDataService registry) and closing the account (every library erases or anonymises
 * its share in one transaction; see docs/personal-data.md).
 */
@Injectable()
export class AccountClosureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly personalData: PersonalDataService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async exportMyData(viewer: SignedInViewer): Promise<MyDataExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const user = await manager.findOneBy(User, { id: viewer.userId });
      if (!user) throw IdentityError.userNotFound(viewer.userId, 'viewer');
      const generatedAt = new Date();
      const sections = await this.personalData.export({ viewer, email: user.email }, manager);
      await recordAudit(manager, {
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'data exported',
        before: null,
        after: { sections: Object.keys(sections) },
      });
      return { generatedAt, json: JSON.stringify({ generatedAt, accountId: user.id, ...sections }, null, 2) };
    });
  }

  async close(viewer: SignedInViewer, currentPassword: string): Promise<AccountClosure> {
    const user = await this.dataSource.manager.findOneBy(User, { id: viewer.userId });
    if (!user) throw IdentityError.userNotFound(viewer.userId, 'viewer');
    // the same delay as sign-in, counted per address, so the password cannot be guessed here instead
    const delay = this.throttle.begin(user.email);
    if (delay > 0) await setTimeout(delay);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw IdentityError.wrongPassword();
    this.throttle.succeeded(user.email);
    const closedAt = await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(User, {
        where: { id: user.id, closedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!account) throw IdentityError.userNotFound(viewer.userId, 'viewer');
      if (account.role === 'admin' && !(await anotherActiveAdmin(manager, account.id)))
        throw IdentityError.lastAdminCloses();
      await this.personalData.erase({ userId: account.id, email: account.email }, manager);
      const closed = await manager.findOneByOrFail(User, { id: account.id });
      await queueEmails(manager, [
        { ...accountClosedEmail(account.email, account.language), forgetWhenSent: true },
      ]);
      await recordAudit(manager, {
        actorUserId: account.id,
        entityType: 'user',
        entityId: account.id,
        action: 'account closed',
        before: { closedAt: null },
        after: { closedAt: closed.closedAt },
      });
      return closed.closedAt as Date;
    });
    return { closedAt, message: bilingual(CLOSED) };
  }
}
