import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type SignedInViewer, type Viewer } from '#libs/core';
import { User } from '../account/user.entity.js';
import { AffiliationChangeService } from './affiliation-change.service.js';
import { DeactivationService } from './deactivation.service.js';
import { DeactivateAccountInput } from './dto/deactivate-account.input.js';
import { LeaveOrganizationArgs } from './dto/leave-organization.args.js';
import { ReactivateAccountArgs } from './dto/reactivate-account.args.js';
import { RequestAffiliationArgs } from './dto/request-affiliation.args.js';

/** Leaving an organization, asking to join another, and admins turning accounts off and on. */
@Resolver(() => User)
export class LifecycleResolver {
  constructor(
    private readonly affiliations: AffiliationChangeService,
    private readonly deactivations: DeactivationService,
  ) {}

  @Allow('non-staff')
  @Mutation(() => User, {
    description:
      'Leaves your organization (approved, pending or rejected): its access ends at once; ' +
      'what you did stays yours. Then ask to join another with requestAffiliation.',
  })
  leaveOrganization(@Args() args: LeaveOrganizationArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.affiliations.leave(viewer, args.note);
  }

  @Allow('non-staff')
  @Mutation(() => User, {
    description: 'Asks to join an organization when you have none: pending until a coordinator approves it.',
  })
  requestAffiliation(@Args() args: RequestAffiliationArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.affiliations.request(viewer, args.organizationId);
  }

  @Allow('admin')
  @Mutation(() => User, {
    description:
      'Deactivates an account: every session ends, it can no longer sign in nor gets e-mail; ' +
      'its history stays attributed to it. Not your own, nor the last active admin.',
  })
  deactivateAccount(@Args('input') input: DeactivateAccountInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.deactivations.deactivate(input, viewer);
  }

  @Allow('admin')
  @Mutation(() => User, {
    description: 'Lets a deactivated account sign in again (its old sessions stay ended).',
  })
  reactivateAccount(@Args() args: ReactivateAccountArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.deactivations.reactivate(args.userId, viewer);
  }

  @ResolveField(() => Date, {
    nullable: true,
    description: 'When an admin deactivated the account; visible to coordinators (and the account itself).',
  })
  deactivatedAt(@Parent() user: User, @CurrentViewer() viewer: Viewer): Promise<Date | null> {
    return this.deactivations.deactivatedAtVisibleTo(user, viewer);
  }
}
