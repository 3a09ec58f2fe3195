import type { Filter, GlossaryIndex, SearchEngine, SeedSearchDocument } from '#libs/search';
import { scoreCandidate, type ScoredCandidate } from './candidate-scorer.js';
import type { MatchingWeights } from './matching-weights.js';
import { candidateQueries, type NeedProfile } from './need-profile.js';

/** Hits taken from each query; the union is re-ranked. */
const PER_QUERY = 60;
/** Reciprocal rank fusion constant: how fast a hit's weight falls with its rank. */
const RRF_K = 20;

/** Published seeds only: the matcher proposes what everyone may read. */
const PUBLISHED: Filter = { all: [{ attribute: 'status', in: ['published'] }, { attribute: 'visibility', in: ['public'] }] };

export type SeedLoader = (ids: string[]) => Promise<SeedSearchDocument[]>;

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

  async forNeed(need: NeedProfile, options: { first: number; weights?: MatchingWeights; now?: number }): Promise<ScoredCandidate[]> {
    const evidence = new Map<string, { fused: number; terms: Set<string> }>();
    for (const { query, terms } of candidateQueries(need, this.glossary)) {
      const result = await this.engine.search('seeds', { query, filter: PUBLISHED, offset: 0, limit: PER_QUERY });
      result.hits.forEach((hit, rank) => {
        const entry = evidence.get(hit.id) ?? { fused: 0, terms: new Set<string>() };
        entry.fused += 1 / (RRF_K + rank + 1);
        for (const term of terms) entry.terms.add(term);
        evidence.set(hit.id, entry);
      });
    }
    // seeds of the need's fields join the pool even when they share no word with it
    if (need.fields.length) {
      const byField = await this.engine.search('seeds', { query: '', filter: { all: [PUBLISHED, { attribute: 'fields', in: need.fields }] }, offset: 0, limit: PER_QUERY });
      for (const hit of byField.hits) if (!evidence.has(hit.id)) evidence.set(hit.id, { fused: 0, terms: new Set() });
    }
    const best = Math.max(0, ...[...evidence.values()].map((entry) => entry.fused));
    const seeds = await this.loadSeeds([...evidence.keys()]);
    return seeds
      .map((seed) => {
        const found = evidence.get(seed.id)!;
        return scoreCandidate(need, seed, { relevance: best ? found.fused / best : 0, terms: [...found.terms] }, options);
      })
      .sort((a, b) => b.score - a.score || a.seedId.localeCompare(b.seedId))
      .slice(0, options.first);
  }
}
