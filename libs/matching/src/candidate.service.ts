import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bilingual, isStaff, type SignedInViewer } from '#libs/core';
import { NeedQueryService, NeedStatus, SeedQueryService } from '#libs/catalog';
import { loadNeedDocuments, loadSeedDocuments, type NeedSearchDocument } from '#libs/search';
import { MatchPathway, type NeedCandidate, type SeedCandidate } from './graphql/candidate.model.js';
import type { MatchReason, ScoredCandidate } from './ranking/candidate-scorer.js';
import { MatchingError } from './matching-errors.js';
import { CandidateGenerator } from './ranking/candidate-generator.js';
import { isListedOnSeed } from './pipeline/proposal-parties.js';
import { needProfileOf } from './ranking/need-profile-of.js';
import type { NeedProfile } from './ranking/need-profile.js';
import { Organization } from '#libs/directory';

/** Candidates for a need: who may ask, what the matcher reads of the need, and the seeds as the viewer may see them. */
@Injectable()
export class CandidateService {
  constructor(
    private readonly generator: CandidateGenerator,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly needs: NeedQueryService,
    private readonly seeds: SeedQueryService,
  ) {}

  /** Open needs for a seed; a need the viewer may not read comes as an anonymous summary, its text reasons withheld. */
  async forSeed(seedId: string, first: number, viewer: SignedInViewer): Promise<NeedCandidate[]> {
    const seed = await this.seeds.get({ id: seedId }, viewer);
    if (!isStaff(viewer) && !(await isListedOnSeed(this.dataSource.manager, seed.id, viewer.userId)))
      throw MatchingError.notListedOnSeed();
    const [document] = await loadSeedDocuments(this.dataSource.manager, [seed.id]);
    const documents = new Map<string, NeedSearchDocument>();
    const scored = await this.generator.forSeed(
      document,
      async (ids) => {
        const found = await loadNeedDocuments(this.dataSource.manager, ids);
        for (const need of found) documents.set(need.id, need);
        return found;
      },
      { first },
    );
    const readable = new Map(
      (
        await this.needs.visibleByIds(
          scored.map((candidate) => candidate.needId),
          viewer,
        )
      ).map((need) => [need.id, need]),
    );
    return scored.map((candidate) => {
      const doc = documents.get(candidate.needId)!;
      const need = readable.get(candidate.needId) ?? null;
      const reasons = need ? candidate.reasons : candidate.reasons.map(withheldText);
      return {
        need,
        confidential: !need,
        summary: {
          title: bilingual(
            need ? { ja: doc.titleJa, en: doc.titleEn } : { ja: '非公開のニーズ', en: 'A confidential need' },
          ),
          fields: doc.fields,
          desiredCollaboration: doc.collaborationTypes,
          trlMin: doc.trlMin,
          trlMax: doc.trlMax,
          prefecture: doc.prefecture,
        },
        score: candidate.score,
        pathway: candidate.pathway as MatchPathway,
        reasons: reasons.map(withMessage),
      };
    });
  }

  /**
   * Seeds for a company that has posted no need yet: its own description,
   * the fields of the seeds it asked about before, and its place.
   */
  async forCompany(organizationId: string, first: number, viewer: SignedInViewer): Promise<SeedCandidate[]> {
    if (!isStaff(viewer) && viewer.organizationId !== organizationId) throw MatchingError.notYourCompany();
    const company = await this.dataSource.manager.findOneBy(Organization, { id: organizationId });
    if (!company) throw MatchingError.companyNotFound(organizationId);
    const past: { fields: string[] }[] = await this.dataSource.query(
      `SELECT s.fields FROM match_proposal p JOIN research_seed s ON s.id = p.seed_id WHERE p.company_id = $1 AND p.state <> 'declined'`,
      [organizationId],
    );
    const fields = [...new Set(past.flatMap((row) => row.fields))];
    const profile: NeedProfile = {
      title: { ja: null, en: null },
      description: company.description,
      fields,
      desiredCollaboration: [],
      trlMin: null,
      trlMax: null,
      programs: [],
      prefecture: company.prefecture,
      city: company.city,
    };
    return this.asSeedCandidates(await this.generator.forNeed(profile, { first }), viewer);
  }

  async forNeed(needId: string, first: number, viewer: SignedInViewer): Promise<SeedCandidate[]> {
    const need = await this.needs.get({ id: needId }, viewer);
    if (!isStaff(viewer) && viewer.organizationId !== need.companyId) throw MatchingError.notYourNeed();
    if (need.status === NeedStatus.CLOSED) throw MatchingError.needClosed();
    return this.asSeedCandidates(
      await this.generator.forNeed(await needProfileOf(this.dataSource.manager, need), { first }),
      viewer,
    );
  }

  /** Scored seeds as the viewer may see them (the index may lag a change of visibility). */
  private async asSeedCandidates(
    scored: ScoredCandidate[],
    viewer: SignedInViewer,
  ): Promise<SeedCandidate[]> {
    const visible = new Map(
      (
        await this.seeds.visibleByIds(
          scored.map((candidate) => candidate.seedId),
          viewer,
        )
      ).map((seed) => [seed.id, seed]),
    );
    return scored
      .filter((candidate) => visible.has(candidate.seedId))
      .map((candidate) => ({
        seed: visible.get(candidate.seedId)!,
        score: candidate.score,
        pathway: candidate.pathway as MatchPathway,
        reasons: candidate.reasons.map(withMessage),
      }));
  }
}

/** A reason's sentence as the GraphQL type. */
const withMessage = (reason: MatchReason) => ({ ...reason, message: bilingual(reason.message) });

/** The words a confidential need shares with the seed would tell what it is about: only that it matched. */
function withheldText(reason: MatchReason): MatchReason {
  return reason.factor === 'text'
    ? { ...reason, message: { ja: '内容がシーズと一致', en: 'Its text matches your seed' } }
    : reason;
}
