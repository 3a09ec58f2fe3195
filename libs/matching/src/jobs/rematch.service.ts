import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, logger, type ChangeTopic } from '#libs/core';
import {
  NEED_CHANGES,
  NeedQueryService,
  NeedStatus,
  SEED_CHANGES,
  SeedQueryService,
  SeedStatus,
} from '#libs/catalog';
import { OrganizationService } from '#libs/directory';
import { OutboxRelayService, SearchDocumentService, type AppliedChange } from '#libs/search';
import { ProposalService } from '../proposal/proposal.service.js';
import { CandidateGenerator } from '../ranking/candidate-generator.js';
import { needProfileOf } from '../ranking/need-profile-of.js';
import { SavedSearchService } from '../saved-search/saved-search.service.js';

/** What the matcher files on its own: candidates at least this good, at most this many per changed record. */
export const AUTO_PROPOSAL = { minScore: 0.6, perRecord: 3, maxChangesPerBatch: 50 } as const;

/** The distinct ids of the changes on one topic. */
const idsOf = (changes: AppliedChange[], topic: ChangeTopic) => [
  ...new Set(changes.filter((change) => change.topic === topic).map((change) => change.entityId)),
];

/**
 * Re-matching: when a seed is published or a need opened or edited, the
 * changed record's candidates are recomputed once the search index reflects
 * the change, and proposals are filed for the good ones (never twice for a
 * pair). Bulk imports (more than maxChangesPerBatch records at once) are left
 * to an explicit re-match rather than stalling indexing.
 */
@Injectable()
export class RematchService implements OnApplicationBootstrap {
  constructor(
    private readonly generator: CandidateGenerator,
    private readonly relay: OutboxRelayService,
    private readonly config: AppConfig,
    private readonly savedSearches: SavedSearchService,
    private readonly proposals: ProposalService,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    private readonly organizations: OrganizationService,
    private readonly documents: SearchDocumentService,
  ) {}

  onApplicationBootstrap() {
    this.relay.onApplied(async (changes) => {
      const published = await this.publishedSeeds(changes);
      await this.savedSearches.matchPublished(published);
      if (this.config.AUTO_PROPOSALS) await this.handle(changes);
    });
  }

  private async publishedSeeds(changes: AppliedChange[]): Promise<string[]> {
    const ids = idsOf(changes, SEED_CHANGES);
    if (ids.length === 0 || ids.length > AUTO_PROPOSAL.maxChangesPerBatch) return [];
    const seeds = await this.seeds.loadByIds(ids);
    return seeds.filter((seed) => seed.status === SeedStatus.PUBLISHED).map((seed) => seed.id);
  }

  async handle(changes: AppliedChange[]): Promise<void> {
    const seeds = idsOf(changes, SEED_CHANGES);
    const needs = idsOf(changes, NEED_CHANGES);
    if (seeds.length + needs.length > AUTO_PROPOSAL.maxChangesPerBatch) {
      logger('RematchService').info(
        { seeds: seeds.length, needs: needs.length },
        'bulk change: not re-matched automatically',
      );
      return;
    }
    await this.rematchSeeds(seeds);
    await this.rematchNeeds(needs);
  }

  private async rematchSeeds(ids: string[]) {
    for (const seed of await this.documents.seeds(ids)) {
      if (seed.status !== 'published') continue;
      const found = await this.generator.forSeed(seed, (needIds) => this.documents.needs(needIds), {
        first: AUTO_PROPOSAL.perRecord,
      });
      for (const candidate of found)
        if (candidate.score >= AUTO_PROPOSAL.minScore)
          await this.proposals.fileFromMatcher(candidate.needId, seed.id, candidate);
    }
  }

  private async rematchNeeds(ids: string[]) {
    const open = (await this.needs.loadByIds(ids)).filter((need) => need.status === NeedStatus.OPEN);
    const companies = await this.organizations.findByIds([...new Set(open.map((need) => need.companyId))]);
    for (const need of open) {
      const company = companies.find((candidate) => candidate.id === need.companyId) ?? null;
      const found = await this.generator.forNeed(needProfileOf(need, company), {
        first: AUTO_PROPOSAL.perRecord,
      });
      for (const candidate of found)
        if (candidate.score >= AUTO_PROPOSAL.minScore)
          await this.proposals.fileFromMatcher(need.id, candidate.seedId, candidate);
    }
  }
}
