import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import {
  audiencesOf,
  bilingual,
  isStaff,
  isUniqueViolation,
  paginate,
  recordAudit,
  type Page,
  type SignedInViewer,
} from '#libs/core';
import { NeedQueryService, NeedStatus, SeedQueryService, SeedStatus, type CompanyNeed } from '#libs/catalog';
import { loadSeedDocuments } from '#libs/search';
import { MatchPathway } from '../graphql/candidate.model.js';
import { MatchingError } from '../matching-errors.js';
import { scoreCandidate } from '../ranking/candidate-scorer.js';
import type { NeedProfile } from '../ranking/need-profile.js';
import { needProfileOf } from '../ranking/need-profile-of.js';
import type {
  MoveProposalInput,
  ProposalsArgs,
  ProposeMatchInput,
  RequestIntroductionInput,
} from './dto/proposal.input.js';
import { MatchProposal, ProposalTransition } from './match-proposal.entity.js';
import { NotificationService } from '../notifications/notification.service.js';
import { NdaService } from './nda.service.js';
import { partiesOf } from './proposal-parties.js';
import { dueDate } from './response-targets.js';
import { checkTransition, DeclineReason, ProposalState } from './proposal-state-machine.js';

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

const snapshot = (proposal: MatchProposal) => ({
  state: proposal.state,
  declineReason: proposal.declineReason,
  pathway: proposal.pathway,
});

