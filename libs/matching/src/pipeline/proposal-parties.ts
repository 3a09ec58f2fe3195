import type { EntityManager } from 'typeorm';
import { audiencesOf, isStaff, type SignedInViewer } from '#libs/core';
import type { MatchProposal } from './match-proposal.entity.js';
import type { ProposalParty } from './proposal-state-machine.js';

/**
 * The viewer's roles on a proposal: coordinator (staff), company (a member of
 * the company side), researcher (listed on the seed, once introduced: before
 * that the proposal is the coordinators' and the company's business).
 */
export async function partiesOf(
  manager: EntityManager,
  proposal: MatchProposal,
  viewer: SignedInViewer,
): Promise<ProposalParty[]> {
  const parties: ProposalParty[] = [];
  if (isStaff(viewer)) parties.push('coordinator');
  const audiences = audiencesOf(viewer);
  if (audiences.includes('company-member') && viewer.organizationId === proposal.companyId)
    parties.push('company');
  if (
    audiences.includes('researcher') &&
    proposal.introducedAt &&
    (await isListedOnSeed(manager, proposal.seedId, viewer.userId))
  )
    parties.push('researcher');
  return parties;
}

/** Whether the account is one of the researchers listed on the seed. */
export async function isListedOnSeed(
  manager: EntityManager,
  seedId: string,
  userId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM seed_researcher sr JOIN person p ON p.id = sr.person_id WHERE sr.seed_id = $1 AND p.user_id = $2 LIMIT 1`,
    [seedId, userId],
  );
  return rows.length > 0;
}
