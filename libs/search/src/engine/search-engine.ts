/**
 * The search port: what Kyoso asks of a search engine, in its own terms.
 * Two adapters implement it: MeilisearchEngine (production) and
 * EmbeddedEngine (SQLite FTS5, the default when MEILISEARCH_URL is unset).
 */

export type IndexName = 'seeds' | 'needs';
export const INDEX_NAMES: readonly IndexName[] = ['seeds', 'needs'];

/** A flat document: strings, numbers, string lists, null. Every document has a string `id`. */
export type SearchDocument = { id: string } & Record<string, string | number | boolean | string[] | null>;

/** A filter built from typed input; adapters translate it (never by pasting user text). */
export type Filter =
  | { all: Filter[] }
  | { any: Filter[] }
  /** attribute equals one of the values (for list attributes: contains one of them) */
  | { attribute: string; in: (string | number | boolean)[] }
  /** numeric attribute inside [min, max]; either bound optional */
  | { attribute: string; min?: number; max?: number };

export interface SortRule {
  attribute: string;
  direction: 'asc' | 'desc';
}

export interface SearchRequest {
  /** What the person typed; empty means browse (filters only). */
  query: string;
  filter?: Filter;
  /** Attributes whose value distribution over all matching documents is wanted. */
  facets?: string[];
  /** Empty: by relevance (or, for an empty query, by the index's default order). */
  sort?: SortRule[];
  offset: number;
  limit: number;
  /** False: hits carry ids only (the matcher, which reads no snippets); default true. */
  highlight?: boolean;
}

export interface SearchHit {
  id: string;
  /**
   * Highlighted copies of the index's highlight attributes that matched, with
   * HIGHLIGHT_START / HIGHLIGHT_END around matched text; long texts cropped around the first match.
   */
  highlights: Record<string, string>;
}

export interface SearchResult {
  hits: SearchHit[];
  totalHits: number;
  /** attribute → value → number of matching documents */
  facetDistribution: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/** Private-use characters mark highlights, so no document text can forge a marker. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export interface IndexStats {
  documents: number;
}

export interface EngineStats {
  engine: 'embedded' | 'meilisearch';
  indexes: Record<IndexName, IndexStats>;
  /** The outbox position of the last change the engine confirmed, if it keeps one. */
  lastAppliedChange: number | null;
}

/** A batch of changes to one index, applied as a whole. */
export interface IndexBatch {
  upserts: SearchDocument[];
  deletes: string[];
}

/** An index being rebuilt beside the live one; readers keep the live one until `swap`. */
export interface IndexRebuild {
  add(documents: SearchDocument[]): Promise<void>;
  /** Atomically replaces the live index with the rebuilt one. */
  swap(): Promise<void>;
  /** Drops the rebuilt index, leaving the live one as it was. */
  abort(): Promise<void>;
}

export interface SearchEngine {
  readonly kind: 'embedded' | 'meilisearch';
  /** Creates missing indexes and brings their settings (searchable, filterable, synonyms…) up to date. */
  ensureIndexes(): Promise<void>;
  /**
   * Applies batches for several indexes; resolves only once the engine confirmed
   * every one. `change` is the outbox position the batches bring the index up to.
   */
  apply(batches: Partial<Record<IndexName, IndexBatch>>, change: number): Promise<void>;
  search(index: IndexName, request: SearchRequest): Promise<SearchResult>;
  /** Documents by id, for tests and the consistency check. */
  documentIds(index: IndexName): Promise<string[]>;
  getDocument(index: IndexName, id: string): Promise<SearchDocument | null>;
  stats(): Promise<EngineStats>;
  /** Throws when the engine cannot serve. */
  health(): Promise<void>;
  beginRebuild(index: IndexName): Promise<IndexRebuild>;
  close(): Promise<void>;
}

export const SEARCH_ENGINE = Symbol('SearchEngine');
