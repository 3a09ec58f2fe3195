import { taxonomyLabel, type LocalizedMessage } from '#libs/core';
import type { SeedSearchDocument } from '#libs/search';
import { MATCHING_WEIGHTS, type MatchFactor, type MatchingWeights } from './matching-weights.js';
import type { NeedProfile } from './need-profile.js';

export type Pathway = 'joint-research' | 'commercialization' | 'venture-creation';

/** One factor of a candidate's score: its weight, its value (0 to 1) and a sentence in both languages. */
export interface MatchReason {
  factor: MatchFactor;
  weight: number;
  value: number;
  message: LocalizedMessage;
}

export interface ScoredCandidate {
  seedId: string;
  score: number;
  pathway: Pathway;
  reasons: MatchReason[];
}

/** A need scored for a seed (the same factors, seen from the other side). */
export type ScoredNeed = Omit<ScoredCandidate, 'seedId'> & { needId: string };

/** What the search stage found for a seed: its text relevance (0 to 1) and the need's terms that matched. */
export interface TextEvidence {
  relevance: number;
  terms: string[];
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const PROTECTED_IP = new Set(['granted', 'pending', 'licensed']);
const fieldName = (code: string) => taxonomyLabel('fields', code);
const collaborationName = (code: string) => taxonomyLabel('collaborationTypes', code);
const list = (names: { ja: string; en: string }[]) => ({
  ja: names.map((n) => n.ja).join('、'),
  en: names.map((n) => n.en).join(', '),
});

type FactorValue = { value: number; message: LocalizedMessage } | null;

function textFactor(evidence: TextEvidence): FactorValue {
  if (evidence.relevance <= 0) return null;
  const terms = evidence.terms.slice(0, 4);
  return {
    value: evidence.relevance,
    message: terms.length
      ? { ja: `内容が一致: ${terms.join('、')}`, en: `Matches your description: ${terms.join(', ')}` }
      : { ja: '内容がニーズの文章と一致', en: 'Its text matches your need' },
  };
}

function fieldsFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  if (need.fields.length === 0) return null;
  const shared = seed.fields.filter((code) => need.fields.includes(code));
  if (shared.length === 0)
    return { value: 0, message: { ja: '分野は一致しません', en: 'No field in common' } };
  const names = list(shared.map(fieldName));
  return {
    value: shared.length / need.fields.length,
    message: { ja: `分野が一致: ${names.ja}`, en: `Same field: ${names.en}` },
  };
}

function collaborationFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  if (need.desiredCollaboration.length === 0) return null;
  const shared = seed.collaborationTypes.filter((code) => need.desiredCollaboration.includes(code));
  if (shared.length === 0)
    return {
      value: 0,
      message: { ja: '希望の連携形態は提供されていません', en: 'Does not offer the collaboration you want' },
    };
  const names = list(shared.map(collaborationName));
  return {
    value: 1,
    message: { ja: `希望の連携形態に対応: ${names.ja}`, en: `Offers what you asked for: ${names.en}` },
  };
}

function trlFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  if (seed.trl === null || (need.trlMin === null && need.trlMax === null)) return null;
  const min = need.trlMin ?? 1;
  const max = need.trlMax ?? 9;
  const range = `${min}-${max}`;
  if (seed.trl >= min && seed.trl <= max) {
    return {
      value: 1,
      message: {
        ja: `TRL ${seed.trl} は希望範囲 ${range} に入っています`,
        en: `TRL ${seed.trl} is inside your range ${range}`,
      },
    };
  }
  const distance = seed.trl < min ? min - seed.trl : seed.trl - max;
  return {
    value: Math.max(0, 1 - distance / 3),
    message: {
      ja: `TRL ${seed.trl} は希望範囲 ${range} から ${distance} 離れています`,
      en: `TRL ${seed.trl} is ${distance} outside your range ${range}`,
    },
  };
}

/** IP matters when the company wants a licence or a product: protected IP is what can be licensed. */
function ipFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  if (!need.desiredCollaboration.includes('licensing')) return null;
  if (PROTECTED_IP.has(seed.ipStatus)) {
    const status = taxonomyLabel('ipStatuses', seed.ipStatus);
    return {
      value: 1,
      message: {
        ja: `ライセンス可能な知財あり（${status.ja}）`,
        en: `IP available for licensing (${status.en})`,
      },
    };
  }
  return { value: 0, message: { ja: '特許などの知財はまだありません', en: 'No patent or other IP yet' } };
}

