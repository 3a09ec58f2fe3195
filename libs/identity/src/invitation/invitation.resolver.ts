import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  PageArgs,
  RateLimit,
  type RequestContext,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { Organization, OrganizationService } from '#libs/directory';
import { AuthPayload } from '../session/auth-payload.model.js';
import { userAgentOf } from '../session/user-agent.js';
import { viewerOf } from '../session/viewer-of.js';
import { AcceptInvitationInput } from './dto/accept-invitation.input.js';
import { InviteColleagueInput } from './dto/invite-colleague.input.js';
import { RevokeInvitationArgs } from './dto/revoke-invitation.args.js';
import { InvitationAcceptanceService } from './invitation-acceptance.service.js';
import { Invitation } from './invitation.entity.js';
import { InvitationConnection, InvitationReceipt, InvitationStatus, statusOf } from './invitation.model.js';
import { InvitationService } from './invitation.service.js';

/** Inviting colleagues by e-mail, and accepting an invitation. */
@Resolver(() => Invitation)
export class InvitationResolver {
  constructor(
    private readonly invites: InvitationService,
    private readonly acceptance: InvitationAcceptanceService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow('researcher', 'company-member', 'coordinator', 'admin')
  @RateLimit('account-email')
  @Mutation(() => InvitationReceipt, {
    description:
      'Invites a colleague by e-mail to your own organization (coordinators: any; admins also invite ' +
      'coordinators). The answer is the same whether or not the address already has an account.',
  })
  inviteColleague(@Args('input') input: InviteColleagueInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.invites.invite(input, viewer);
  }

  @Allow('anyone')
  @RateLimit('sign-up')
  @Mutation(() => AuthPayload, {
    description:
      'Opens the invitation link: creates the account (address confirmed) and signs it in. Its ' +
      'affiliation is approved when a coordinator invited, and waits for a coordinator when a member did.',
  })
  async acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() context: RequestContext) {
    const payload = await this.acceptance.accept(input, userAgentOf(context));
    // the rest of this response (user.email, …) is rendered for the account just made
    context.viewer = viewerOf(payload.user, payload.sessionId);
    return payload;
  }

  @Allow('researcher', 'company-member', 'coordinator', 'admin')
  @Query(() => InvitationConnection, {
    description: 'The invitations you sent (coordinators and admins: everyone’s), newest first.',
  })
  invitations(@Args() args: PageArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.invites.list(args, viewer);
  }

  @Allow('researcher', 'company-member', 'coordinator', 'admin')
  @Mutation(() => Invitation, { description: 'Withdraws a pending invitation you sent (staff: anyone’s).' })
  revokeInvitation(@Args() args: RevokeInvitationArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.invites.revoke(args.id, viewer);
  }

  @ResolveField(() => InvitationStatus)
  status(@Parent() invitation: Invitation): InvitationStatus {
    return statusOf(invitation);
  }

  @ResolveField(() => Organization, { nullable: true, description: 'None for a coordinator’s invitation.' })
  organization(@Parent() invitation: Invitation, @Loaders() loaders: RequestLoaders) {
    return invitation.organizationId
      ? this.organizations.loader(loaders).load(invitation.organizationId)
      : null;
  }
}
