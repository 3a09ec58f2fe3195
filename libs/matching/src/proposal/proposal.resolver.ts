import { Args, Float, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, IdArg, Loaders, type RequestLoaders, type SignedInViewer } from '#libs/core';
import { CompanyNeed, ResearchSeed } from '#libs/catalog';
import { MatchReason } from '../candidate/candidate.model.js';
import { NdaAcceptance } from '../nda/nda-acceptance.entity.js';
import { ProposalContact } from '../nda/nda.model.js';
import { NdaService } from '../nda/nda.service.js';
import { MoveProposalInput } from './dto/move-proposal.input.js';
import { ProposalsArgs } from './dto/proposals.args.js';
import { ProposeMatchInput } from './dto/propose-match.input.js';
import { RequestIntroductionInput } from './dto/request-introduction.input.js';
import { MatchProposal } from './match-proposal.entity.js';
import { ProposalConnection } from './proposal.model.js';
import { ProposalQueryService } from './proposal-query.service.js';
import { ProposalService } from './proposal.service.js';
import { ProposalTransition } from './proposal-transition.entity.js';
import { isOverdue } from './response-targets.js';

@Resolver(() => MatchProposal)
export class ProposalResolver {
  constructor(
    private readonly pipeline: ProposalService,
    private readonly queries: ProposalQueryService,
    private readonly nda: NdaService,
  ) {}

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => MatchProposal, {
    description: 'A proposal the viewer is a party to (researchers: once introduced).',
  })
  proposal(@IdArg() id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.queries.get(id, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => ProposalConnection, {
    description:
      'The pipeline as the viewer may see it: coordinators all, a company its own, researchers those they were introduced to.',
  })
  proposals(@Args() args: ProposalsArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.queries.list(args, viewer);
  }

  @Allow('company-member')
  @Mutation(() => MatchProposal, {
    description: 'Ask coordinators for an introduction to a published seed (state REQUESTED).',
  })
  requestIntroduction(
    @Args('input') input: RequestIntroductionInput,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.pipeline.requestIntroduction(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => MatchProposal, {
    description: 'Propose a published seed for an open need (state PROPOSED).',
  })
  proposeMatch(@Args('input') input: ProposeMatchInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.propose(input, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Mutation(() => MatchProposal, {
    description:
      'Move a proposal to its next state, decline it (with a reason) or withdraw it; who may do what is fixed by the pipeline.',
  })
  moveProposal(@Args('input') input: MoveProposalInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.move(input, viewer);
  }

  @ResolveField(() => Boolean, { description: 'Past its response target (see dueAt).' })
  overdue(@Parent() proposal: MatchProposal) {
    return isOverdue(proposal);
  }

  @ResolveField(() => ResearchSeed, { nullable: true })
  seed(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.queries.seedLoader(loaders, viewer).load(proposal.seedId);
  }

  @ResolveField(() => CompanyNeed, {
    nullable: true,
    description:
      'The need, if the viewer may read it; a confidential need opens to a researcher only under the NDA, once they accepted its current text themselves.',
  })
  need(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return proposal.needId ? this.queries.needLoader(loaders, viewer).load(proposal.id) : null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'The matcher’s score when proposed, 0 to 1; null for viewers who may not read the need.',
  })
  score(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.queries.scoreFor(proposal, loaders, viewer);
  }

  @ResolveField(() => [MatchReason], {
    description: 'Why the matcher proposed it; text evidence only for viewers who may read the need.',
  })
  reasons(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.queries.reasonsFor(proposal, loaders, viewer);
  }

  @ResolveField(() => [NdaAcceptance], { description: 'Who accepted the NDA, when, which version.' })
  ndaAcceptances(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return this.nda.acceptancesLoader(loaders).load(proposal.id);
  }

  @ResolveField(() => [ProposalContact], {
    description:
      'Names and e-mail addresses of the people who accepted the current NDA text, once under the NDA, to those who accepted it themselves (and coordinators); empty otherwise.',
  })
  contacts(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return this.queries.contactsLoader(loaders, viewer).load(proposal.id);
  }

  @ResolveField(() => [ProposalTransition], {
    description: 'Every move, oldest first: who, when, from where to where, note and decline reason.',
  })
  history(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return this.queries.historyLoader(loaders).load(proposal.id);
  }
}
