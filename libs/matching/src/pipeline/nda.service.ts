import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { recordAudit, type SignedInViewer } from '#libs/core';
import { CompanyNeed } from '#libs/catalog';
import { User } from '#libs/identity';
import { MatchingError } from '../matching-errors.js';
import { MatchProposal } from './match-proposal.entity.js';
import { NDA_TEXT, NdaAcceptance, type AcceptNdaInput, type ProposalContact } from './nda.js';
import { partiesOf } from './proposal-parties.js';
import { ProposalState } from './proposal-state-machine.js';

/** States in which the NDA binds both sides: confidential details and contacts are shared. */
export const UNDER_NDA: readonly ProposalState[] = [
  ProposalState.NDA,
  ProposalState.AGREEMENT,
  ProposalState.CLOSED,
];
const SIDES = ['company', 'researcher'] as const;

/** The NDA step: each side's click-through, the check before the move to NDA, and what it unlocks. */
@Injectable()
export class NdaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async accept(input: AcceptNdaInput, viewer: SignedInViewer): Promise<MatchProposal> {
    return this.dataSource.transaction(async (manager) => {
      const proposal = await manager.findOne(MatchProposal, {
        where: { id: input.proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      const parties = proposal ? await partiesOf(manager, proposal, viewer) : [];
      if (!proposal || parties.length === 0) throw MatchingError.proposalNotFound(input.proposalId);
      const side = SIDES.find((party) => parties.includes(party));
      if (!side) throw MatchingError.notAllowedToMove(proposal.state, 'nda');
      if (proposal.state !== ProposalState.MEETING)
        throw MatchingError.illegalTransition(proposal.state, 'nda');
      if (input.textVersion !== NDA_TEXT.version) throw MatchingError.ndaVersionOutdated(NDA_TEXT.version);
      await manager.upsert(
        NdaAcceptance,
        {
          proposalId: proposal.id,
          party: side,
          userId: viewer.userId,
          textVersion: NDA_TEXT.version,
          acceptedAt: new Date(),
        },
        ['proposalId', 'party'],
      );
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

  acceptances(proposalIds: readonly string[]): Promise<NdaAcceptance[]> {
    return this.dataSource.manager.find(NdaAcceptance, {
      where: { proposalId: In([...proposalIds]) },
      order: { acceptedAt: 'ASC' },
    });
  }

  /** The people who accepted, by proposal: contacts are shared only under the NDA. */
  async contacts(proposals: readonly MatchProposal[]): Promise<ProposalContact[][]> {
    const bound = proposals.filter((proposal) => UNDER_NDA.includes(proposal.state));
    const rows = bound.length ? await this.acceptances(bound.map((proposal) => proposal.id)) : [];
    const users = rows.length
      ? await this.dataSource.manager.findBy(User, { id: In(rows.map((row) => row.userId)) })
      : [];
    return proposals.map((proposal) =>
      rows
        .filter((row) => row.proposalId === proposal.id && UNDER_NDA.includes(proposal.state))
        .map((row) => {
          const user = users.find((candidate) => candidate.id === row.userId)!;
          return { party: row.party, name: user.name, email: user.email };
        }),
    );
  }

  /** Needs a researcher may read because the NDA now covers them (confidential ones included). */
  async needsUnderNda(proposals: readonly MatchProposal[]): Promise<Map<string, CompanyNeed>> {
    const ids = proposals
      .filter((proposal) => proposal.needId && UNDER_NDA.includes(proposal.state))
      .map((proposal) => proposal.needId!);
    if (ids.length === 0) return new Map();
    return new Map(
      (await this.dataSource.manager.findBy(CompanyNeed, { id: In(ids) })).map((need) => [need.id, need]),
    );
  }
}
