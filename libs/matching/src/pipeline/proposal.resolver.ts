import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Allow, Connection, CurrentViewer, Loaders, type RequestLoaders, type SignedInViewer } from '#libs/core';
import { CompanyNeed, NeedQueryService, ResearchSeed, SeedQueryService } from '#libs/catalog';
import { MoveProposalInput, ProposalsArgs, ProposeMatchInput, RequestIntroductionInput } from './dto/proposal.input.js';
import { MatchProposal, ProposalTransition } from './match-proposal.entity.js';
import { ProposalService } from './proposal.service.js';

const ProposalConnection = Connection(MatchProposal, 'MatchProposal');

@Resolver(() => MatchProposal)
export class ProposalResolver {
  constructor(
    private readonly pipeline: ProposalService,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => MatchProposal, { description: 'A proposal the viewer is a party to (researchers: once introduced).' })
  proposal(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.get(id, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => ProposalConnection, { description: 'The pipeline as the viewer may see it: coordinators all, a company its own, researchers those they were introduced to.' })
  proposals(@Args() args: ProposalsArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.list(args, viewer);
  }

  @Allow('company-member')
  @Mutation(() => MatchProposal, { description: 'Ask coordinators for an introduction to a published seed (state REQUESTED).' })
  requestIntroduction(@Args('input') input: RequestIntroductionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.requestIntroduction(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => MatchProposal, { description: 'Propose a published seed for an open need (state PROPOSED).' })
  proposeMatch(@Args('input') input: ProposeMatchInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.propose(input, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Mutation(() => MatchProposal, { description: 'Move a proposal to its next state, decline it (with a reason) or withdraw it; who may do what is fixed by the pipeline.' })
  moveProposal(@Args('input') input: MoveProposalInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.move(input, viewer);
  }

  @ResolveField(() => Boolean, { description: 'Past its response target (see dueAt).' })
  overdue(@Parent() proposal: MatchProposal) {
    return proposal.dueAt !== null && proposal.dueAt.getTime() < Date.now();
  }

  @ResolveField(() => ResearchSeed, { nullable: true })
  seed(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders, @CurrentViewer() viewer: SignedInViewer) {
    return loaders
      .get<string, ResearchSeed | null>('matching.proposalSeed', async (ids) => {
        const found = new Map((await this.seeds.visibleByIds([...ids], viewer)).map((seed) => [seed.id, seed]));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(proposal.seedId);
  }

  @ResolveField(() => CompanyNeed, { nullable: true, description: 'The need, if the viewer may read it (a confidential need stays hidden from researchers).' })
  need(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders, @CurrentViewer() viewer: SignedInViewer) {
    if (!proposal.needId) return null;
    return loaders
      .get<string, CompanyNeed | null>('matching.proposalNeed', async (ids) => {
        const found = new Map((await this.needs.visibleByIds([...ids], viewer)).map((need) => [need.id, need]));
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(proposal.needId);
  }

  @ResolveField(() => [ProposalTransition], { description: 'Every move, oldest first: who, when, from where to where, note and decline reason.' })
  history(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, ProposalTransition[]>('matching.proposalHistory', async (ids) => {
        const rows = await this.dataSource.manager.find(ProposalTransition, { where: { proposalId: In([...ids]) }, order: { at: 'ASC' } });
        return ids.map((id) => rows.filter((row) => row.proposalId === id));
      })
      .load(proposal.id);
  }
}