/** Kyoso serves a regional cluster: a partner in the same city or prefecture is easier to work with. */
function localityFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  if (!need.prefecture) return null;
  if (need.city && seed.city === need.city)
    return { value: 1, message: { ja: `同じ市内（${need.city}）`, en: `In the same city (${need.city})` } };
  if (seed.prefecture === need.prefecture)
    return {
      value: 0.7,
      message: { ja: `同じ県内（${need.prefecture}）`, en: `In the same prefecture (${need.prefecture})` },
    };
  return { value: 0, message: { ja: '県外の研究機関', en: 'Outside your prefecture' } };
}

function programsFactor(need: NeedProfile, seed: SeedSearchDocument): FactorValue {
  const shared = seed.programs.filter((code) => need.programs.includes(code));
  if (shared.length === 0) return null;
  return {
    value: 1,
    message: { ja: `同じ事業に参加: ${shared.join('、')}`, en: `Same program: ${shared.join(', ')}` },
  };
}

function freshnessFactor(seed: SeedSearchDocument, now: number): FactorValue {
  if (seed.publishedAt === null) return null;
  const years = Math.max(0, (now - seed.publishedAt) / YEAR_MS);
  const value = years <= 1 ? 1 : Math.max(0, 1 - (years - 1) / 4);
  return {
    value,
    message: { ja: `${years.toFixed(1)} 年前に公開`, en: `Published ${years.toFixed(1)} years ago` },
  };
}

/** Joint research by default; a licence or product path for ready, protected seeds; a venture where both sides want one. */
export function pathwayOf(need: NeedProfile, seed: SeedSearchDocument): Pathway {
  if (
    need.desiredCollaboration.includes('venture-creation') &&
    seed.collaborationTypes.includes('venture-creation')
  )
    return 'venture-creation';
  const wantsProduct =
    need.desiredCollaboration.includes('licensing') || seed.collaborationTypes.includes('licensing');
  if (wantsProduct && (seed.trl ?? 0) >= 6 && PROTECTED_IP.has(seed.ipStatus)) return 'commercialization';
  return 'joint-research';
}

/**
 * A transparent score: the weighted sum of the factors that apply, divided by
 * the weight of those that apply (a need that states no TRL is not penalised
 * for it), every factor listed with its weight, value and sentence.
 */
export function scoreCandidate(
  need: NeedProfile,
  seed: SeedSearchDocument,
  evidence: TextEvidence,
  options: { now?: number; weights?: MatchingWeights } = {},
): ScoredCandidate {
  const weights = options.weights ?? MATCHING_WEIGHTS;
  const factors: [MatchFactor, FactorValue][] = [
    [
      'text',
      textFactor(evidence) ?? { value: 0, message: { ja: '文章の一致なし', en: 'No text in common' } },
    ],
    ['fields', fieldsFactor(need, seed)],
    ['collaboration', collaborationFactor(need, seed)],
    ['trl', trlFactor(need, seed)],
    ['ip', ipFactor(need, seed)],
    ['locality', localityFactor(need, seed)],
    ['programs', programsFactor(need, seed)],
    ['freshness', freshnessFactor(seed, options.now ?? Date.now())],
  ];
  const reasons = factors
    .filter((entry): entry is [MatchFactor, NonNullable<FactorValue>] => entry[1] !== null)
    .map(([factor, { value, message }]) => ({
      factor,
      weight: weights[factor],
      value: Math.round(value * 1000) / 1000,
      message,
    }));
  const applied = reasons.reduce((sum, reason) => sum + reason.weight, 0);
  const score = applied
    ? reasons.reduce((sum, reason) => sum + reason.weight * reason.value, 0) / applied
    : 0;
  return {
    seedId: seed.id,
    score: Math.round(score * 10000) / 10000,
    pathway: pathwayOf(need, seed),
    reasons: reasons.sort((a, b) => b.weight * b.value - a.weight * a.value),
  };
}
