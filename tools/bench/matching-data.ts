import type { NeedProfile } from '#libs/matching';
import type { GlossaryEntry } from '#libs/search';
import { INSTITUTIONS, mulberry32, PROGRAMS, type SyntheticCatalog } from './search-data.js';

/**
 * Synthetic company needs for `npm run bench:matching`: deterministic
 * NeedProfiles written the way companies write (a problem, what they make,
 * what they want from a researcher), in Japanese, English or both, made of
 * the same glossary vocabulary as the synthetic seeds of search-data.ts.
 */

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

/** What the company makes or works in, in both languages. */
const BUSINESSES: readonly [string, string][] = [
  ['食品加工', 'food processing'],
  ['日本酒の醸造', 'sake brewing'],
  ['調味料', 'seasonings'],
  ['化粧品', 'cosmetics'],
  ['健康食品', 'health foods'],
  ['農業資材', 'farm supplies'],
  ['水産加工', 'seafood processing'],
  ['繊維製品', 'textiles'],
  ['医療機器', 'medical devices'],
  ['精密部品', 'precision parts'],
  ['飼料', 'animal feed'],
  ['環境測定', 'environmental testing'],
  ['樹脂成形', 'plastic moulding'],
  ['ソフトウェア', 'software'],
  ['観光', 'tourism'],
];

/** What a company wants to improve. */
const GOALS: readonly [string, string][] = [
  ['品質の安定化', 'consistent quality'],
  ['コスト削減', 'lower cost'],
  ['歩留まりの改善', 'higher yield'],
  ['新製品の開発', 'a new product'],
  ['製造工程の自動化', 'automating production'],
  ['機能性の評価', 'evaluating functional benefits'],
  ['原因の特定', 'finding the cause'],
  ['保存性の向上', 'longer shelf life'],
  ['省エネルギー化', 'saving energy'],
  ['付加価値の向上', 'higher added value'],
  ['海外展開', 'exports'],
];

/** Title templates: {T} a concept of the need, {B} the business, {G} the goal; the same slots in both languages. */
const TITLES: readonly [string, string][] = [
  ['{T}を活用した{B}の{G}', 'Using {T} for {G} in {B}'],
  ['{T}について相談したい', 'Advice wanted on {T}'],
  ['{T}と{T}の知見を持つ研究者を探しています', 'Looking for researchers who know {T} and {T}'],
  ['{B}における{T}の課題', 'A {T} problem in {B}'],
  ['{T}による{G}', '{G} through {T}'],
  ['{T}を使った新しい{B}製品', 'A new {B} product based on {T}'],
];

const SENTENCES: readonly [string, string][] = [
  ['当社は{B}の分野で製品をつくっている中小企業です。', 'We are a small company in {B}.'],
  [
    '{T}に関する課題があり、{T}の知見を持つ研究者を探しています。',
    'We have a problem with {T} and are looking for researchers who know {T}.',
  ],
  ['現在は{T}を試していますが、{G}がなかなか進みません。', 'We currently rely on {T}, but {G} has stalled.'],
  [
    '{T}や{T}の技術を取り入れて、{G}を実現したいと考えています。',
    'We want to bring in {T} or {T} to achieve {G}.',
  ],
  [
    '共同研究や技術相談の形で、{T}の評価をお願いできる方を探しています。',
    'We would like someone to evaluate {T}, through joint research or consulting.',
  ],
  [
    '将来的には{T}を用いた製品化も視野に入れています。',
    'In the long run we are considering a product based on {T}.',
  ],
  ['取引先から{T}についての問い合わせが増えています。', 'Our customers ask more and more about {T}.'],
  [
    '社内には{T}の専門家がいないため、大学や研究機関の協力が必要です。',
    'Nobody in our company knows {T}, so we need help from a university or institute.',
  ],
];

/** Another prefecture for the needs of companies outside Yamagata. */
const OTHER_PREFECTURES = [...new Set(INSTITUTIONS.map((institution) => institution.prefecture))].filter(
  (prefecture) => prefecture !== '山形県',
);

export type NeedLanguage = 'ja' | 'en' | 'both';

export interface BenchNeed {
  profile: NeedProfile;
  language: NeedLanguage;
  /** Frequency ranks of the need's concepts (0 = the most common glossary entry of the catalogue). */
  ranks: number[];
  /** Whether the concepts were taken from one seed's topic (they co-occur in seeds) or drawn independently. */
  coherent: boolean;
}

const mix = (a: number, b: number) => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ (b >>> 13);

