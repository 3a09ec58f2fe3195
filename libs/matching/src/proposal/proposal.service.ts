import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccessService,
  bilingual,
  isUniqueViolation,
  VersionedWriter,
  type SignedInViewer,
} from '#libs/core';
import {
  CatalogError,
  NeedQueryService,
  NeedStatus,
  SeedQueryService,
  SeedStatus,
  type CompanyNeed,
} from '#libs/catalog';
import { OrganizationService } from '#libs/directory';
import { SearchDocumentService } from '#libs/search';
import { MatchPathway } from '../candidate/candidate.model.js';
import { MatchingAccessPolicy } from '../matching.access.js';
import { MatchingError } from '../matching.errors.js';
import { NdaService } from '../nda/nda.service.js';
import { NotificationService } from '../notification/notification.service.js';
import { scoreCandidate, type MatchReason, type Pathway } from '../ranking/candidate-scorer.js';
import type { NeedProfile } from '../ranking/need-profile.js';
import { needProfileOf } from '../ranking/need-profile-of.js';
import type { MoveProposalInput } from './dto/move-proposal.input.js';
import type { ProposeMatchInput } from './dto/propose-match.input.js';
import type { RequestIntroductionInput } from './dto/request-introduction.input.js';
import { MatchProposal } from './match-proposal.entity.js';
import { introduced, matcherProposed, newCandidate, proposalOpened } from './proposal-notices.js';
import { checkTransition, DeclineReason, ProposalState } from './proposal-state-machine.js';
import { ProposalTransition } from './proposal-transition.entity.js';
import { dueDate } from './response-targets.js';

/** A need-less request is scored against an open profile: only the seed's own facts count. */
const OPEN_PROFILE: NeedProfile = {
  title: { ja: null, en: null },
  description: { ja: null, en: null },
  fields: [],
  desiredCollaboration: [],
  trlMin: null,
  trlMax: null,
  programs: [],
  prefecture: null,
  city: null,
};

const proposalWriter = new VersionedWriter<MatchProposal>({
  entity: MatchProposal,
  auditType: 'match-proposal',
  snapshot: (proposal) => ({
    state: proposal.state,
    declineReason: proposal.declineReason,
    pathway: proposal.pathway,
  }),
  notFound: (id) => MatchingError.proposalNotFound(id),
});

type Scored = { score: number; pathway: Pathway; reasons: MatchReason[] };