/** Opening and moving proposals: every move checked by the state machine, stored with its history and audit in one transaction. */
@Injectable()
export class ProposalService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NeedQueryService) private readonly needs: NeedQueryService,
    @Inject(SeedQueryService) private readonly seeds: SeedQueryService,
    private readonly nda: NdaService,
    private readonly notifications: NotificationService,
  ) {}

  async requestIntroduction(input: RequestIntroductionInput, viewer: SignedInViewer): Promise<MatchProposal> {
    const need = input.needId ? await this.openNeedOf(input.needId, viewer) : null;
    return this.open(
      {
        need,
        companyId: viewer.organizationId!,
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

  async move(input: MoveProposalInput, viewer: SignedInViewer): Promise<MatchProposal> {
    const declining = input.to === ProposalState.DECLINED;
    if (declining !== Boolean(input.declineReason)) throw MatchingError.declineReasonRequired();
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(MatchProposal, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      const parties = proposal ? await partiesOf(manager, proposal, viewer) : [];
      if (!proposal || parties.length === 0) throw MatchingError.proposalNotFound(input.id);
      if (proposal.version !== input.version) throw MatchingError.staleVersion(proposal.version);
      const check = checkTransition(proposal.state, input.to, parties);
      if (!check.ok)
        throw check.reason === 'illegal'
          ? MatchingError.illegalTransition(proposal.state, input.to)
          : MatchingError.notAllowedToMove(proposal.state, input.to);
      if (input.to === ProposalState.NDA) await this.nda.assertBothAccepted(manager, proposal.id);
      const before = snapshot(proposal);
      const from = proposal.state;
      proposal.state = input.to;
      proposal.stateChangedAt = new Date();
      proposal.dueAt = dueDate(input.to, proposal.stateChangedAt);
      proposal.declineReason = input.declineReason ?? null;
      if (input.to === ProposalState.INTRODUCED) proposal.introducedAt = proposal.stateChangedAt;
      const saved = await manager.save(proposal);
      await this.recordStep(manager, saved, from, viewer.userId, input.note, input.declineReason);
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'match-proposal',
        entityId: saved.id,
        action: `moved-to-${input.to}`,
        before,
        after: snapshot(saved),
      });
      if (input.to === ProposalState.INTRODUCED) {
        await this.notifications.notify(
          manager,
          await this.notifications.researchersOf(manager, saved.seedId),
          {
            kind: 'introduced',
            title: {
              ja: 'コーディネーターが企業を紹介しました',
              en: 'A coordinator introduced a company to you',
            },
            proposalId: saved.id,
            seedId: saved.seedId,
          },
        );
      }
      return saved;
    });
  }

  /** A proposal the viewer is a party to. */
  async get(id: string, viewer: SignedInViewer): Promise<MatchProposal> {
    const proposal = await this.dataSource.manager.findOneBy(MatchProposal, { id });
    if (!proposal || (await partiesOf(this.dataSource.manager, proposal, viewer)).length === 0)
      throw MatchingError.proposalNotFound(id);
    return proposal;
  }

  /** The proposals the viewer is a party to, oldest first: all for coordinators, the company's own, researchers' introduced ones. */
  list(args: ProposalsArgs, viewer: SignedInViewer): Promise<Page<MatchProposal>> {
    const query = this.dataSource.manager.createQueryBuilder(MatchProposal, 'proposal');
    if (!isStaff(viewer)) {
      const audiences = audiencesOf(viewer);
      query.where(
        new Brackets((where) => {
          where.where('1 = 0');
          if (audiences.includes('company-member'))
            where.orWhere('proposal.companyId = :company', { company: viewer.organizationId });
          if (audiences.includes('researcher')) {
            where.orWhere(
              `proposal.introducedAt IS NOT NULL AND EXISTS (SELECT 1 FROM seed_researcher sr JOIN person p ON p.id = sr.person_id WHERE sr.seed_id = proposal.seed_id AND p.user_id = :user)`,
              { user: viewer.userId },
            );
          }
        }),
      );
    }
    if (args.overdue !== undefined)
      query.andWhere(
        args.overdue ? 'proposal.dueAt < now()' : '(proposal.dueAt IS NULL OR proposal.dueAt >= now())',
      );
    if (args.states?.length) query.andWhere('proposal.state IN (:...states)', { states: args.states });
    if (args.needId) query.andWhere('proposal.needId = :needId', { needId: args.needId });
    if (args.seedId) query.andWhere('proposal.seedId = :seedId', { seedId: args.seedId });
    return paginate(query, args);
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
    const [document] = await loadSeedDocuments(this.dataSource.manager, [seed.id]);
    const scored = scoreCandidate(
      draft.need ? await needProfileOf(this.dataSource.manager, draft.need) : OPEN_PROFILE,
      document,
      { relevance: 0, terms: [] },
    );
    try {
      return await this.dataSource.transaction(async (manager) => {
        const proposal = await manager.save(
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
            stateChangedAt: new Date(),
            dueAt: dueDate(draft.state, new Date()),
          }),
        );
        await this.recordStep(manager, proposal, null, viewer.userId, draft.note, undefined);
        await recordAudit(manager, {
          actorUserId: viewer.userId,
          entityType: 'match-proposal',
          entityId: proposal.id,
          action: 'created',
          before: null,
          after: snapshot(proposal),
        });
        const requested = draft.state === ProposalState.REQUESTED;
        await this.notifications.notify(
          manager,
          (await this.notifications.coordinators(manager)).filter((id) => id !== viewer.userId),
          {
            kind: requested ? 'introduction-requested' : 'proposal-opened',
            title: requested
              ? {
                  ja: `企業がシーズ「${seed.title.ja ?? seed.title.en}」の紹介を希望しています`,
                  en: `A company asks for an introduction to “${seed.title.en ?? seed.title.ja}”`,
                }
              : {
                  ja: `新しい提案: ${seed.title.ja ?? seed.title.en}`,
                  en: `New proposal: ${seed.title.en ?? seed.title.ja}`,
                },
            proposalId: proposal.id,
            seedId: seed.id,
          },
        );
        return proposal;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.dataSource.manager.findOneBy(
        MatchProposal,
        draft.need
          ? { needId: draft.need.id, seedId: seed.id }
          : { companyId: draft.companyId, seedId: seed.id },
      );
      throw MatchingError.proposalExists(existing?.id ?? '?');
    }
  }

  private async recordStep(
    manager: EntityManager,
    proposal: MatchProposal,
    from: ProposalState | null,
    actorUserId: string,
    note: string | undefined,
    declineReason: DeclineReason | undefined,
  ) {
    await manager.save(
      manager.create(ProposalTransition, {
        proposalId: proposal.id,
        fromState: from,
        toState: proposal.state,
        actorUserId,
        note: note?.trim() || null,
        declineReason: declineReason ?? null,
      }),
    );
  }

  private async openNeedOf(needId: string, viewer: SignedInViewer): Promise<CompanyNeed> {
    const need = await this.needs.get({ id: needId }, viewer);
    if (viewer.role === 'company-member' && need.companyId !== viewer.organizationId)
      throw MatchingError.notYourNeed('input.needId');
    if (need.status === NeedStatus.CLOSED) throw MatchingError.needClosed('input.needId');
    return need;
  }
}
