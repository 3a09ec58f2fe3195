import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  AccessService,
  bilingual,
  isStaff,
  recordAudit,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { NeedQueryService, type CompanyNeed } from '#libs/catalog';
import { AccountService } from '#libs/identity';
import { MatchingAccessPolicy } from '../matching.access.js';
import { MatchingError } from '../matching.errors.js';
import { MatchProposal } from '../proposal/match-proposal.entity.js';
import { ProposalState } from '../proposal/proposal-state-machine.js';
import type { AcceptNdaInput } from './dto/accept-nda.input.js';
import { NdaAcceptance } from './nda-acceptance.entity.js';
import { NDA_TEXT } from './nda-text.js';
import type { NdaText, ProposalContact } from './nda.model.js';

/** States in which the NDA binds both sides: confidential details and contacts are shared. */
export const UNDER_NDA: readonly ProposalState[] = [
  ProposalState.NDA,
  ProposalState.AGREEMENT,
  ProposalState.CLOSED,
];
const SIDES = ['company', 'researcher'] as const;
/** When a person may accept: from the meeting on, so someone joining a side later accepts before reading. */
const ACCEPTING: readonly ProposalState[] = [ProposalState.MEETING, ...UNDER_NDA];

/** The NDA step: each person's click-through, the check before the move to NDA, and what it unlocks, per person. */
@Injectable()
export class NdaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly policy: MatchingAccessPolicy,
    private readonly accounts: AccountService,
    private readonly needs: NeedQueryService,
  ) {}

  text(): NdaText {
    return { version: NDA_TEXT.version, text: bilingual(NDA_TEXT) };
  }

  /**
   * The viewer accepts the current text for their side, at the meeting stage
   * or later: someone who joins a side once the NDA binds it (added to the
   * seed, approved into the company) reads nothing it unlocks until they do.
   */
  async accept(input: AcceptNdaInput, viewer: SignedInViewer): Promise<MatchProposal> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(MatchProposal, {
        where: { id: input.proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!proposal) throw MatchingError.proposalNotFound(input.proposalId);
      await this.access.requireAccess({ viewer, permission: 'proposal.read', ids: [proposal.id], manager });
      const parties = await this.policy.parties(proposal, viewer, manager);
      const side = SIDES.find((party) => parties.includes(party));
      if (!side) throw MatchingError.notAllowedToMove(proposal.state, 'nda');
      if (!ACCEPTING.includes(proposal.state)) throw MatchingError.illegalTransition(proposal.state, 'nda');
      if (input.textVersion !== NDA_TEXT.version) throw MatchingError.ndaVersionOutdated(NDA_TEXT.version);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(NdaAcceptance)
        .values({
          proposalId: proposal.id,
          party: side,
          userId: viewer.userId,
          textVersion: NDA_TEXT.version,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return proposal; // this person already accepted this text
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'match-proposal',
        entityId: proposal.id,
        action: 'nda-accepted',
        before: null,
        after: { party: side, textVersion: NDA_TEXT.version },
      });
      return proposal;
    });
  }

  /** Refuses the move to NDA until both sides accepted the current text. */
  async assertBothAccepted(manager: EntityManager, proposalId: string): Promise<void> {
    const accepted = await manager.findBy(NdaAcceptance, { proposalId, textVersion: NDA_TEXT.version });
    const missing = SIDES.filter((side) => !accepted.some((row) => row.party === side));
    if (missing.length) throw MatchingError.ndaNotAccepted(missing);
  }

  /** Who accepted the NDA on each of many proposals, in one query. */
  acceptancesLoader(loaders: RequestLoaders) {
    return loaders.get<string, NdaAcceptance[]>('matching.ndaAcceptances', async (ids) => {
      const rows = await this.acceptances(ids);
      return ids.map((id) => rows.filter((row) => row.proposalId === id));
    });
  }

  /**
   * The people who accepted the current text, by proposal, shown under the
   * NDA to staff and to those who accepted it themselves; empty to the rest.
   */
  async contacts(proposals: readonly MatchProposal[], viewer: Viewer): Promise<ProposalContact[][]> {
    const rows = await this.currentAcceptances(
      proposals.filter((proposal) => UNDER_NDA.includes(proposal.state)),
    );
    const bound = boundFor(rows, viewer);
    const shown = rows.filter((row) => isStaff(viewer) || bound.has(row.proposalId));
    const users = await this.accounts.findByIds([...new Set(shown.map((row) => row.userId))]);
    return proposals.map((proposal) =>
      shown
        .filter((row) => row.proposalId === proposal.id)
        .flatMap((row) => {
          const user = users.find((candidate) => candidate.id === row.userId);
          // a closed account's acceptance still counts, but there is nobody left to contact
          return user && !user.closedAt ? [{ party: row.party, name: user.name, email: user.email }] : [];
        }),
    );
  }

  /**
   * Each proposal's need as the viewer may read it: by the catalog's read
   * rule, or, for a confidential one, once the NDA covers the proposal and the
   * viewer has accepted its current text.
   */
  async needsOf(proposals: readonly MatchProposal[], viewer: Viewer): Promise<(CompanyNeed | null)[]> {
    const needIds = proposals.flatMap((proposal) => (proposal.needId ? [proposal.needId] : []));
    const bound = boundFor(
      await this.currentAcceptances(proposals.filter((proposal) => UNDER_NDA.includes(proposal.state))),
      viewer,
    );
    const unlocked = proposals.flatMap((proposal) =>
      proposal.needId && bound.has(proposal.id) ? [proposal.needId] : [],
    );
    const readable = byId(await this.needs.visibleByIds(needIds, viewer));
    const underNda = byId(await this.needs.loadByIds(unlocked));
    return proposals.map((proposal) =>
      proposal.needId ? (readable.get(proposal.needId) ?? underNda.get(proposal.needId) ?? null) : null,
    );
  }

  private acceptances(proposalIds: readonly string[]): Promise<NdaAcceptance[]> {
    return this.dataSource.manager.find(NdaAcceptance, {
      where: { proposalId: In([...proposalIds]) },
      order: { acceptedAt: 'ASC' },
    });
  }

  /** Acceptances of the current text on these proposals: an earlier text's acceptance binds nobody to this one. */
  private async currentAcceptances(proposals: readonly MatchProposal[]): Promise<NdaAcceptance[]> {
    if (proposals.length === 0) return [];
    return this.dataSource.manager.find(NdaAcceptance, {
      where: { proposalId: In(proposals.map((proposal) => proposal.id)), textVersion: NDA_TEXT.version },
      order: { acceptedAt: 'ASC' },
    });
  }
}

const byId = (needs: CompanyNeed[]) => new Map(needs.map((need) => [need.id, need]));

/** The proposals on which the viewer has accepted (among current-text acceptances). */
const boundFor = (rows: readonly NdaAcceptance[], viewer: Viewer): Set<string> =>
  new Set(
    viewer.kind === 'user'
      ? rows.filter((row) => row.userId === viewer.userId).map((row) => row.proposalId)
      : [],
  );
