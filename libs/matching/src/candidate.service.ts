import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual, isStaff, type SignedInViewer } from '#libs/core';
import { NeedQueryService, NeedStatus, SeedQueryService } from '#libs/catalog';
import { GlossaryIndex, loadSeedDocuments, projectGlossary, SEARCH_ENGINE, type SearchEngine } from '#libs/search';
import { MatchPathway, type SeedCandidate } from './graphql/candidate.model.js';
import { MatchingError } from './matching-errors.js';
import { CandidateGenerator } from './ranking/candidate-generator.js';
import { needProfileOf } from './ranking/need-profile-of.js';

/** Candidates for a need: who may ask, what the matcher reads of the need, and the seeds as the viewer may see them. */
@Injectable()
export class CandidateService {
  private readonly generator: CandidateGenerator;

  constructor(
    @Inject(SEARCH_ENGINE) engine: SearchEngine,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly needs: NeedQueryService,
    private readonly seeds: SeedQueryService,
  ) {
    this.generator = new CandidateGenerator(engine, new GlossaryIndex(projectGlossary()), (ids) => loadSeedDocuments(this.dataSource.manager, ids));
  }

  async forNeed(needId: string, first: number, viewer: SignedInViewer): Promise<SeedCandidate[]> {
    const need = await this.needs.get({ id: needId }, viewer);
    if (!isStaff(viewer) && viewer.organizationId !== need.companyId) throw MatchingError.notYourNeed();
    if (need.status === NeedStatus.CLOSED) throw MatchingError.needClosed();
    const scored = await this.generator.forNeed(await needProfileOf(this.dataSource.manager, need), { first });
    const visible = new Map((await this.seeds.visibleByIds(scored.map((candidate) => candidate.seedId), viewer)).map((seed) => [seed.id, seed]));
    return scored
      .filter((candidate) => visible.has(candidate.seedId))
      .map((candidate) => ({
        seed: visible.get(candidate.seedId)!,
        score: candidate.score,
        pathway: candidate.pathway as MatchPathway,
        reasons: candidate.reasons.map((reason) => ({ ...reason, message: bilingual(reason.message) })),
      }));
  }
}
