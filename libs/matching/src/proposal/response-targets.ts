import { addBusinessDays } from '#libs/core';
import { ProposalState } from './proposal-state-machine.js';

/**
 * How many business days a proposal may wait in each open state before it is
 * overdue and its coordinators are told. One object, like the ranker's
 * weights; final states have none.
 */
export const RESPONSE_TARGET_BUSINESS_DAYS: Partial<Record<ProposalState, number>> = {
  [ProposalState.REQUESTED]: 10,
  [ProposalState.PROPOSED]: 10,
  [ProposalState.SHORTLISTED]: 10,
  [ProposalState.INTRODUCED]: 10,
  [ProposalState.MEETING]: 20,
  [ProposalState.NDA]: 40,
  [ProposalState.AGREEMENT]: 60,
};

/** When a proposal entering `state` at `at` is due to move on (business days: Tokyo weekdays that are no national holiday); null for final states. */
export function dueDate(state: ProposalState, at: Date): Date | null {
  const days = RESPONSE_TARGET_BUSINESS_DAYS[state];
  return days === undefined ? null : addBusinessDays(at, days);
}

/** Whether the proposal is past its response target. */
export function isOverdue(proposal: { dueAt: Date | null }, now = Date.now()): boolean {
  return proposal.dueAt !== null && proposal.dueAt.getTime() < now;
}
