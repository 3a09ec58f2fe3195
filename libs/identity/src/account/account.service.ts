import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  AccessService,
  bilingual,
  logger,
  paginate,
  recordAudit,
  uniqueOr,
  type Page,
  type PageArgs,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { PersonService, type Person, type UpdateMyProfileInput } from '#libs/directory';
import { IdentityError } from '../identity.errors.js';
import type { CreateStaffAccountInput } from './dto/create-staff-account.input.js';
import type { DecideAffiliationInput } from './dto/decide-affiliation.input.js';
import { normalizeEmail } from './email.js';
import { hashPassword } from './password.js';
import { assertStrongPassword } from './account-rules.js';
import { User } from './user.entity.js';

const STAFF_ROLES = ['coordinator', 'admin'];

/** Accounts: staff accounts, the first admin, members, and affiliation decisions (sign-up: SignUpService). */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly people: PersonService,
  ) {}

  async createStaffAccount(input: CreateStaffAccountInput): Promise<User> {
    assertStrongPassword(input.password, [input.email, input.name.ja, input.name.en]);
    const passwordHash = await hashPassword(input.password);
    return this.createAccount(input.email, (manager, email) =>
      manager.save(
        manager.create(User, {
          email,
          passwordHash,
          name: bilingual(input.name),
          role: input.role,
          organizationId: null,
          affiliationStatus: 'approved',
          // staff accounts are made by an admin (or the operator) who vouches for the address
          emailVerifiedAt: new Date(),
        }),
      ),
    );
  }

  /** The first admin (from `npm run create-admin` or ADMIN_EMAIL at boot); a no-op once any admin exists. */
  async ensureFirstAdmin(email: string, password: string): Promise<User | undefined> {
    if (await this.dataSource.manager.existsBy(User, { role: 'admin', closedAt: IsNull() })) return undefined;
    const admin = await this.createStaffAccount({
      email,
      password,
      name: { ja: '管理者', en: 'Administrator' },
      role: 'admin' as CreateStaffAccountInput['role'],
    });
    logger('AccountService').info({ email: admin.email }, 'created the first admin account');
    return admin;
  }

  /** A researcher's own directory profile (made on first use): never anyone else's. */
  async updateMyProfile(input: UpdateMyProfileInput, viewer: SignedInViewer): Promise<Person> {
    const account = await this.get(viewer.userId);
    // @Allow('researcher') admits approved researchers, who have an organization; a closed account has none
    if (!account?.organizationId) throw IdentityError.userNotFound(viewer.userId, 'viewer');
    return this.people.updateOwnProfile(
      { userId: account.id, name: account.name, organizationId: account.organizationId, role: 'researcher' },
      input,
    );
  }

  /** Email addresses are private: the account itself and coordinators see them. */
  async emailVisibleTo(user: User, viewer: Viewer): Promise<string | null> {
    const visible = await this.access.checkAccess({
      viewer,
      permission: 'user.read-email',
      ids: [user.id],
    });
    return visible.has(user.id) ? user.email : null;
  }

  get(id: string): Promise<User | null> {
    return this.dataSource.manager.findOneBy(User, { id });
  }

  /** The accounts with these ids (unknown ids are left out, order is not kept). */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    return ids.length ? manager.findBy(User, { id: In(ids) }) : Promise.resolve([]);
  }

  /** Every active coordinator and admin account (deactivated ones are told nothing). */
  async staffUserIds(manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const staff = await manager.find(User, {
      select: { id: true },
      where: { role: In(STAFF_ROLES), deactivatedAt: IsNull(), closedAt: IsNull() },
    });
    return staff.map((user) => user.id);
  }

  /** The approved, active members of an organization. */
  async approvedMemberIds(
    organizationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const members = await manager.find(User, {
      select: { id: true },
      where: { organizationId, affiliationStatus: 'approved', deactivatedAt: IsNull() },
    });
    return members.map((user) => user.id);
  }

  pendingAffiliations(args: PageArgs): Promise<Page<User>> {
    const query = this.dataSource.manager
      .createQueryBuilder(User, 'user')
      .where('user.affiliationStatus = :status', { status: 'pending' })
      .andWhere('user.emailVerifiedAt IS NOT NULL')
      .andWhere('user.deactivatedAt IS NULL');
    return paginate(query, args);
  }

  /** Approved, active members of an organization: for its own members and for staff. */
  async members(organizationId: string, args: PageArgs, viewer: SignedInViewer): Promise<Page<User>> {
    await this.access.requireAccess({
      viewer,
      permission: 'organization.list-members',
      ids: [organizationId],
    });
    const query = this.dataSource.manager
      .createQueryBuilder(User, 'user')
      .where('user.organizationId = :organizationId AND user.affiliationStatus = :approved', {
        organizationId,
        approved: 'approved',
      })
      .andWhere('user.deactivatedAt IS NULL');
    return paginate(query, args);
  }

  approveAffiliation(input: DecideAffiliationInput, coordinator: SignedInViewer): Promise<User> {
    return this.decideAffiliation(input, coordinator, 'approved');
  }

  rejectAffiliation(input: DecideAffiliationInput, coordinator: SignedInViewer): Promise<User> {
    return this.decideAffiliation(input, coordinator, 'rejected');
  }

  /**
   * Accounts carry no version (a decision is idempotent and the last one wins),
   * so this is a locked, audited write rather than a VersionedWriter one.
   */
  private async decideAffiliation(
    input: DecideAffiliationInput,
    coordinator: SignedInViewer,
    decision: 'approved' | 'rejected',
  ) {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: input.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw IdentityError.userNotFound(input.userId, 'input.userId');
      if (!user.organizationId) throw IdentityError.noAffiliation();
      if (!user.emailVerifiedAt) throw IdentityError.emailNotVerified();
      if (user.affiliationStatus === decision) return user;
      const before = affiliationOf(user);
      user.affiliationStatus = decision;
      user.affiliationDecidedBy = coordinator.userId;
      user.affiliationDecidedAt = new Date();
      user.affiliationNote = input.note?.trim() || null;
      const saved = await manager.save(user);
      await recordAudit(manager, {
        actorUserId: coordinator.userId,
        entityType: 'user',
        entityId: user.id,
        action: `affiliation ${decision}`,
        before,
        after: affiliationOf(saved),
      });
      return saved;
    });
  }

  /** Staff accounts: runs create with a normalized, unused email; a concurrent duplicate still ends as EMAIL_TAKEN. */
  private async createAccount<T>(
    rawEmail: string,
    create: (manager: EntityManager, email: string) => Promise<T>,
  ): Promise<T> {
    const email = normalizeEmail(rawEmail);
    if (await this.dataSource.manager.existsBy(User, { email })) throw IdentityError.emailTaken();
    return uniqueOr(
      () => this.dataSource.transaction((manager) => create(manager, email)),
      () => IdentityError.emailTaken(),
    );
  }
}

/** What the audit log keeps of an affiliation decision. */
function affiliationOf(user: User) {
  return { affiliationStatus: user.affiliationStatus, affiliationNote: user.affiliationNote };
}
