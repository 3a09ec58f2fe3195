import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AccessService, isStaff, type AccessPolicy, type AccessRequest, type DomainError } from '#libs/core';
import { IdentityError } from './identity.errors.js';

export const IDENTITY_PERMISSIONS = [
  /** List the approved members of organizations; ids: organization ids. */
  'organization.list-members',
  /** See the email address of accounts; ids: user ids. */
  'user.read-email',
  /** See whether an account is deactivated; ids: user ids. */
  'user.read-status',
] as const;
export type IdentityPermission = (typeof IDENTITY_PERMISSIONS)[number];

type Request = AccessRequest<IdentityPermission> & { ids: Set<string> };

/**
 * Who may see what of accounts: staff see every account's members and email;
 * others only their own organization's members and their own email and status.
 */
@Injectable()
export class IdentityAccessPolicy implements AccessPolicy<IdentityPermission>, OnModuleInit {
  readonly permissions = IDENTITY_PERMISSIONS;

  constructor(private readonly access: AccessService) {}

  onModuleInit() {
    this.access.register(this);
  }

  allowed({ viewer, permission, ids }: Request): Promise<Set<string>> {
    if (isStaff(viewer)) return Promise.resolve(ids);
    if (viewer.kind !== 'user') return Promise.resolve(new Set());
    switch (permission) {
      case 'organization.list-members':
        return Promise.resolve(only(ids, viewer.organizationId));
      case 'user.read-email':
      case 'user.read-status':
        return Promise.resolve(only(ids, viewer.userId));
    }
  }

  denied({ permission }: Request): Promise<DomainError> {
    switch (permission) {
      case 'organization.list-members':
        return Promise.resolve(IdentityError.notYourOrganization());
      case 'user.read-email':
      case 'user.read-status':
        return Promise.resolve(IdentityError.notYourAccount());
    }
  }
}

/** The one id of `ids` that is `own`, if any. */
function only(ids: Set<string>, own: string | null): Set<string> {
  return new Set(own !== null && ids.has(own) ? [own] : []);
}
