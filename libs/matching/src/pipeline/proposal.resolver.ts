import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  Allow,
  bilingual,
  Connection,
  CurrentViewer,
  Loaders,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { CompanyNeed, NeedQueryService, ResearchSeed, SeedQueryService } from '#libs/catalog';
import {
  MoveProposalInput,
  ProposalsArgs,
  ProposeMatchInput,
  RequestIntroductionInput,
} from './dto/proposal.input.js';
import { MatchProposal, ProposalTransition } from './match-proposal.entity.js';
import { AcceptNdaInput, NDA_TEXT, NdaAcceptance, NdaText, ProposalContact } from './nda.js';
import { NdaService } from './nda.service.js';
import { ProposalService } from './proposal.service.js';

const ProposalConnection = Connection(MatchProposal, 'MatchProposal');

@Resolver(() => MatchProposal)
export class ProposalResolver {
  constructor(
    private readonly pipeline: ProposalService,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    private readonly nda: NdaService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => NdaText, {
    description: 'The NDA both sides accept (acceptNda) before a proposal moves to NDA.',
  })
  ndaText(): NdaText {
    return { version: NDA_TEXT.version, text: bilingual(NDA_TEXT) };
  }

  @Allow('company-member', 'researcher')
  @Mutation(() => MatchProposal, {
    description:
      'Accept the NDA text for your side of a proposal at the meeting stage; coordinators move it to NDA once both sides have.',
  })
  acceptNda(@Args('input') input: AcceptNdaInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.nda.accept(input, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => MatchProposal, {
    description: 'A proposal the viewer is a party to (researchers: once introduced).',
  })
  proposal(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.get(id, viewer);
  }

  @Allow('company-member', 'researcher', 'coordinator', 'admin')
  @Query(() => ProposalConnection, {
    description:
      'The pipeline as the viewer may see it: coordinators all, a company its own, researchers those they were introduced to.',
  })
  proposals(@Args() args: ProposalsArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.pipeline.list(args, viewer);
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
    return proposal.dueAt !== null && proposal.dueAt.getTime() < Date.now();
  }

  @ResolveField(() => ResearchSeed, { nullable: true })
  seed(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    return loaders
      .get<string, ResearchSeed | null>('matching.proposalSeed', async (ids) => {
        const found = new Map(
          (await this.seeds.visibleByIds([...ids], viewer)).map((seed) => [seed.id, seed]),
        );
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(proposal.seedId);
  }

  @ResolveField(() => CompanyNeed, {
    nullable: true,
    description:
      'The need, if the viewer may read it; a confidential need opens to the researchers only under the NDA.',
  })
  need(
    @Parent() proposal: MatchProposal,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    if (!proposal.needId) return null;
    return loaders
      .get<string, CompanyNeed | null>('matching.proposalNeed', async (ids) => {
        const proposals = await this.dataSource.manager.findBy(MatchProposal, { id: In([...ids]) });
        const needIds = proposals.map((p) => p.needId).filter((id): id is string => id !== null);
        const readable = new Map(
          (await this.needs.visibleByIds(needIds, viewer)).map((need) => [need.id, need]),
        );
        const underNda = await this.nda.needsUnderNda(proposals);
        return ids.map((id) => {
          const needId = proposals.find((p) => p.id === id)?.needId;
          return needId ? (readable.get(needId) ?? underNda.get(needId) ?? null) : null;
        });
      })
      .load(proposal.id);
  }

  @ResolveField(() => [NdaAcceptance], { description: 'Who accepted the NDA, when, which version.' })
  ndaAcceptances(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, NdaAcceptance[]>('matching.ndaAcceptances', async (ids) => {
        const rows = await this.nda.acceptances(ids);
        return ids.map((id) => rows.filter((row) => row.proposalId === id));
      })
      .load(proposal.id);
  }

  @ResolveField(() => [ProposalContact], {
    description: 'Names and e-mail addresses of both sides, once under the NDA; empty before.',
  })
  contacts(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, ProposalContact[]>('matching.contacts', async (ids) => {
        const proposals = await this.dataSource.manager.findBy(MatchProposal, { id: In([...ids]) });
        const contacts = await this.nda.contacts(proposals);
        return ids.map((id) => contacts[proposals.findIndex((p) => p.id === id)] ?? []);
      })
      .load(proposal.id);
  }

  @ResolveField(() => [ProposalTransition], {
    description: 'Every move, oldest first: who, when, from where to where, note and decline reason.',
  })
  history(@Parent() proposal: MatchProposal, @Loaders() loaders: RequestLoaders) {
    return loaders
      .get<string, ProposalTransition[]>('matching.proposalHistory', async (ids) => {
        const rows = await this.dataSource.manager.find(ProposalTransition, {
          where: { proposalId: In([...ids]) },
          order: { at: 'ASC' },
        });
        return ids.map((id) => rows.filter((row) => row.proposalId === id));
      })
      .load(proposal.id);
  }
}
