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
import { SeedQueryService, type CompanyNeed, type ResearchSeed } from '#libs/catalog';
import { MatchingAccessPolicy } from '../matching.access.js';
import { MatchingError } from '../matching.errors.js';
import type { ProposalContact } from '../nda/nda.model.js';
import { NdaService } from '../nda/nda.service.js';
import type { ProposalsArgs } from './dto/proposals.args.js';
import { MatchProposal } from './match-proposal.entity.js';
import { ProposalState } from './proposal-state-machine.js';
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

  /** Proposals the viewer is a party to, as SQL from the same rule as the 'proposal.read' permission. */
  private async readable(viewer: Viewer): Promise<SelectQueryBuilder<MatchProposal>> {
    const condition = await this.policy.proposalReadCondition(viewer);
    return this.dataSource.manager
      .createQueryBuilder(MatchProposal, 'proposal')
      .where(conditionToSql(condition, PROPOSAL_ATTRIBUTES));
  }
}
