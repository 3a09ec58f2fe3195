/**
 * The match pipeline as one table: which state may follow which, and who may
 * make each move. Services consult it; nothing else decides a transition.
 */

export enum ProposalState {
  REQUESTED = 'requested',
  PROPOSED = 'proposed',
  SHORTLISTED = 'shortlisted',
  INTRODUCED = 'introduced',
  MEETING = 'meeting',
  NDA = 'nda',
  AGREEMENT = 'agreement',
  CLOSED = 'closed',
  DECLINED = 'declined',
  WITHDRAWN = 'withdrawn',
}

/** Who acts on a proposal: staff, the company on the need's side, the researchers listed on the seed. */
export type ProposalParty = 'coordinator' | 'company' | 'researcher';

export const FINAL_STATES: readonly ProposalState[] = [
  ProposalState.CLOSED,
  ProposalState.DECLINED,
  ProposalState.WITHDRAWN,
];
export const isOpen = (state: ProposalState) => !FINAL_STATES.includes(state);

/** Forward moves: coordinators drive; a researcher accepts an introduction by moving it to a meeting. */
const FORWARD: Record<ProposalState, Partial<Record<ProposalState, readonly ProposalParty[]>>> = {
  [ProposalState.REQUESTED]: { [ProposalState.SHORTLISTED]: ['coordinator'] },
  [ProposalState.PROPOSED]: { [ProposalState.SHORTLISTED]: ['coordinator'] },
  [ProposalState.SHORTLISTED]: { [ProposalState.INTRODUCED]: ['coordinator'] },
  [ProposalState.INTRODUCED]: { [ProposalState.MEETING]: ['coordinator', 'researcher'] },
  [ProposalState.MEETING]: { [ProposalState.NDA]: ['coordinator'] },
  [ProposalState.NDA]: { [ProposalState.AGREEMENT]: ['coordinator'] },
  [ProposalState.AGREEMENT]: { [ProposalState.CLOSED]: ['coordinator'] },
  [ProposalState.CLOSED]: {},
  [ProposalState.DECLINED]: {},
  [ProposalState.WITHDRAWN]: {},
};

/**
 * From any open state: coordinators and researchers decline (a researcher
 * only once introduced: before that nobody has asked them), the company and
 * coordinators withdraw.
 */
function exitParties(from: ProposalState, to: ProposalState): readonly ProposalParty[] {
  if (!isOpen(from)) return [];
  if (to === ProposalState.DECLINED) {
    const introduced = [
      ProposalState.INTRODUCED,
      ProposalState.MEETING,
      ProposalState.NDA,
      ProposalState.AGREEMENT,
    ].includes(from);
    return introduced ? ['coordinator', 'researcher'] : ['coordinator'];
  }
  if (to === ProposalState.WITHDRAWN) return ['coordinator', 'company'];
  return [];
}

/** The parties that may move a proposal from `from` to `to` (empty: the move does not exist). */
export function partiesAllowed(from: ProposalState, to: ProposalState): readonly ProposalParty[] {
  return FORWARD[from][to] ?? exitParties(from, to);
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'illegal' | 'not-allowed' };

/** Whether `parties` (the viewer's roles on this proposal) may move it from `from` to `to`. */
export function checkTransition(
  from: ProposalState,
  to: ProposalState,
  parties: readonly ProposalParty[],
): TransitionCheck {
  const allowed = partiesAllowed(from, to);
  if (allowed.length === 0) return { ok: false, reason: 'illegal' };
  return parties.some((party) => allowed.includes(party))
    ? { ok: true }
    : { ok: false, reason: 'not-allowed' };
}

/** Every state a proposal may go to next, with who may take it there (for clients' buttons). */
export function nextStates(from: ProposalState): { to: ProposalState; parties: readonly ProposalParty[] }[] {
  return Object.values(ProposalState)
    .map((to) => ({ to, parties: partiesAllowed(from, to) }))
    .filter((move) => move.parties.length > 0);
}

/** Why a proposal was declined: fixed, so reasons can be counted per seed and per institution. */
export enum DeclineReason {
  TOO_EARLY = 'too-early',
  NO_BUSINESS_FIT = 'no-business-fit',
  IP_NOT_AVAILABLE = 'ip-not-available',
  BUDGET = 'budget',
  TIMING = 'timing',
  ALREADY_PARTNERED = 'already-partnered',
  OTHER = 'other',
}