/** Opening and moving proposals: every move checked by the state machine, stored with its history and audit in one transaction. */
@Injectable()
export class ProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly policy: MatchingAccessPolicy,
    private readonly needs: NeedQueryService,
    private readonly seeds: SeedQueryService,
    private readonly organizations: OrganizationService,
    private readonly nda: NdaService,
    private readonly notifications: NotificationService,
    private readonly documents: SearchDocumentService,
  ) {}

  async requestIntroduction(input: RequestIntroductionInput, viewer: SignedInViewer): Promise<MatchProposal> {
    const companyId = viewer.organizationId; // an approved company member's company
    if (!companyId) throw CatalogError.notYourCompany('input');
    const need = input.needId ? await this.openNeedOf(input.needId, viewer) : null;
    return this.open(
      {
        need,
        companyId,
        seedId: input.seedId,
        state: ProposalState.REQUESTED,
        note: input.note,
      },
      viewer,
    );
  }

  async propose(input: ProposeMatchInput, viewer: SignedInViewer): Promise<MatchProposal> {
    const need = await this.openNeedOf(input.needId, viewer);
    return this.open(
      {
        need,
        companyId: need.companyId,
        seedId: input.seedId,
        state: ProposalState.PROPOSED,
        note: input.note,
      },
      viewer,
    );
  }

  /** A move by a party to the proposal; the version is checked before the state machine judges the move. */
  move(input: MoveProposalInput, viewer: SignedInViewer): Promise<MatchProposal> {
    if ((input.to === ProposalState.DECLINED) !== Boolean(input.declineReason))
      throw MatchingError.declineReasonRequired();
    return this.dataSource.transaction((manager) =>
      proposalWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: viewer.userId,
        action: `moved-to-${input.to}`,
        authorize: (proposal) =>
          this.access.requireAccess({ viewer, permission: 'proposal.read', ids: [proposal.id], manager }),
        edit: async (proposal) => {
          await this.assertMove(manager, proposal, input.to, viewer);
          const from = proposal.state;
          enter(proposal, input.to, input.declineReason);
          await this.recordStep(manager, proposal, from, viewer.userId, input.note, input.declineReason);
          if (input.to === ProposalState.INTRODUCED)
            await this.notifications.notify(
              manager,
              await this.notifications.researchersOf(manager, proposal.seedId),
              introduced(proposal),
            );
        },
      }),
    );
  }

  /**
   * Files the matcher's proposal for a pair unless one exists (never twice
   * for a pair, whatever its state), and tells coordinators and the company.
   */
  fileFromMatcher(needId: string, seedId: string, scored: Scored): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const [need] = await this.needs.loadByIds([needId], manager);
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
      const coordinators = await this.notifications.coordinators(manager);
      await this.notifications.notify(manager, coordinators, matcherProposed(need, id, seedId));
      const members = await this.notifications.membersOf(manager, need.companyId);
      await this.notifications.notify(manager, members, newCandidate(need, id, seedId));
    });
  }

  /** The state machine's verdict for this viewer's roles, and the NDA before the move to NDA. */
  private async assertMove(
    manager: EntityManager,
    proposal: MatchProposal,
    to: ProposalState,
    viewer: SignedInViewer,
  ) {
    const check = checkTransition(proposal.state, to, await this.policy.parties(proposal, viewer, manager));
    if (!check.ok)
      throw check.reason === 'illegal'
        ? MatchingError.illegalTransition(proposal.state, to)
        : MatchingError.notAllowedToMove(proposal.state, to);
    if (to === ProposalState.NDA) await this.nda.assertBothAccepted(manager, proposal.id);
  }

  private async open(
    draft: {
      need: CompanyNeed | null;
      companyId: string;
      seedId: string;
      state: ProposalState;
      note?: string;
    },
    viewer: SignedInViewer,
  ): Promise<MatchProposal> {
    const [seed] = await this.seeds.visibleByIds([draft.seedId], viewer);
    if (!seed || seed.status !== SeedStatus.PUBLISHED) throw MatchingError.seedNotAvailable(draft.seedId);
    const [document] = await this.documents.seeds([seed.id]);
    const profile = draft.need
      ? needProfileOf(draft.need, await this.organizations.find(draft.need.companyId))
      : OPEN_PROFILE;
    const scored = scoreCandidate(profile, document, { relevance: 0, terms: [] });
    try {
      return await this.dataSource.transaction(async (manager) => {
        const now = new Date();
        const proposal = await proposalWriter.create(
          manager,
          manager.create(MatchProposal, {
            needId: draft.need?.id ?? null,
            companyId: draft.companyId,
            seedId: seed.id,
            state: draft.state,
            pathway: scored.pathway as MatchPathway,
            score: draft.need ? scored.score : null,
            reasons: scored.reasons.map((reason) => ({ ...reason, message: bilingual(reason.message) })),
            declineReason: null,
            createdByUserId: viewer.userId,
            introducedAt: null,
            stateChangedAt: now,
            dueAt: dueDate(draft.state, now),
          }),
          viewer.userId,
        );
        await this.recordStep(manager, proposal, null, viewer.userId, draft.note, undefined);
        const coordinators = await this.notifications.coordinators(manager);
        await this.notifications.notify(
          manager,
          coordinators.filter((id) => id !== viewer.userId),
          proposalOpened(seed, proposal.id, draft.state === ProposalState.REQUESTED),
        );
        return proposal;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw MatchingError.proposalExists((await this.existing(draft.need, draft.companyId, seed.id)) ?? '?');
    }
  }

  /** The proposal already filed for the pair (the need's, or the company's without a need). */
  private async existing(need: CompanyNeed | null, companyId: string, seedId: string) {
    const found = await this.dataSource.manager.findOneBy(
      MatchProposal,
      need ? { needId: need.id, seedId } : { companyId, seedId },
    );
    return found?.id;
  }

  private async recordStep(
    manager: EntityManager,
    proposal: MatchProposal,
    from: ProposalState | null,
    actorUserId: string,
    note: string | undefined,
    declineReason: DeclineReason | undefined,
  ) {
    await manager.insert(ProposalTransition, {
      proposalId: proposal.id,
      fromState: from,
      toState: proposal.state,
      actorUserId,
      note: note?.trim() || null,
      declineReason: declineReason ?? null,
    });
  }

  /** An open need the viewer may propose for: a company member only for their own company's. */
  private async openNeedOf(needId: string, viewer: SignedInViewer): Promise<CompanyNeed> {
    const need = await this.needs.get({ id: needId }, viewer);
    const own = await this.access.checkAccess({
      viewer,
      permission: 'company.matching',
      ids: [need.companyId],
    });
    if (!own.has(need.companyId)) throw MatchingError.notYourNeed('input.needId');
    if (need.status === NeedStatus.CLOSED) throw MatchingError.needClosed('input.needId');
    return need;
  }
}

/** The proposal enters `to`: its clock restarts, and an introduction makes the researchers a party. */
function enter(proposal: MatchProposal, to: ProposalState, declineReason: DeclineReason | undefined) {
  proposal.state = to;
  proposal.stateChangedAt = new Date();
  proposal.dueAt = dueDate(to, proposal.stateChangedAt);
  proposal.declineReason = declineReason ?? null;
  if (to === ProposalState.INTRODUCED) proposal.introducedAt = proposal.stateChangedAt;
}
