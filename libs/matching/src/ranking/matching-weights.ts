/**
 * How much each factor counts in a candidate's score (they sum to 1). The one
 * place to tune the ranker; `npm run eval:matching` shows what a change does.
 */
export const MATCHING_WEIGHTS = {
  text: 0.34,
  fields: 0.2,
  collaboration: 0.12,
  trl: 0.1,
  ip: 0.06,
  locality: 0.08,
  programs: 0.04,
  freshness: 0.06,
} as const;

export type MatchFactor = keyof typeof MATCHING_WEIGHTS;
export type MatchingWeights = Record<MatchFactor, number>;
