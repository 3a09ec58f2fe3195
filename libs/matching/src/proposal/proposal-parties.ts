import {
  audiencesOf,
  EVERYTHING,
  isStaff,
  meetsCondition,
  type AccessCondition,
  type Viewer,
} from '#libs/core';
import type { MatchProposal } from './match-proposal.entity.js';
import type { ProposalParty } from './proposal-state-machine.js';

/**
 * A proposal as the party rules read it: its company side, its seed, and
 * whether coordinators have introduced the parties ('true' or 'false').
 */
export function proposalAttributes(proposal: Pick<MatchProposal, 'companyId' | 'seedId' | 'introducedAt'>) {
  return {
    company: proposal.companyId,
    seed: proposal.seedId,
    introduced: String(proposal.introducedAt !== null),
  };
}

/**
 * The roles a viewer may hold on proposals, each as a condition over
 * proposalAttributes: coordinator (staff) on every proposal; company on its
 * company's; researcher on those of the seeds they are listed on
 * (`listedSeedIds`), once introduced: before that the proposal is the
 * coordinators' and the company's business.
 */
export function partyConditions(
  viewer: Viewer,
  listedSeedIds: readonly string[],
): [ProposalParty, AccessCondition][] {
  if (viewer.kind !== 'user') return [];
  const conditions: [ProposalParty, AccessCondition][] = [];
  if (isStaff(viewer)) conditions.push(['coordinator', EVERYTHING]);
  const audiences = audiencesOf(viewer);
  if (audiences.includes('company-member') && viewer.organizationId)
    conditions.push(['company', { attribute: 'company', in: [viewer.organizationId] }]);
  if (audiences.includes('researcher'))
    conditions.push([
      'researcher',
      {
        all: [
          { attribute: 'introduced', in: ['true'] },
          { attribute: 'seed', in: [...listedSeedIds] },
        ],
      },
    ]);
  return conditions;
}

/** Who may read a proposal: any of its parties. */
export const partyOfAny = (conditions: [ProposalParty, AccessCondition][]): AccessCondition => ({
  any: conditions.map(([, condition]) => condition),
});

/** The viewer's roles on one proposal (empty: not a party, so the proposal does not exist for them). */
export function partiesOf(
  proposal: Pick<MatchProposal, 'companyId' | 'seedId' | 'introducedAt'>,
  conditions: [ProposalParty, AccessCondition][],
): ProposalParty[] {
  const values = proposalAttributes(proposal);
  return conditions.filter(([, condition]) => meetsCondition(condition, values)).map(([party]) => party);
}
