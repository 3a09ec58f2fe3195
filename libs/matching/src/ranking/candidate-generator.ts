import {
  GlossaryIndex,
  projectGlossary,
  SEARCH_ENGINE,
  SearchDocumentService,
  type Filter,
  type IndexName,
  type NeedSearchDocument,
  type SearchEngine,
  type SeedSearchDocument,
} from '#libs/search';
import { scoreCandidate, type ScoredCandidate, type ScoredNeed } from './candidate-scorer.js';
import type { MatchingWeights } from './matching-weights.js';
import { candidateQueries, type NeedProfile } from './need-profile.js';

/** Hits taken from each query; the union is re-ranked. */
const PER_QUERY = 60;
/** Reciprocal rank fusion constant: how fast a hit's weight falls with its rank. */
const RRF_K = 20;

/** Published seeds only: the matcher proposes what everyone may read. */
const PUBLISHED: Filter = {
  all: [
    { attribute: 'status', in: ['published'] },
    { attribute: 'visibility', in: ['public'] },
  ],
};

/** Open needs, whatever their confidentiality: the service decides what each viewer sees of them. */
const OPEN: Filter = { attribute: 'status', in: ['open'] };

export type SeedLoader = (ids: string[]) => Promise<SeedSearchDocument[]>;
export type NeedLoader = (ids: string[]) => Promise<NeedSearchDocument[]>;

type Evidence = Map<string, { fused: number; terms: Set<string> }>;

/** A seed's text as the matcher reads a need's, to find needs that speak of the same things. */
const seedAsText = (seed: SeedSearchDocument): NeedProfile => ({
  title: { ja: seed.titleJa, en: seed.titleEn },
  description: { ja: seed.summaryJa, en: seed.summaryEn },
  fields: seed.fields,
  desiredCollaboration: [],
  trlMin: null,
  trlMax: null,
  programs: [],
  prefecture: null,
  city: null,
});

/** What the matcher reads of an indexed need. */
const needProfile = (need: NeedSearchDocument): NeedProfile => ({
  title: { ja: need.titleJa, en: need.titleEn },
  description: { ja: need.descriptionJa, en: need.descriptionEn },
  fields: need.fields,
  desiredCollaboration: need.collaborationTypes,
  trlMin: need.trlMin,
  trlMax: need.trlMax,
  programs: need.programs,
  prefecture: need.prefecture,
  city: null,
});

/**
 * Candidates for a need: the need's key terms, each a short query through the
 * search engine (and so through the glossary into both languages), plus the
 * seeds of its fields; hits fused by reciprocal rank into a text relevance,
 * then every candidate scored on all factors.
 */
export class CandidateGenerator {
  constructor(
    private readonly engine: SearchEngine,
    private readonly glossary: GlossaryIndex,
    private readonly loadSeeds: SeedLoader,
  ) {}

  async forNeed(
    need: NeedProfile,
    options: { first: number; weights?: MatchingWeights; now?: number },
  ): Promise<ScoredCandidate[]> {
    const evidence = await this.pool('seeds', need, { text: PUBLISHED, fields: PUBLISHED });
    const best = bestOf(evidence);
    const seeds = await this.loadSeeds([...evidence.keys()]);
    return seeds
      .map((seed) => scoreCandidate(need, seed, textEvidence(evidence, seed.id, best), options))
      .sort((a, b) => b.score - a.score || a.seedId.localeCompare(b.seedId))
      .slice(0, options.first);
  }

  /**
   * The reverse: open needs a seed could answer, scored on the same factors.
   * `readable` (the viewer's read rule as an index filter) limits the text
   * queries to needs the viewer may read: any other need comes only through
   * its fields, with no text evidence, so nothing the viewer sees of it
   * (presence, rank, score, reasons) depends on the words of the seed.
   */
  async forSeed(
    seed: SeedSearchDocument,
    loadNeeds: NeedLoader,
    options: { first: number; now?: number; readable?: Filter },
  ): Promise<ScoredNeed[]> {
    const text = options.readable ? { all: [OPEN, options.readable] } : OPEN;
    const evidence = await this.pool('needs', seedAsText(seed), { text, fields: OPEN });
    const best = bestOf(evidence);
    const needs = await loadNeeds([...evidence.keys()]);
    return needs
      .map((need) => {
        const { seedId: _seed, ...scored } = scoreCandidate(
          needProfile(need),
          seed,
          textEvidence(evidence, need.id, best),
          options,
        );
        return { needId: need.id, ...scored };
      })
      .sort((a, b) => b.score - a.score || a.needId.localeCompare(b.needId))
      .slice(0, options.first);
  }

  /**
   * The candidate pool: the key terms, each a short query through the search
   * engine (and so through the glossary into both languages), fused by
   * reciprocal rank; plus the records of the same fields, even when they share
   * no word. Each part has its own filter: text evidence only from `filters.text`.
   */
  private async pool(
    index: IndexName,
    text: NeedProfile,
    filters: { text: Filter; fields: Filter },
  ): Promise<Evidence> {
    const evidence: Evidence = new Map();
    for (const { query, terms } of candidateQueries(text, this.glossary)) {
      const result = await this.engine.search(index, {
        query,
        filter: filters.text,
        offset: 0,
        limit: PER_QUERY,
        highlight: false,
      });
      result.hits.forEach((hit, rank) => {
        const entry = evidence.get(hit.id) ?? { fused: 0, terms: new Set<string>() };
        entry.fused += 1 / (RRF_K + rank + 1);
        for (const term of terms) entry.terms.add(term);
        evidence.set(hit.id, entry);
      });
    }
    if (text.fields.length) {
      const byField = await this.engine.search(index, {
        query: '',
        filter: { all: [filters.fields, { attribute: 'fields', in: text.fields }] },
        offset: 0,
        limit: PER_QUERY,
        highlight: false,
      });
      for (const hit of byField.hits)
        if (!evidence.has(hit.id)) evidence.set(hit.id, { fused: 0, terms: new Set() });
    }
    return evidence;
  }
}

const bestOf = (evidence: Evidence) => Math.max(0, ...[...evidence.values()].map((entry) => entry.fused));

function textEvidence(evidence: Evidence, id: string, best: number) {
  const found = evidence.get(id) ?? { fused: 0, terms: new Set<string>() };
  return { relevance: best ? found.fused / best : 0, terms: [...found.terms] };
}

/** The generator the api and worker share: the process's search engine, the project glossary, seeds from the database. */
export const candidateGeneratorProvider = {
  provide: CandidateGenerator,
  inject: [SEARCH_ENGINE, SearchDocumentService],
  useFactory: (engine: SearchEngine, documents: SearchDocumentService) =>
    new CandidateGenerator(engine, new GlossaryIndex(projectGlossary()), (ids) => documents.seeds(ids)),
};
