import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  PageArgs,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Organization, OrganizationService } from '#libs/directory';
import { AccountService } from './account.service.js';
import { CreateStaffAccountInput } from './dto/create-staff-account.input.js';
import { DecideAffiliationInput } from './dto/decide-affiliation.input.js';
import { OrganizationMembersArgs } from './dto/organization-members.args.js';
import { User } from './user.entity.js';
import { UserConnection } from './user.model.js';

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow('signed-in')
  @Query(() => User, { description: 'The signed-in account.' })
  me(@CurrentViewer() viewer: Viewer) {
    return viewer.kind === 'user' ? this.accounts.get(viewer.userId) : null;
  }

  @Allow('coordinator', 'admin')
  @Query(() => UserConnection, {
    description: 'Accounts whose affiliation waits for a decision, oldest first.',
  })
  pendingAffiliations(@Args() args: PageArgs) {
    return this.accounts.pendingAffiliations(args);
  }

  @Allow('researcher', 'company-member', 'coordinator', 'admin')
  @Query(() => UserConnection, {
    description: 'Approved members of an organization: your own, or any for coordinators.',
  })
  organizationMembers(@Args() args: OrganizationMembersArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.accounts.members(args.organizationId, args, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => User)
  approveAffiliation(@Args('input') input: DecideAffiliationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.accounts.approveAffiliation(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => User)
  rejectAffiliation(@Args('input') input: DecideAffiliationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.accounts.rejectAffiliation(input, viewer);
  }

  @Allow('admin')
  @Mutation(() => User, { description: 'Creates a coordinator or admin account.' })
  createStaffAccount(@Args('input') input: CreateStaffAccountInput) {
    return this.accounts.createStaffAccount(input);
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(@Parent() user: User, @Loaders() loaders: RequestLoaders) {
    return user.organizationId ? this.organizations.loader(loaders).load(user.organizationId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Visible to the account itself and to coordinators.',
  })
  email(@Parent() user: User, @CurrentViewer() viewer: Viewer): Promise<string | null> {
    return this.accounts.emailVisibleTo(user, viewer);
  }
}
