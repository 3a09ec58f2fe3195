import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AppConfig, bilingual, logger } from '#libs/core';
import { CompanyNeed, NeedStatus } from '#libs/catalog';
import { loadNeedDocuments, loadSeedDocuments, OutboxRelay, type AppliedChange } from '#libs/search';
import { MatchPathway } from '../graphql/candidate.model.js';
import { NotificationService } from '../notifications/notification.service.js';
import { SavedSearchService } from '../saved-search/saved-search.service.js';
import { CandidateGenerator } from '../ranking/candidate-generator.js';
import type { MatchReason, Pathway } from '../ranking/candidate-scorer.js';
import { needProfileOf } from '../ranking/need-profile-of.js';
import { MatchProposal, ProposalTransition } from './match-proposal.entity.js';
import { ProposalState } from './proposal-state-machine.js';
import { dueDate } from './response-targets.js';

/** What the matcher files on its own: candidates at least this good, at most this many per changed record. */
export const AUTO_PROPOSAL = { minScore: 0.6, perRecord: 3, maxChangesPerBatch: 50 } as const;

/**
 * Re-matching: when a seed is published or a need opened or edited, the
 * changed record's candidates are recomputed once the search index reflects
 * the change, and proposals are filed for the good ones (never twice for a
 * pair). Bulk imports (more than maxChangesPerBatch records at once) are left
 * to an explicit re-match rather than stalling indexing.
 */
@Injectable()
export class Rematcher implements OnApplicationBootstrap {
  constructor(
    private readonly generator: CandidateGenerator,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
    private readonly savedSearches: SavedSearchService,
  ) {}

  onApplicationBootstrap() {
    this.relay.onApplied(async (changes) => {
      const published = await this.publishedSeeds(changes);
      await this.savedSearches.matchPublished(published);
      if (this.config.AUTO_PROPOSALS) await this.handle(changes);
    });
  }

  private async publishedSeeds(changes: AppliedChange[]): Promise<string[]> {
    const ids = [
      ...new Set(changes.filter((change) => change.topic === 'seed').map((change) => change.entityId)),
    ];
    if (ids.length === 0 || ids.length > AUTO_PROPOSAL.maxChangesPerBatch) return [];
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM research_seed WHERE id = ANY($1) AND status = 'published'`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  async handle(changes: AppliedChange[]): Promise<void> {
    const ids = (topic: string) => [
      ...new Set(changes.filter((change) => change.topic === topic).map((change) => change.entityId)),
    ];
    const seeds = ids('seed');
    const needs = ids('need');
    if (seeds.length + needs.length > AUTO_PROPOSAL.maxChangesPerBatch) {
      logger('Rematcher').info(
        { seeds: seeds.length, needs: needs.length },
        'bulk change: not re-matched automatically',
      );
      return;
    }
    for (const seed of await loadSeedDocuments(this.dataSource.manager, seeds)) {
      if (seed.status !== 'published') continue;
      const found = await this.generator.forSeed(
        seed,
        (needIds) => loadNeedDocuments(this.dataSource.manager, needIds),
        { first: AUTO_PROPOSAL.perRecord },
      );
      for (const candidate of found)
        if (candidate.score >= AUTO_PROPOSAL.minScore) await this.file(candidate.needId, seed.id, candidate);
    }
    for (const need of needs.length
      ? await this.dataSource.manager.findBy(CompanyNeed, { id: In(needs) })
      : []) {
      if (need.status !== NeedStatus.OPEN) continue;
      const found = await this.generator.forNeed(await needProfileOf(this.dataSource.manager, need), {
        first: AUTO_PROPOSAL.perRecord,
      });
      for (const candidate of found)
        if (candidate.score >= AUTO_PROPOSAL.minScore) await this.file(need.id, candidate.seedId, candidate);
    }
  }

  /** Files a proposal for the pair unless one exists, and tells coordinators and the company. */
  private async file(
    needId: string,
    seedId: string,
    scored: { score: number; pathway: Pathway; reasons: MatchReason[] },
  ) {
    await this.dataSource.transaction(async (manager) => {
      const need = await manager.findOneBy(CompanyNeed, { id: needId });
      if (!need) return;
      const now = new Date();
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(MatchProposal)
        .values({
          needId,
          companyId: need.companyId,
          seedId,
          state: ProposalState.PROPOSED,
          pathway: scored.pathway as MatchPathway,
          score: scored.score,
          reasons: scored.reasons.map((reason) => ({ ...reason, message: bilingual(reason.message) })),
          declineReason: null,
          createdByUserId: null,
          introducedAt: null,
          stateChangedAt: now,
          dueAt: dueDate(ProposalState.PROPOSED, now),
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = inserted.raw[0]?.id as string | undefined;
      if (!id) return; // the pair was already proposed
      await manager.insert(ProposalTransition, {
        proposalId: id,
        fromState: null,
        toState: ProposalState.PROPOSED,
        actorUserId: null,
        note: 'matcher',
        declineReason: null,
      });
      await this.tell(manager, need, id, seedId);
    });
  }

  private async tell(manager: EntityManager, need: CompanyNeed, proposalId: string, seedId: string) {
    const title = need.title.ja ?? need.title.en ?? '';
    await this.notifications.notify(manager, await this.notifications.coordinators(manager), {
      kind: 'proposal-opened',
      title: {
        ja: `マッチングが新しい候補を提案しました: ${title}`,
        en: `The matcher proposed a new candidate for: ${need.title.en ?? title}`,
      },
      proposalId,
      seedId,
    });
    await this.notifications.notify(manager, await this.notifications.membersOf(manager, need.companyId), {
      kind: 'new-candidate',
      title: {
        ja: `ニーズ「${title}」に新しい候補のシーズがあります`,
        en: `A new candidate seed for your need “${need.title.en ?? title}”`,
      },
      proposalId,
      seedId,
    });
  }
}
