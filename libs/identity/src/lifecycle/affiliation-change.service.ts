import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isStaff, recordAudit, type SignedInViewer } from '#libs/core';
import { DirectoryError, OrganizationService, PersonService } from '#libs/directory';
import { assertFitsOrganization } from '../account/account-rules.js';
import { User } from '../account/user.entity.js';
import { IdentityError } from '../identity.errors.js';

/**
 * A researcher or company member leaving its organization, and asking to join another.
 * An account without organization has organizationId null and affiliationStatus 'none':
 * it stays signed in but acts for no organization (the viewer is read from the account at
 * each request, so the organization's access ends with the next call). What it did stays
 * its own: proposals keep their actors, seeds keep the person it was listed as.
 */
@Injectable()
export class AffiliationChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationService,
    private readonly people: PersonService,
  ) {}

  leave(viewer: SignedInViewer, note: string | undefined): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.locked(manager, viewer);
      if (!user.organizationId) throw IdentityError.notInAnOrganization();
      const before = affiliationOf(user);
      clearDecision(user);
      user.organizationId = null;
      user.affiliationStatus = 'none';
      const saved = await manager.save(user);
      // the person stays on the institution's seeds, no longer as this account (PersonService.releaseAccount)
      const releasedPersonId = await this.people.releaseAccount(manager, user.id);
      await recordAudit(manager, {
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'left organization',
        before: { ...before, personId: releasedPersonId },
        after: { ...affiliationOf(saved), personId: null, note: note?.trim() || null },
      });
      return saved;
    });
  }

  async request(viewer: SignedInViewer, organizationId: string): Promise<User> {
    const organization = await this.organizations.find(organizationId);
    if (!organization) throw DirectoryError.organizationNotFound(organizationId, 'organizationId');
    assertFitsOrganization(viewer.role, organization, 'organizationId');
    return this.dataSource.transaction(async (manager) => {
      const user = await this.locked(manager, viewer);
      if (user.organizationId) throw IdentityError.alreadyAffiliated();
      const before = affiliationOf(user);
      clearDecision(user);
      user.organizationId = organization.id;
      user.affiliationStatus = 'pending';
      const saved = await manager.save(user);
      await recordAudit(manager, {
        actorUserId: user.id,
        entityType: 'user',
        entityId: user.id,
        action: 'affiliation requested',
        before,
        after: affiliationOf(saved),
      });
      return saved;
    });
  }

  /** The caller's account, locked against a coordinator's decision landing at the same time. */
  private async locked(manager: EntityManager, viewer: SignedInViewer): Promise<User> {
    // @Allow('non-staff') keeps staff out; they belong to no organization
    if (isStaff(viewer)) throw IdentityError.noAffiliation('viewer');
    const user = await manager.findOne(User, {
      where: { id: viewer.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw IdentityError.userNotFound(viewer.userId, 'viewer');
    return user;
  }
}

/** The last decision belonged to the organization left; the audit log keeps it. */
function clearDecision(user: User) {
  user.affiliationDecidedBy = null;
  user.affiliationDecidedAt = null;
  user.affiliationNote = null;
}

function affiliationOf(user: User) {
  return {
    organizationId: user.organizationId,
    affiliationStatus: user.affiliationStatus,
    affiliationNote: user.affiliationNote,
  };
}