/**
 * `count` needs. Each has 2–4 concepts: half of them the topic of one seed
 * (concepts that co-occur), half drawn independently, mixing common and rare
 * entries (40% from the 20 most common, 30% ranks 21–100, 30% the tail).
 * Language: 50% Japanese, 20% English, 30% both (the same sentences in each).
 * Fields: none (30%), one (45%) or two (25%), mostly among the first ten of
 * the taxonomy (the common ones of the seeds too); 1–2 desired collaboration
 * types; a TRL range on half; 山形県 on 80%, 鶴岡市 on a third of those; a
 * program on 10%.
 */
export function needSet(
  catalog: SyntheticCatalog,
  count: number,
  documents: number,
  rngSeed: number,
): BenchNeed[] {
  const random = mulberry32(mix(rngSeed, 0x6e3d));
  const vocabulary: GlossaryEntry[] = catalog.vocabulary;
  const size = vocabulary.length;
  const mixedRank = () => {
    const roll = random();
    if (roll < 0.4) return int(random, 20);
    if (roll < 0.7) return 20 + int(random, 80);
    return 100 + int(random, size - 100);
  };
  const fieldCodes = catalog.fieldCodes;
  const collaborationCodes = [
    'joint-research',
    'contract-research',
    'licensing',
    'technical-consulting',
    'equipment-sharing',
    'venture-creation',
  ];

  const needs: BenchNeed[] = [];
  for (let n = 0; n < count; n++) {
    const coherent = random() < 0.5;
    const conceptCount = 2 + int(random, 3);
    const ranks = new Set<number>();
    if (coherent) {
      const topic = catalog.topicOf(int(random, documents));
      while (ranks.size < Math.min(conceptCount, topic.length)) ranks.add(pick(random, topic));
    } else {
      while (ranks.size < conceptCount) ranks.add(mixedRank());
    }
    const concepts = [...ranks];
    // mostly the need's own concepts; now and then a word from anywhere in the vocabulary
    const nextTerm = () => vocabulary[random() < 0.85 ? pick(random, concepts) : mixedRank()];
    const business = pick(random, BUSINESSES);
    const plan = (templates: readonly [string, string][]) => {
      const [ja, en] = pick(random, templates);
      return {
        ja,
        en,
        terms: Array.from({ length: (ja.match(/\{T\}/g) ?? []).length }, nextTerm),
        goal: pick(random, GOALS),
      };
    };
    const render = (p: ReturnType<typeof plan>, language: 'ja' | 'en') => {
      let slot = 0;
      const l = language === 'ja' ? 0 : 1;
      return p[language]
        .replace('{B}', business[l])
        .replace('{G}', p.goal[l])
        .replace(/\{T\}/g, () => pick(random, p.terms[slot++][language]));
    };
    const roll = random();
    const language: NeedLanguage = roll < 0.5 ? 'ja' : roll < 0.7 ? 'en' : 'both';
    const title = plan(TITLES);
    const sentences = Array.from({ length: 3 + int(random, 3) }, () => plan(SENTENCES));
    const wants = (l: 'ja' | 'en') => language === l || language === 'both';
    const titleJa = wants('ja') ? render(title, 'ja') : null;
    const titleEn = wants('en') ? render(title, 'en') : null;
    const descriptionJa = wants('ja') ? sentences.map((s) => render(s, 'ja')).join('') : null;
    const descriptionEn = wants('en') ? sentences.map((s) => render(s, 'en')).join(' ') : null;

    const fieldRoll = random();
    const fieldCount = fieldRoll < 0.3 ? 0 : fieldRoll < 0.75 ? 1 : 2;
    const fields = new Set<string>();
    while (fields.size < fieldCount)
      fields.add(random() < 0.7 ? pick(random, fieldCodes.slice(0, 10)) : pick(random, fieldCodes));
    const collaboration = new Set<string>();
    const collaborationCount = random() < 0.6 ? 1 : 2;
    while (collaboration.size < collaborationCount)
      collaboration.add(random() < 0.4 ? 'joint-research' : pick(random, collaborationCodes));
    let trlMin: number | null = null;
    let trlMax: number | null = null;
    if (random() < 0.5) {
      trlMin = 1 + int(random, 6);
      trlMax = Math.min(9, trlMin + 2 + int(random, 3));
    }
    const yamagata = random() < 0.8;
    const prefecture = yamagata ? '山形県' : pick(random, OTHER_PREFECTURES);
    const city = yamagata && random() < 1 / 3 ? '鶴岡市' : null;

    needs.push({
      profile: {
        title: { ja: titleJa, en: titleEn },
        description: { ja: descriptionJa, en: descriptionEn },
        fields: [...fields],
        desiredCollaboration: [...collaboration],
        trlMin,
        trlMax,
        programs: random() < 0.1 ? [pick(random, PROGRAMS)] : [],
        prefecture,
        city,
      },
      language,
      ranks: concepts,
      coherent,
    });
  }
  return needs;
}
