import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In, Not, type SelectQueryBuilder } from 'typeorm';
import {
  conditionToSql,
  paginate,
  type AttributeSql,
  type Page,
  type RequestLoaders,
  type Viewer,
} from '#libs/core';
import { NeedQueryService, SeedQueryService, type CompanyNeed, type ResearchSeed } from '#libs/catalog';
import { MatchingAccessPolicy } from '../matching.access.js';
import { MatchingError } from '../matching.errors.js';
import type { ProposalContact } from '../nda/nda.model.js';
import { NdaService } from '../nda/nda.service.js';
import type { ProposalsArgs } from './dto/proposals.args.js';
import { withheldText } from '../ranking/withheld-text.js';
import { MatchProposal } from './match-proposal.entity.js';
import { ProposalState, type DeclineReason } from './proposal-state-machine.js';
import { ProposalTransition } from './proposal-transition.entity.js';

/** The attributes of the proposal read rule (proposalAttributes) as SQL over the alias `proposal`. */
const PROPOSAL_ATTRIBUTES: AttributeSql = {
  company: (values) => `proposal.companyId IN (:...${values})`,
  seed: (values) => `proposal.seedId IN (:...${values})`,
  introduced: (values) => `(proposal.introducedAt IS NOT NULL)::text IN (:...${values})`,
};

