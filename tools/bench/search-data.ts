import type { taxonomy } from '#libs/core';
import type { Filter, Glossary, GlossaryEntry, SearchRequest, SeedSearchDocument } from '#libs/search';

type TaxonomyData = ReturnType<typeof taxonomy>;

/**
 * Synthetic bilingual seeds and the query set of `npm run bench:search`.
 * Pure and deterministic: document i depends only on (rng seed, i), so the
 * engine and PostgreSQL get the same catalogue without holding it in memory.
 */

/** mulberry32: small, fast, good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mix = (a: number, b: number) => Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ (b >>> 13);

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

/** Draws ranks 0..n-1 with p(r) ∝ 1 / (r + 1 + q)^s (Zipf–Mandelbrot: a flattened head, a long tail). */
class Zipf {
  private readonly cumulative: Float64Array;
  constructor(n: number, s: number, q: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let r = 0; r < n; r++) this.cumulative[r] = sum += 1 / Math.pow(r + 1 + q, s);
    for (let r = 0; r < n; r++) this.cumulative[r] /= sum;
  }
  draw(random: Random): number {
    const x = random();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Generic words of research summaries: the common vocabulary around the glossary terms. */
const GENERIC: readonly [string, string][] = [
  ['技術', 'technology'],
  ['開発', 'development'],
  ['手法', 'method'],
  ['評価', 'evaluation'],
  ['実証', 'demonstration'],
  ['高度化', 'advancement'],
  ['効率化', 'efficiency'],
  ['最適化', 'optimization'],
  ['応用', 'application'],
  ['実用化', 'practical use'],
  ['低コスト化', 'cost reduction'],
  ['高精度化', 'higher precision'],
  ['品質管理', 'quality control'],
  ['標準化', 'standardization'],
  ['社会実装', 'deployment'],
  ['基盤技術', 'platform technology'],
  ['製品化', 'productization'],
  ['事業化', 'commercial development'],
  ['性能向上', 'performance improvement'],
  ['省力化', 'labour saving'],
  ['可視化', 'visualization'],
  ['自動化', 'automation'],
];

const APPLICATIONS: readonly [string, string][] = [
  ['食品加工', 'food processing'],
  ['医薬品開発', 'drug development'],
  ['農業生産', 'agricultural production'],
  ['化粧品', 'cosmetics'],
  ['環境モニタリング', 'environmental monitoring'],
  ['素材開発', 'materials development'],
  ['健康管理', 'health management'],
  ['地域産業', 'regional industry'],
  ['水産業', 'fisheries'],
  ['エネルギー', 'energy'],
  ['医療機器', 'medical equipment'],
  ['観光', 'tourism'],
];

/** Sentence templates: a Japanese one and its English rendering, with the same term slots (T) and one generic word (G). */
const SENTENCES: readonly [string, string][] = [
  ['{T}を用いた{T}の{G}に関する研究を行う。', 'We study the {G} of {T} using {T}.'],
  ['{T}による{T}の{G}を実現する。', 'We achieve {G} of {T} through {T}.'],
  [
    '本研究では{T}と{T}を組み合わせ、{T}の{G}を目指す。',
    'This work combines {T} with {T} toward the {G} of {T}.',
  ],
  ['{T}における{T}の{G}手法を開発した。', 'We developed a {G} method for {T} in {T}.'],
  ['{T}の{G}により、{T}への応用が期待される。', 'The {G} of {T} is expected to open applications in {T}.'],
  ['地域の{T}を活用した{T}の{G}を進めている。', 'We pursue {G} of {T} drawing on local {T}.'],
  ['{T}に関する{G}と{T}の評価を行う。', 'We carry out {G} on {T} and assess {T}.'],
  ['{T}および{T}の{G}技術を確立した。', 'We established {G} techniques for {T} and {T}.'],
  ['企業との連携により{T}の{G}を加速する。', 'Partnering with companies speeds up the {G} of {T}.'],
  ['{T}を対象として{T}の{G}を検証した。', 'We verified the {G} of {T} on {T}.'],
];

const TITLES: readonly [string, string][] = [
  ['{T}を用いた{T}の{G}', '{G} of {T} using {T}'],
  ['{T}による{T}の{G}', '{T}-based {G} of {T}'],
  ['{T}と{T}の{G}に関する研究', 'Research on {G} of {T} and {T}'],
];

const PLACES: readonly [string, string, string][] = [
  ['鶴岡', 'Tsuruoka', '山形県'],
  ['山形', 'Yamagata', '山形県'],
  ['酒田', 'Sakata', '山形県'],
  ['米沢', 'Yonezawa', '山形県'],
  ['仙台', 'Sendai', '宮城県'],
  ['秋田', 'Akita', '秋田県'],
  ['盛岡', 'Morioka', '岩手県'],
  ['新潟', 'Niigata', '新潟県'],
  ['札幌', 'Sapporo', '北海道'],
  ['つくば', 'Tsukuba', '茨城県'],
  ['東京', 'Tokyo', '東京都'],
  ['横浜', 'Yokohama', '神奈川県'],
  ['名古屋', 'Nagoya', '愛知県'],
  ['京都', 'Kyoto', '京都府'],
  ['大阪', 'Osaka', '大阪府'],
  ['神戸', 'Kobe', '兵庫県'],
  ['広島', 'Hiroshima', '広島県'],
  ['福岡', 'Fukuoka', '福岡県'],
  ['熊本', 'Kumamoto', '熊本県'],
  ['那覇', 'Naha', '沖縄県'],
];

export interface Institution {
  id: string;
  ja: string;
  en: string;
  prefecture: string;
}

/** 40 institutions: a university and an institute per place. */
export const INSTITUTIONS: readonly Institution[] = PLACES.flatMap(([ja, en, prefecture], i) => [
  { id: `inst-${String(2 * i).padStart(2, '0')}`, ja: `${ja}大学`, en: `${en} University`, prefecture },
  {
    id: `inst-${String(2 * i + 1).padStart(2, '0')}`,
    ja: `${ja}先端技術研究所`,
    en: `${en} Institute for Advanced Technology`,
    prefecture,
  },
]);

export const PROGRAMS: readonly string[] = Array.from({ length: 8 }, (_, i) => `prog-${i + 1}`);

/** Ids shaped like the UUIDs the catalogue uses. */
export const seedId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const EPOCH_2020 = Date.UTC(2020, 0, 1);

/** The vocabulary (glossary entries ranked by frequency) and a deterministic seed document for every index. */
export class SyntheticCatalog {
  /** Glossary entries by frequency rank: entry 0 is the most common. */
  readonly vocabulary: GlossaryEntry[];
  private readonly terms: Zipf;
  private readonly institutionRank: Zipf;
  private readonly fieldRank: Zipf;

  constructor(
    glossary: Glossary,
    private readonly taxonomy: TaxonomyData,
    readonly rngSeed: number,
    vocabularySize = 400,
  ) {
    const random = mulberry32(rngSeed);
    const entries = [...glossary.entries];
    for (let i = entries.length - 1; i > 0; i--) {
      const j = int(random, i + 1);
      [entries[i], entries[j]] = [entries[j], entries[i]];
    }
    this.vocabulary = entries.slice(0, vocabularySize);
    this.terms = new Zipf(this.vocabulary.length, 1, 5);
    this.institutionRank = new Zipf(INSTITUTIONS.length, 1, 2);
    this.fieldRank = new Zipf(taxonomy.fields.length, 1, 2);
  }

  /** The ranks a document is about: drawn from the Zipf distribution, distinct. */
  topicOf(i: number): number[] {
    const random = mulberry32(mix(this.rngSeed, i * 2 + 1));
    const topic = new Set<number>();
    while (topic.size < 5) topic.add(this.terms.draw(random));
    return [...topic];
  }

  document(i: number): SeedSearchDocument {
    const random = mulberry32(mix(this.rngSeed, i * 2));
    const topic = this.topicOf(i);
    // 90% of term slots from the document's topic, the rest from the whole vocabulary:
    // the most common concept is in ~30% of the seeds, rank 20 in ~9%, rank 100 in ~2%, the tail in ~0.4%
    const nextTerm = () => this.vocabulary[random() < 0.9 ? pick(random, topic) : this.terms.draw(random)];
    const sentencePlan = (templates: readonly [string, string][]) => {
      const [ja, en] = pick(random, templates);
      const slots = (ja.match(/\{T\}/g) ?? []).length;
      return { ja, en, terms: Array.from({ length: slots }, nextTerm), generic: pick(random, GENERIC) };
    };
    // a sentence renders its terms in one of their synonyms, the same slot order in both languages
    const render = (plan: ReturnType<typeof sentencePlan>, language: 'ja' | 'en') => {
      let slot = 0;
      return plan[language]
        .replace('{G}', plan.generic[language === 'ja' ? 0 : 1])
        .replace(/\{T\}/g, () => pick(random, plan.terms[slot++][language]));
    };
    const title = sentencePlan(TITLES);
    const summaryJaTarget = 300 + int(random, 201);
    const summaryEnTarget = 300 + int(random, 201);
    const plans: ReturnType<typeof sentencePlan>[] = [];
    let summaryJa = '';
    while (summaryJa.length < summaryJaTarget) {
      const plan = sentencePlan(SENTENCES);
      plans.push(plan);
      summaryJa += render(plan, 'ja');
    }
    let summaryEn = '';
    for (let s = 0; summaryEn.length < summaryEnTarget; s++) {
      if (s === plans.length) plans.push(sentencePlan(SENTENCES));
      summaryEn += (summaryEn ? ' ' : '') + render(plans[s], 'en');
    }

    const fieldCount = random() < 0.6 ? 1 : 2;
    const fields = new Set<string>();
    while (fields.size < fieldCount) fields.add(this.taxonomy.fields[this.fieldRank.draw(random)].code);
    const fieldEntries = this.taxonomy.fields.filter((field) => fields.has(field.code));
    const institution = INSTITUTIONS[this.institutionRank.draw(random)];
    const collaboration = new Set<string>();
    const collaborationCount = 1 + int(random, 3);
    while (collaboration.size < collaborationCount)
      collaboration.add(pick(random, this.taxonomy.collaborationTypes).code);
    const ipRoll = random();
    const ipStatus =
      this.taxonomy.ipStatuses[ipRoll < 0.45 ? 0 : ipRoll < 0.75 ? 1 : ipRoll < 0.92 ? 2 : 3].code;
    const published = random() < 0.9;
    const listed = new Set<string>();
    const listedCount = 1 + int(random, 3);
    while (listed.size < listedCount) listed.add(`user-${int(random, 5000)}`);
    const applications = pick(random, APPLICATIONS);

    return {
      id: seedId(i),
      titleJa: render(title, 'ja'),
      titleEn: capitalize(render(title, 'en')),
      keywords: topic
        .slice(0, 3)
        .map((rank) => pick(random, random() < 0.5 ? this.vocabulary[rank].ja : this.vocabulary[rank].en)),
      summaryJa,
      summaryEn,
      applications: [...applications],
      fieldNames: fieldEntries.flatMap((field) => [field.ja, field.en]),
      institutionNameJa: institution.ja,
      institutionNameEn: institution.en,
      fields: [...fields],
      institution: institution.id,
      prefecture: institution.prefecture,
      city: null,
      trl: 1 + int(random, 9),
      ipStatus,
      collaborationTypes: [...collaboration],
      programs: random() < 0.3 ? [pick(random, PROGRAMS)] : [],
      status: published ? 'published' : 'draft',
      visibility: published ? 'public' : 'restricted',
      listedUserIds: [...listed],
      publishedAt: published ? EPOCH_2020 + Math.floor(random() * 6 * YEAR_MS) : null,
    };
  }

  *batches(total: number, size: number): Generator<SeedSearchDocument[]> {
    for (let start = 0; start < total; start += size) {
      yield Array.from({ length: Math.min(size, total - start) }, (_, k) => this.document(start + k));
    }
  }

  get fieldCodes(): string[] {
    return this.taxonomy.fields.map((field) => field.code);
  }
}

/** Seeds per apply() or INSERT batch. */
export const BATCH = 1000;
/** The page of hits every request asks for. */
export const PAGE = 20;

export type QueryKind = 'one-word' | 'two-word' | 'filters' | 'facets';
export const QUERY_KINDS: readonly QueryKind[] = ['one-word', 'two-word', 'filters', 'facets'];

/** The facets the GraphQL layer asks for (every facetable attribute of the seeds index). */
export const SEED_FACETS = ['fields', 'institution', 'programs', 'trl', 'collaborationTypes', 'ipStatus'];

export interface BenchQuery {
  kind: QueryKind;
  /** The terms as typed, joined by a space into the query. */
  terms: string[];
  /** Frequency rank of each term's glossary entry (0 = most common). */
  ranks: number[];
  /** Typed filters besides status and visibility. */
  fields?: string[];
  trl?: { min: number; max: number };
  facets: boolean;
}

/** The request the GraphQL layer would send for an anonymous visitor: published and public, plus the typed filters. */
export function searchRequest(query: BenchQuery, limit = PAGE): SearchRequest {
  const conditions: Filter[] = [{ attribute: 'status', in: ['published'] }];
  if (query.fields) conditions.push({ attribute: 'fields', in: query.fields });
  if (query.trl) conditions.push({ attribute: 'trl', min: query.trl.min, max: query.trl.max });
  conditions.push({ attribute: 'visibility', in: ['public'] });
  return {
    query: query.terms.join(' '),
    filter: { all: conditions },
    facets: query.facets ? SEED_FACETS : [],
    offset: 0,
    limit,
  };
}

/**
 * `count` queries, a quarter of each kind, in kind order. Terms mix common and
 * rare entries (40% from the 20 most common, 30% ranks 21–100, 30% the tail),
 * half Japanese, half English; half the two-word queries pair terms of one
 * document (they co-occur), half pair independent terms.
 */
export function querySet(
  catalog: SyntheticCatalog,
  count: number,
  documents: number,
  rngSeed: number,
): BenchQuery[] {
  const random = mulberry32(mix(rngSeed, 0x51ed));
  const size = catalog.vocabulary.length;
  const mixedRank = () => {
    const roll = random();
    if (roll < 0.4) return int(random, 20);
    if (roll < 0.7) return 20 + int(random, 80);
    return 100 + int(random, size - 100);
  };
  const term = (rank: number, language: 'ja' | 'en') => pick(random, catalog.vocabulary[rank][language]);
  const language = () => (random() < 0.5 ? 'ja' : 'en');
  const oneTerm = () => {
    const rank = mixedRank();
    return { terms: [term(rank, language())], ranks: [rank] };
  };
  const twoTerms = () => {
    let ranks: number[];
    if (random() < 0.5) {
      const topic = catalog.topicOf(int(random, documents));
      const first = pick(random, topic);
      let second = pick(random, topic);
      while (second === first) second = pick(random, topic);
      ranks = [first, second];
    } else {
      ranks = [mixedRank(), mixedRank()];
      while (ranks[1] === ranks[0]) ranks[1] = mixedRank();
    }
    const lang = language();
    return { terms: ranks.map((rank) => term(rank, lang)), ranks };
  };
  const quarter = (k: number) => Math.floor((count * (k + 1)) / 4) - Math.floor((count * k) / 4);
  const queries: BenchQuery[] = [];
  for (let k = 0; k < 4; k++) {
    for (let n = 0; n < quarter(k); n++) {
      const kind = QUERY_KINDS[k];
      if (kind === 'one-word') queries.push({ kind, ...oneTerm(), facets: false });
      else if (kind === 'two-word') queries.push({ kind, ...twoTerms(), facets: false });
      else if (kind === 'facets') queries.push({ kind, ...oneTerm(), facets: true });
      else {
        const fields = new Set<string>();
        const fieldCount = random() < 0.7 ? 1 : 2;
        while (fields.size < fieldCount) fields.add(pick(random, catalog.fieldCodes.slice(0, 8)));
        const min = 1 + int(random, 5);
        const max = Math.min(9, min + 2 + int(random, 3));
        queries.push({
          kind,
          ...(random() < 0.5 ? oneTerm() : twoTerms()),
          fields: [...fields],
          trl: { min, max },
          facets: false,
        });
      }
    }
  }
  return queries;
}

/** A deterministic subset of `n` queries spread evenly over the set (so over the kinds alike). */
export function evenSubset<T>(items: T[], n: number): number[] {
  if (n >= items.length) return items.map((_, i) => i);
  return Array.from({ length: n }, (_, k) => Math.floor((k * items.length) / n));
}
