import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import {
  AppConfig,
  bilingual,
  CoreError,
  isStaff,
  Language,
  paginate,
  queueEmails,
  recentEmailCount,
  recordAudit,
  type BilingualText,
  type Page,
  type PageArgs,
  type Role,
  type SignedInViewer,
  advisoryLock,
} from '#libs/core';
import { DirectoryError, OrganizationService, type Organization } from '#libs/directory';
import { assertFitsOrganization, memberRoleOf } from '../account/account-rules.js';
import { normalizeEmail } from '../account/email.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';
import { TokenService } from '../session/token.service.js';
import { InviteColleagueInput, InvitedRole } from './dto/invite-colleague.input.js';
import {
  alreadyMemberInvitationEmail,
  INVITATION_EMAIL_KIND,
  invitationEmail,
  type InvitationLetter,
} from './invitation-emails.js';
import { Invitation } from './invitation.entity.js';
import type { InvitationReceipt } from './invitation.model.js';

const LINK_DAYS = 7;
const HOUR_MS = 3_600_000;
/** Invitation e-mails one account may send an hour; past it the answer is the same and nothing is sent. */
export const INVITATIONS_PER_INVITER_HOUR = 20;
/** Invitation e-mails to one address an hour, whoever sends them. */
export const INVITATIONS_PER_ADDRESS_HOUR = 5;

const RECEIPT_MESSAGE = {
  ja: '招待メールをお送りしました（既にアカウントのある方には、ログインのご案内が届きます）',
  en: 'We e-mailed the invitation (someone who already has an account is told to sign in)',
};

/** What an invitation offers: a role, in an organization unless it is a coordinator's. */
interface Offer {
  role: Role;
  organization: Organization | null;
}

/**
 * Invitations by e-mail, without account enumeration: every well-formed invitation answers the
 * same receipt and writes the same invitation row (so the inviter's list tells nothing either);
 * a free address gets the one-time link, one with an account a note that it can sign in.
 */
@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly organizations: OrganizationService,
  ) {}

  async invite(input: InviteColleagueInput, viewer: SignedInViewer): Promise<InvitationReceipt> {
    const offer = await this.offer(input, viewer);
    const email = normalizeEmail(input.email);
    await this.dataSource.transaction(async (manager) => {
      // the inviter's lock first, then the address's: the caps below cannot be raced past
      await advisoryLock(manager, `invitations-by:${viewer.userId}`);
      await advisoryLock(manager, `invitation:${email}`);
      if (await this.overCaps(manager, viewer.userId, email)) return;
      const inviter = await manager.findOneByOrFail(User, { id: viewer.userId });
      const existing = await manager.findOneBy(User, { email });
      const language = input.language ?? Language.JA;
      const token = randomBytes(32).toString('base64url');
      const invitation = await this.record(manager, email, offer, viewer.userId, language, token);
      const letter: InvitationLetter = {
        language: existing?.emailVerifiedAt ? existing.language : language,
        inviter: named(inviter.name),
        organization: offer.organization ? named(offer.organization.name) : null,
        role: offer.role,
        note: input.message?.trim() || null,
      };
      // a deactivated account is written to by nobody (the row is kept, so the list tells nothing)
      if (existing?.deactivatedAt) return;
      // an address someone proved already has an account: no link (the token is never sent)
      const draft = existing?.emailVerifiedAt
        ? alreadyMemberInvitationEmail(email, letter, this.config.publicLink('/sign-in'))
        : invitationEmail(
            email,
            letter,
            this.config.publicLink(`/accept-invitation#token=${token}`),
            invitation.expiresAt,
          );
      await queueEmails(manager, [draft]);
    });
    return { email, message: bilingual(RECEIPT_MESSAGE) };
  }

  /** The caller's own sent invitations (staff: everyone's), newest first. */
  list(args: PageArgs, viewer: SignedInViewer): Promise<Page<Invitation>> {
    const query = this.dataSource.manager.createQueryBuilder(Invitation, 'invitation');
    if (!isStaff(viewer)) query.where('invitation.invitedBy = :userId', { userId: viewer.userId });
    return paginate(query, args, 'DESC');
  }

  /** The inviter or staff withdraw a pending invitation; anyone else's is not found. */
  revoke(id: string, viewer: SignedInViewer): Promise<Invitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || (!isStaff(viewer) && invitation.invitedBy !== viewer.userId))
        throw IdentityError.invitationNotFound(id);
      if (invitation.acceptedAt) throw IdentityError.invitationUsed('id');
      if (invitation.revokedAt) return invitation;
      invitation.revokedAt = new Date();
      const saved = await manager.save(invitation);
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'invitation',
        entityId: saved.id,
        action: 'revoked',
        before: { revokedAt: null },
        after: { revokedAt: saved.revokedAt },
      });
      return saved;
    });
  }

  /** Who may offer what: members their own organization's role, staff any, admins also coordinators. */
  private async offer(input: InviteColleagueInput, viewer: SignedInViewer): Promise<Offer> {
    if (input.role === InvitedRole.COORDINATOR) {
      if (viewer.role !== 'admin') throw IdentityError.adminsInviteCoordinators();
      if (input.organizationId)
        throw CoreError.invalidInput([
          { path: 'input.organizationId', messages: ['a coordinator belongs to no organization'] },
        ]);
      return { role: 'coordinator', organization: null };
    }
    const organizationId = isStaff(viewer)
      ? input.organizationId
      : (input.organizationId ?? viewer.organizationId);
    if (!organizationId)
      throw CoreError.invalidInput([
        { path: 'input.organizationId', messages: ['name the organization the colleague joins'] },
      ]);
    if (!isStaff(viewer) && organizationId !== viewer.organizationId)
      throw IdentityError.inviteToOwnOrganization();
    const organization = await this.organizations.find(organizationId);
    if (!organization) throw DirectoryError.organizationNotFound(organizationId, 'input.organizationId');
    const role = input.role ?? memberRoleOf(organization);
    assertFitsOrganization(role, organization);
    return { role, organization };
  }

  private async overCaps(manager: EntityManager, inviterId: string, email: string): Promise<boolean> {
    const since = new Date(Date.now() - HOUR_MS);
    const byInviter = await manager.countBy(Invitation, { invitedBy: inviterId, createdAt: MoreThan(since) });
    if (byInviter >= INVITATIONS_PER_INVITER_HOUR) return true;
    return (
      (await recentEmailCount(manager, email, INVITATION_EMAIL_KIND, HOUR_MS)) >= INVITATIONS_PER_ADDRESS_HOUR
    );
  }

  /** The new invitation; an older pending one to the same address and organization is replaced. */
  private async record(
    manager: EntityManager,
    email: string,
    offer: Offer,
    invitedBy: string,
    language: Language,
    token: string,
  ): Promise<Invitation> {
    const organizationId = offer.organization?.id ?? null;
    await manager.update(
      Invitation,
      { email, organizationId: organizationId ?? IsNull(), acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    return manager.save(
      manager.create(Invitation, {
        email,
        role: offer.role,
        organizationId,
        invitedBy,
        language,
        tokenHash: TokenService.hash(token),
        expiresAt: new Date(Date.now() + LINK_DAYS * 24 * HOUR_MS),
        acceptedAt: null,
        acceptedUserId: null,
        revokedAt: null,
      }),
    );
  }
}

/** A name for an e-mail in either language, the other language standing in for a missing one. */
function named(name: BilingualText): { ja: string; en: string } {
  const ja = name.ja ?? name.en ?? '';
  return { ja, en: name.en ?? ja };
}
