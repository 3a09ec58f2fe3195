import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  bilingual,
  isStaff,
  isUniqueViolation,
  logger,
  paginate,
  recordAudit,
  type Page,
  type PageArgs,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { DirectoryError, Organization, OrganizationService } from '#libs/directory';
import type { AuthPayload } from './auth-payload.model.js';
import type { CreateStaffAccountInput, DecideAffiliationInput, SignUpInput } from './dto/account.input.js';
import { IdentityError, IdentityErrorCode } from './identity-errors.js';
import { hashPassword } from './password-hasher.js';
import { normalizeEmail, SessionService } from './session.service.js';
import { User } from './user.entity.js';

const COMPANY_TYPES = new Set(['company', 'startup']);

/** Accounts: sign-up, staff accounts, the first admin, and affiliation decisions. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly sessions: SessionService,
  ) {}

  /** Creates a researcher or company member whose affiliation waits for a coordinator. */
  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const organization = await this.organizations.find(input.organizationId);
    if (!organization)
      throw DirectoryError.organizationNotFound(input.organizationId, 'input.organizationId');
    assertFitsOrganization(input.role, organization);
    const passwordHash = await hashPassword(input.password);
    return this.createAccount(input.email, async (manager, email) => {
      const user = await manager.save(
        manager.create(User, {
          email,
          passwordHash,
          name: bilingual(input.name),
          role: input.role,
          organizationId: organization.id,
          affiliationStatus: 'pending',
        }),
      );
      return this.sessions.start(manager, user);
    });
  }

  async createStaffAccount(input: CreateStaffAccountInput): Promise<User> {
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
        }),
      ),
    );
  }

  /** The first admin (from `npm run create-admin` or ADMIN_EMAIL at boot); a no-op once any admin exists. */
  async ensureFirstAdmin(email: string, password: string): Promise<User | undefined> {
    if (await this.dataSource.manager.existsBy(User, { role: 'admin' })) return undefined;
    const admin = await this.createStaffAccount({
      email,
      password,
      name: { ja: '管理者', en: 'Administrator' },
      role: 'admin' as CreateStaffAccountInput['role'],
    });
    logger('AccountService').info({ email: admin.email }, 'created the first admin account');
    return admin;
  }

  /** Email addresses are private: the account itself and coordinators see them. */
  emailVisibleTo(user: User, viewer: Viewer): string | null {
    return isStaff(viewer) || (viewer.kind === 'user' && viewer.userId === user.id) ? user.email : null;
  }

  get(id: string): Promise<User | null> {
    return this.dataSource.manager.findOneBy(User, { id });
  }

  pendingAffiliations(args: PageArgs): Promise<Page<User>> {
    const query = this.dataSource.manager
      .createQueryBuilder(User, 'user')
      .where('user.affiliationStatus = :status', { status: 'pending' });
    return paginate(query, args);
  }

  /** Approved members of an organization: for its own members and for staff. */
  members(organizationId: string, args: PageArgs, viewer: SignedInViewer): Promise<Page<User>> {
    if (!isStaff(viewer) && viewer.organizationId !== organizationId) {
      throw new IdentityError(
        IdentityErrorCode.NotYourOrganization,
        {
          ja: '所属していない組織のメンバーは表示できません',
          en: 'You can list the members of your own organization only',
        },
        [{ path: 'organizationId', messages: ['not your organization'] }],
      );
    }
    const query = this.dataSource.manager
      .createQueryBuilder(User, 'user')
      .where('user.organizationId = :organizationId AND user.affiliationStatus = :approved', {
        organizationId,
        approved: 'approved',
      });
    return paginate(query, args);
  }

  approveAffiliation(input: DecideAffiliationInput, coordinator: SignedInViewer): Promise<User> {
    return this.decideAffiliation(input, coordinator, 'approved');
  }

  rejectAffiliation(input: DecideAffiliationInput, coordinator: SignedInViewer): Promise<User> {
    return this.decideAffiliation(input, coordinator, 'rejected');
  }

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
      if (!user.organizationId) {
        throw new IdentityError(
          IdentityErrorCode.NoAffiliation,
          { ja: 'このアカウントには所属がありません', en: 'This account has no affiliation to decide on' },
          [{ path: 'input.userId', messages: ['staff accounts have no affiliation'] }],
        );
      }
      if (user.affiliationStatus === decision) return user;
      const before = { affiliationStatus: user.affiliationStatus, affiliationNote: user.affiliationNote };
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
        after: { affiliationStatus: saved.affiliationStatus, affiliationNote: saved.affiliationNote },
      });
      return saved;
    });
  }

  /** Runs create with a normalized, unused email; a concurrent duplicate still ends as EMAIL_TAKEN. */
  private async createAccount<T>(
    rawEmail: string,
    create: (manager: EntityManager, email: string) => Promise<T>,
  ): Promise<T> {
    const email = normalizeEmail(rawEmail);
    const emailTaken = () =>
      new IdentityError(
        IdentityErrorCode.EmailTaken,
        { ja: 'このメールアドレスは既に登録されています', en: 'An account with this email already exists' },
        [{ path: 'input.email', messages: ['already registered'] }],
      );
    if (await this.dataSource.manager.existsBy(User, { email })) throw emailTaken();
    try {
      return await this.dataSource.transaction((manager) => create(manager, email));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }
}

function assertFitsOrganization(role: string, organization: Organization) {
  const isCompany = COMPANY_TYPES.has(organization.type);
  if ((role === 'company-member') === isCompany) return;
  throw new IdentityError(
    IdentityErrorCode.OrganizationMismatch,
    role === 'company-member'
      ? {
          ja: '企業の方は企業・ベンチャーを所属に選んでください',
          en: 'Company members belong to a company or startup',
        }
      : {
          ja: '研究者の方は大学・研究機関などを所属に選んでください',
          en: 'Researchers belong to a university, institute or laboratory, not a company',
        },
    [{ path: 'input.organizationId', messages: [`a ${role} cannot belong to a ${organization.type}`] }],
  );
}