/** Reading proposals: every read goes through the 'proposal.read' rule (the viewer is a party). */
@Injectable()
export class ProposalQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: MatchingAccessPolicy,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    private readonly nda: NdaService,
  ) {}

  /** A proposal the viewer is a party to. */
  async get(id: string, viewer: Viewer): Promise<MatchProposal> {
    const proposal = isUUID(id)
      ? await (await this.readable(viewer)).andWhere('proposal.id = :id', { id }).getOne()
      : null;
    if (!proposal) throw MatchingError.proposalNotFound(id);
    return proposal;
  }

  /** The proposals the viewer is a party to, oldest first: all for coordinators, the company's own, researchers' introduced ones. */
  async list(args: ProposalsArgs, viewer: Viewer): Promise<Page<MatchProposal>> {
    const query = await this.readable(viewer);
    if (args.overdue !== undefined)
      query.andWhere(
        args.overdue ? 'proposal.dueAt < now()' : '(proposal.dueAt IS NULL OR proposal.dueAt >= now())',
      );
    if (args.states?.length) query.andWhere('proposal.state IN (:...states)', { states: args.states });
    if (args.needId) query.andWhere('proposal.needId = :needId', { needId: args.needId });
    if (args.seedId) query.andWhere('proposal.seedId = :seedId', { seedId: args.seedId });
    return paginate(query, args);
  }

  /** The seeds a company asked about or was proposed, declined proposals left out. */
  async seedIdsOfCompany(companyId: string): Promise<string[]> {
    const proposals = await this.dataSource.manager.find(MatchProposal, {
      select: { seedId: true },
      where: { companyId, state: Not(ProposalState.DECLINED) },
    });
    return [...new Set(proposals.map((proposal) => proposal.seedId))];
  }

  /** The proposals among `ids` the viewer is a party to, by id, once per request. */
  loader(loaders: RequestLoaders, viewer: Viewer) {
    return loaders.get<string, MatchProposal | null>('matching.proposal', async (ids) => {
      const wanted = ids.filter((id) => isUUID(id));
      const found = wanted.length
        ? await (await this.readable(viewer)).andWhere('proposal.id IN (:...wanted)', { wanted }).getMany()
        : [];
      return ids.map((id) => found.find((proposal) => proposal.id === id) ?? null);
    });
  }

  /** Each proposal's seed, as the viewer may see it. */
  seedLoader(loaders: RequestLoaders, viewer: Viewer) {
    return loaders.get<string, ResearchSeed | null>('matching.proposalSeed', async (ids) => {
      const found = new Map((await this.seeds.visibleByIds([...ids], viewer)).map((seed) => [seed.id, seed]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** Each proposal's need, by proposal id: readable by the catalog's rule, or under the NDA the viewer accepted. */
  needLoader(loaders: RequestLoaders, viewer: Viewer) {
    return loaders.get<string, CompanyNeed | null>('matching.proposalNeed', async (ids) => {
      const proposals = await this.readableAmong(loaders, viewer, ids);
      const needs = await this.nda.needsOf(proposals, viewer);
      return ids.map((id) => needs[proposals.findIndex((proposal) => proposal.id === id)] ?? null);
    });
  }

  /** Each proposal's contacts, by proposal id: shared only under the NDA, with those who accepted it. */
  contactsLoader(loaders: RequestLoaders, viewer: Viewer) {
    return loaders.get<string, ProposalContact[]>('matching.contacts', async (ids) => {
      const proposals = await this.readableAmong(loaders, viewer, ids);
      const contacts = await this.nda.contacts(proposals, viewer);
      return ids.map((id) => contacts[proposals.findIndex((proposal) => proposal.id === id)] ?? []);
    });
  }

  /** Each proposal's moves, oldest first. */
  historyLoader(loaders: RequestLoaders) {
    return loaders.get<string, ProposalTransition[]>('matching.proposalHistory', async (ids) => {
      const rows = await this.dataSource.manager.find(ProposalTransition, {
        where: { proposalId: In([...ids]) },
        order: { at: 'ASC' },
      });
      return ids.map((id) => rows.filter((row) => row.proposalId === id));
    });
  }

  private async readableAmong(loaders: RequestLoaders, viewer: Viewer, ids: readonly string[]) {
    const found = await this.loader(loaders, viewer).loadMany([...ids]);
    return found.filter((proposal): proposal is MatchProposal => proposal instanceof MatchProposal);
  }

  /** The matcher's reasons, without text evidence from a need the viewer may not read (yet). */
  async reasonsFor(
    proposal: MatchProposal,
    loaders: RequestLoaders,
    viewer: Viewer,
  ): Promise<MatchProposal['reasons']> {
    if (!proposal.needId) return proposal.reasons;
    const need = await this.needLoader(loaders, viewer).load(proposal.id);
    return need ? proposal.reasons : proposal.reasons.map(withheldText);
  }

  /** The matcher's score, which weighs the need's text: only for viewers who may read the need. */
  async scoreFor(proposal: MatchProposal, loaders: RequestLoaders, viewer: Viewer): Promise<number | null> {
    if (!proposal.needId || proposal.score === null) return proposal.score;
    return (await this.needLoader(loaders, viewer).load(proposal.id)) ? proposal.score : null;
  }

  /**
   * Declines of proposals for these seeds, by reason, most frequent first:
   * those the viewer is a party to or whose need they may read (a confidential
   * need's proposal, declined before any introduction, stays unseen).
   */
  async declineCounts(
    viewer: Viewer,
    seedIds: string[],
  ): Promise<{ reason: DeclineReason; count: number }[]> {
    if (seedIds.length === 0) return [];
    const declined = await this.dataSource.manager.find(MatchProposal, {
      select: { id: true, needId: true, declineReason: true },
      where: { state: ProposalState.DECLINED, seedId: In(seedIds) },
    });
    if (declined.length === 0) return [];
    const ids = declined.map((proposal) => proposal.id);
    const party = await (await this.readable(viewer)).andWhere('proposal.id IN (:...ids)', { ids }).getMany();
    const needIds = declined.flatMap((proposal) => (proposal.needId ? [proposal.needId] : []));
    const readableNeeds = new Set((await this.needs.visibleByIds(needIds, viewer)).map((need) => need.id));
    const seen = declined.filter(
      (proposal) =>
        !proposal.needId ||
        readableNeeds.has(proposal.needId) ||
        party.some((known) => known.id === proposal.id),
    );
    return tally(seen.flatMap((proposal) => (proposal.declineReason ? [proposal.declineReason] : [])));
  }

  /** Proposals the viewer is a party to, as SQL from the same rule as the 'proposal.read' permission. */
  private async readable(viewer: Viewer): Promise<SelectQueryBuilder<MatchProposal>> {
    const condition = await this.policy.proposalReadCondition(viewer);
    return this.dataSource.manager
      .createQueryBuilder(MatchProposal, 'proposal')
      .where(conditionToSql(condition, PROPOSAL_ATTRIBUTES));
  }
}

/** How often each reason occurs, most frequent first (then by name). */
function tally(reasons: DeclineReason[]): { reason: DeclineReason; count: number }[] {
  const counts = new Map<DeclineReason, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
