import { Injectable } from '@nestjs/common';
import { AccessService, bilingual, type SignedInViewer } from '#libs/core';
import { NeedQueryService, NeedStatus, SeedQueryService, type CompanyNeed } from '#libs/catalog';
import { OrganizationService } from '#libs/directory';
import { needVisibilityFilter, SearchDocumentService, type NeedSearchDocument } from '#libs/search';
import { MatchingError } from '../matching.errors.js';
import { ProposalQueryService } from '../proposal/proposal-query.service.js';
import { CandidateGenerator } from '../ranking/candidate-generator.js';
import type { MatchReason, ScoredCandidate, ScoredNeed } from '../ranking/candidate-scorer.js';
import { needProfileOf } from '../ranking/need-profile-of.js';
import { withheldText } from '../ranking/withheld-text.js';
import type { NeedProfile } from '../ranking/need-profile.js';
import { MatchPathway, type NeedCandidate, type SeedCandidate } from './candidate.model.js';

/** Candidates for a need: who may ask, what the matcher reads of the need, and the seeds as the viewer may see them. */
@Injectable()
export class CandidateService {
  constructor(
    private readonly generator: CandidateGenerator,
    private readonly access: AccessService,
    private readonly needs: NeedQueryService,
    private readonly seeds: SeedQueryService,
    private readonly organizations: OrganizationService,
    private readonly proposals: ProposalQueryService,
    private readonly documents: SearchDocumentService,
  ) {}

  /**
   * Open needs for a seed. A need the viewer may not read is matched without
   * its text (only fields, collaboration, TRL, place) and comes as an
   * anonymous summary: its words can't be probed through the seed's.
   */
  async forSeed(seedId: string, first: number, viewer: SignedInViewer): Promise<NeedCandidate[]> {
    const seed = await this.seeds.get({ id: seedId }, viewer);
    await this.access.requireAccess({ viewer, permission: 'seed.matching', ids: [seed.id] });
    const [document] = await this.documents.seeds([seed.id]);
    const documents = new Map<string, NeedSearchDocument>();
    const scored = await this.generator.forSeed(
      document,
      async (ids) => {
        const found = await this.documents.needs(ids);
        for (const need of found) documents.set(need.id, need);
        return found;
      },
      { first, readable: needVisibilityFilter(viewer) },
    );
    const needIds = scored.map((candidate) => candidate.needId);
    const readable = new Map((await this.needs.visibleByIds(needIds, viewer)).map((need) => [need.id, need]));
    return scored.flatMap((candidate) => {
      const document = documents.get(candidate.needId); // every scored need was loaded
      const need = readable.get(candidate.needId) ?? null;
      if (!document || (!need && hasTextEvidence(candidate))) return []; // the index lags a change to confidential
      return [asNeedCandidate(candidate, document, need)];
    });
  }

  /**
   * Seeds for a company that has posted no need yet: its own description,
   * the fields of the seeds it asked about before, and its place.
   */
  async forCompany(organizationId: string, first: number, viewer: SignedInViewer): Promise<SeedCandidate[]> {
    await this.access.requireAccess({ viewer, permission: 'company.matching', ids: [organizationId] });
    const company = await this.organizations.find(organizationId);
    if (!company) throw MatchingError.companyNotFound(organizationId);
    const asked = await this.seeds.loadByIds(await this.proposals.seedIdsOfCompany(organizationId));
    const fields = [...new Set(asked.flatMap((seed) => seed.fields))];
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
    const own = await this.access.checkAccess({
      viewer,
      permission: 'company.matching',
      ids: [need.companyId],
    });
    if (!own.has(need.companyId)) throw MatchingError.notYourNeed();
    if (need.status === NeedStatus.CLOSED) throw MatchingError.needClosed();
    const profile = needProfileOf(need, await this.organizations.find(need.companyId));
    return this.asSeedCandidates(await this.generator.forNeed(profile, { first }), viewer);
  }

  /** Scored seeds as the viewer may see them (the index may lag a change of visibility). */
  private async asSeedCandidates(
    scored: ScoredCandidate[],
    viewer: SignedInViewer,
  ): Promise<SeedCandidate[]> {
    const seedIds = scored.map((candidate) => candidate.seedId);
    const visible = new Map((await this.seeds.visibleByIds(seedIds, viewer)).map((seed) => [seed.id, seed]));
    return scored.flatMap((candidate) => {
      const seed = visible.get(candidate.seedId);
      if (!seed) return [];
      const { score, pathway, reasons } = candidate;
      return [{ seed, score, pathway: pathway as MatchPathway, reasons: reasons.map(withMessage) }];
    });
  }
}

/** A scored need as the viewer may see it: the full need if they may read it, else an anonymous summary. */
function asNeedCandidate(
  candidate: ScoredNeed,
  document: NeedSearchDocument,
  need: CompanyNeed | null,
): NeedCandidate {
  const reasons = need ? candidate.reasons : candidate.reasons.map(withheldText);
  return {
    need,
    confidential: !need,
    summary: {
      title: bilingual(
        need
          ? { ja: document.titleJa, en: document.titleEn }
          : { ja: '非公開のニーズ', en: 'A confidential need' },
      ),
      fields: document.fields,
      desiredCollaboration: document.collaborationTypes,
      trlMin: document.trlMin,
      trlMax: document.trlMax,
      prefecture: document.prefecture,
    },
    score: candidate.score,
    pathway: candidate.pathway as MatchPathway,
    reasons: reasons.map(withMessage),
  };
}

/** A reason's sentence as the GraphQL type. */
const withMessage = (reason: MatchReason) => ({ ...reason, message: bilingual(reason.message) });

const hasTextEvidence = (candidate: ScoredNeed) =>
  candidate.reasons.some((reason) => reason.factor === 'text' && reason.value > 0);
