import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual, isStaff, type SignedInViewer } from '#libs/core';
import { NeedQueryService, NeedStatus, SeedQueryService, type CompanyNeed } from '#libs/catalog';
import { Organization } from '#libs/directory';
import { GlossaryIndex, loadSeedDocuments, projectGlossary, SEARCH_ENGINE, type SearchEngine } from '#libs/search';
import { MatchPathway, type SeedCandidate } from './graphql/candidate.model.js';
import { MatchingError } from './matching-errors.js';
import { CandidateGenerator } from './ranking/candidate-generator.js';
import type { NeedProfile } from './ranking/need-profile.js';

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
    const scored = await this.generator.forNeed(await this.profileOf(need), { first });
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

  private async profileOf(need: CompanyNeed): Promise<NeedProfile> {
    const company = await this.dataSource.manager.findOneBy(Organization, { id: need.companyId });
    return {
      title: need.title,
      description: need.description,
      fields: need.fields,
      desiredCollaboration: need.desiredCollaboration,
      trlMin: need.trlMin,
      trlMax: need.trlMax,
      programs: need.programCodes,
      prefecture: company?.prefecture ?? null,
      city: company?.city ?? null,
    };
  }
}
