import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Glossary } from '../../glossary/glossary.js';
import { analyze } from '../../text/analyze.js';
import { GlossaryIndex, planQuery, type QueryGroup } from '../../text/query-plan.js';
import { INDEX_DEFINITIONS, type IndexDefinition } from '../index-definitions.js';
import {
  INDEX_NAMES,
  type EngineStats,
  type IndexBatch,
  type IndexName,
  type IndexRebuild,
  type SearchDocument,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
} from '../search-engine.js';
import { AttributeStore, type Predicate } from './attribute-store.js';
import {
  createTables,
  dropTables,
  ftsColumns,
  primaryColumns,
  SCHEMA_VERSION,
  swapTables,
  tables,
} from './embedded-schema.js';
import { ftsExpression, MIN_WORD_FOR_TYPO, oneEditVariants } from './fts-query.js';
import { highlight } from './highlighter.js';

const CROP_CHARACTERS = 160;
/** Beyond this many matches in a tier, recency orders it instead of bm25 (see ranked()). */
const RANK_AT_MOST = 2000;

export interface EmbeddedEngineOptions {
  /** The index file, or ':memory:'. */
  file: string;
  glossary: Glossary;
}

/**
 * SQLite FTS5 in process. Text is analysed in the application (see
 * text/analyze.ts) and stored as tokens; FTS5 finds the matching rowids,
 * an in-memory AttributeStore filters them, counts facets and sorts; pages
 * are ranked by bm25, documents matching in title or keywords first. Highlights are
 * computed on the original text, since FTS5 would highlight the stored tokens.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly db: Database.Database;
  private readonly glossary: GlossaryIndex;
  private readonly stores = new Map<IndexName, AttributeStore>();
  /** The meta generation the stores reflect; another process's write (a reindex) bumps it and they reload. */
  private generation = -1;

  constructor(options: EmbeddedEngineOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.glossary = new GlossaryIndex(options.glossary);
  }

  async ensureIndexes(): Promise<void> {
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID');
    this.db.transaction(() => {
      if (this.meta('schemaVersion') !== SCHEMA_VERSION) {
        // an index written by another version is dropped; the application rebuilds it from the database
        for (const name of INDEX_NAMES)
          for (const base of [name, `${name}__rebuild`]) dropTables(base).forEach((sql) => this.db.exec(sql));
        this.db.prepare(`DELETE FROM meta`).run();
        this.setMeta('schemaVersion', SCHEMA_VERSION);
      }
      for (const name of INDEX_NAMES) this.createIfMissing(INDEX_DEFINITIONS[name], name);
    })();
    this.stores.clear();
  }

  async apply(batches: Partial<Record<IndexName, IndexBatch>>, change: number): Promise<void> {
    const changed: [IndexName, number, SearchDocument | null][] = [];
    const before = this.db.transaction(() => {
      const generation = this.currentGeneration();
      for (const [name, batch] of Object.entries(batches) as [IndexName, IndexBatch][]) {
        for (const id of batch.deletes) {
          const rowid = this.remove(name, id);
          if (rowid !== undefined) changed.push([name, rowid, null]);
        }
        for (const document of batch.upserts)
          changed.push([name, this.upsert(INDEX_DEFINITIONS[name], name, document), document]);
      }
      this.db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('lastAppliedChange', ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`,
        )
        .run(change);
      this.setMeta('generation', generation + 1);
      return generation;
    })();
    if (before !== this.generation) this.stores.clear();
    else
      for (const [name, rowid, document] of changed) {
        const store = this.stores.get(name);
        if (document) store?.set(rowid, document);
        else store?.delete(rowid);
      }
    this.generation = before + 1;
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const definition = INDEX_DEFINITIONS[index];
    const store = this.store(index);
    const allowed = store.predicate(request.filter);
    let groups = planQuery(request.query, this.glossary).map((group) =>
      this.withTypos(index, group, allowed),
    );
    let hits = this.matching(index, store, groups).filter(allowed);
    // rather than find nothing: first drop words found nowhere, then words from the end (Meilisearch's "last");
    // "nowhere" means in no document the request may see, so a hidden document never changes the outcome
    if (hits.length === 0 && groups.length > 1) {
      const found = groups.filter((group) => this.anyAllowed(tables(index).fts, [group], allowed));
      if (found.length > 0 && found.length < groups.length) {
        groups = found;
        hits = this.matching(index, store, groups).filter(allowed);
      }
    }
    while (hits.length === 0 && groups.length > 1) {
      groups = groups.slice(0, -1);
      hits = this.matching(index, store, groups).filter(allowed);
    }
    const end = request.offset + request.limit;
    const rules = request.sort?.length ? request.sort : groups.length ? [] : definition.browseSort;
    const page = (
      rules.length ? store.sort([...hits], rules) : this.ranked(index, definition, groups, hits, end)
    ).slice(request.offset, end);
    return {
      hits:
        request.highlight === false
          ? this.ids(index, page).map((id) => ({ id, highlights: {} }))
          : this.documents(index, page).map((document) => ({
              id: document.id,
              highlights: this.highlights(definition, document, groups),
            })),
      totalHits: hits.length,
      facetDistribution: store.facets(hits, request.facets ?? []),
      // depends on every document, hidden ones too: callers show it only to viewers who may see them all
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async documentIds(index: IndexName): Promise<string[]> {
    return this.db
      .prepare(`SELECT id FROM ${tables(index).docs} ORDER BY id`)
      .pluck()
      .all() as string[];
  }

  async getDocument(index: IndexName, id: string): Promise<SearchDocument | null> {
    const doc = this.db
      .prepare(`SELECT doc FROM ${tables(index).docs} WHERE id = ?`)
      .pluck()
      .get(id) as string | undefined;
    return doc ? (JSON.parse(doc) as SearchDocument) : null;
  }

  async stats(): Promise<EngineStats> {
    const count = (name: IndexName) => ({
      documents: this.db
        .prepare(`SELECT count(*) FROM ${tables(name).docs}`)
        .pluck()
        .get() as number,
    });
    const last = this.meta('lastAppliedChange');
    return {
      engine: 'embedded',
      indexes: { seeds: count('seeds'), needs: count('needs') },
      lastAppliedChange: last ?? null,
    };
  }

  async health(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async beginRebuild(index: IndexName): Promise<IndexRebuild> {
    const definition = INDEX_DEFINITIONS[index];
    const base = `${index}__rebuild`;
    dropTables(base).forEach((sql) => this.db.exec(sql));
    this.createIfMissing(definition, base);
    return {
      add: async (documents) =>
        this.db.transaction(() => documents.forEach((document) => this.upsert(definition, base, document)))(),
      swap: async () => {
        this.db.transaction(() => {
          swapTables(base, index).forEach((sql) => this.db.exec(sql));
          this.setMeta('generation', this.currentGeneration() + 1);
        })();
        this.stores.clear();
      },
      abort: async () => dropTables(base).forEach((sql) => this.db.exec(sql)),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private meta(key: string): number | undefined {
    return this.db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck().get(key) as number | undefined;
  }

  private setMeta(key: string, value: number) {
    this.db
      .prepare(
        `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(key, value);
  }

  private currentGeneration(): number {
    return this.meta('generation') ?? 0;
  }

  /** The index's attributes in memory, reloaded when another process changed the index. */
  private store(index: IndexName): AttributeStore {
    const generation = this.currentGeneration();
    if (generation !== this.generation) {
      this.stores.clear();
      this.generation = generation;
    }
    let store = this.stores.get(index);
    if (!store) {
      store = new AttributeStore(INDEX_DEFINITIONS[index]);
      for (const row of this.db
        .prepare(`SELECT rowid, doc FROM ${tables(index).docs}`)
        .iterate() as Iterable<{ rowid: number; doc: string }>) {
        store.set(row.rowid, JSON.parse(row.doc) as SearchDocument);
      }
      this.stores.set(index, store);
    }
    return store;
  }

  private createIfMissing(definition: IndexDefinition, base: string) {
    const exists = this.db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`)
      .get(tables(base).docs);
    if (!exists) createTables(definition, base).forEach((sql) => this.db.exec(sql));
  }

  private upsert(definition: IndexDefinition, base: string, document: SearchDocument): number {
    const t = tables(base);
    const existing = this.db.prepare(`SELECT rowid FROM ${t.docs} WHERE id = ?`).pluck().get(document.id) as
      number | undefined;
    let rowid: number;
    if (existing !== undefined) {
      rowid = existing;
      this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`).run(rowid);
      this.db.prepare(`DELETE FROM ${t.primary} WHERE rowid = ?`).run(rowid);
      this.db.prepare(`UPDATE ${t.docs} SET doc = ? WHERE rowid = ?`).run(JSON.stringify(document), rowid);
    } else {
      rowid = Number(
        this.db
          .prepare(`INSERT INTO ${t.docs} (id, doc) VALUES (?, ?)`)
          .run(document.id, JSON.stringify(document)).lastInsertRowid,
      );
    }
    const columns = ftsColumns(definition);
    const texts = columns.map((column) =>
      analyze(column.attributes.map((attribute) => textOf(document[attribute])).join(' \n ')),
    );
    this.db
      .prepare(
        `INSERT INTO ${t.fts} (rowid, ${columns.map((c) => c.name).join(', ')}) VALUES (?${texts.map(() => ', ?').join('')})`,
      )
      .run(rowid, ...texts);
    const primary = primaryColumns(definition);
    this.db
      .prepare(
        `INSERT INTO ${t.primary} (rowid, ${primary.map((c) => c.name).join(', ')}) VALUES (?${primary.map(() => ', ?').join('')})`,
      )
      .run(rowid, ...texts.slice(0, primary.length));
    return rowid;
  }

  private remove(base: string, id: string): number | undefined {
    const t = tables(base);
    const rowid = this.db.prepare(`SELECT rowid FROM ${t.docs} WHERE id = ?`).pluck().get(id) as
      number | undefined;
    if (rowid === undefined) return undefined;
    this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`).run(rowid);
    this.db.prepare(`DELETE FROM ${t.primary} WHERE rowid = ?`).run(rowid);
    this.db.prepare(`DELETE FROM ${t.docs} WHERE rowid = ?`).run(rowid);
    return rowid;
  }

  /**
   * A Latin word found in no document the request may see is widened with the
   * indexed words one edit away that such a document holds. The vocabulary
   * (every document's) only shortens the way: a word it lacks is unknown to all.
   */
  private withTypos(index: IndexName, group: QueryGroup, allowed: Predicate): QueryGroup {
    const word = group.typoCandidate;
    if (!word || word.length < MIN_WORD_FOR_TYPO) return group;
    const t = tables(index);
    const prefix = group.phrases[0].prefix;
    const inVocabulary = prefix
      ? this.db
          .prepare(`SELECT 1 FROM ${t.vocab} WHERE term >= ? AND term < ? LIMIT 1`)
          .get(word, `${word}\uffff`)
      : this.db.prepare(`SELECT 1 FROM ${t.vocab} WHERE term = ?`).get(word);
    if (inVocabulary && this.anyAllowed(t.fts, [{ phrases: [group.phrases[0]] }], allowed)) return group;
    const variants = oneEditVariants(word);
    const found = (
      this.db
        .prepare(`SELECT term FROM ${t.vocab} WHERE term IN (SELECT value FROM json_each(?))`)
        .pluck()
        .all(JSON.stringify(variants)) as string[]
    )
      .map((term) => ({ tokens: [term], prefix: false, surface: term }))
      .filter((phrase) => this.anyAllowed(t.fts, [{ phrases: [phrase] }], allowed));
    return { ...group, phrases: [...group.phrases, ...found] };
  }

  /** Whether some document the request may see matches all `groups`; stops at the first. */
  private anyAllowed(fts: string, groups: QueryGroup[], allowed: Predicate): boolean {
    for (const rowid of this.db
      .prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`)
      .pluck()
      .iterate(ftsExpression(groups)) as Iterable<number>) {
      if (allowed(rowid)) return true;
    }
    return false;
  }

  /** Rowids matching the query (all rowids when there is none), before filters. */
  private matching(index: IndexName, store: AttributeStore, groups: QueryGroup[]): number[] {
    return groups.length === 0
      ? store.rowids()
      : this.rowidsMatching(tables(index).fts, ftsExpression(groups));
  }

  /**
   * The first `count` hits by relevance. Documents matching in the primary
   * columns (title, keywords) come first, as Meilisearch's attribute rule puts
   * them; within each tier bm25 orders them while the tier has at most
   * RANK_AT_MOST hits, and recency beyond that, since bm25 costs a few
   * microseconds per match and a common word matches tens of thousands. The
   * tiers are counted over the hits, never over documents the request may not
   * see, so hidden documents never switch the order.
   */
  private ranked(
    index: IndexName,
    definition: IndexDefinition,
    groups: QueryGroup[],
    hits: number[],
    count: number,
  ): number[] {
    const t = tables(index);
    const store = this.store(index);
    const allowed = new Uint8Array(store.maxRowid + 1);
    for (const rowid of hits) allowed[rowid] = 1;
    const expression = ftsExpression(groups);
    if (hits.length <= RANK_AT_MOST) return this.byRank(t.fts, expression, allowed, count);
    const primaryHits = this.rowidsMatching(t.primary, expression).filter((rowid) => allowed[rowid]);
    const first =
      primaryHits.length <= RANK_AT_MOST
        ? this.byRank(t.primary, expression, allowed, count)
        : store.sort(primaryHits, definition.browseSort).slice(0, count);
    if (first.length >= count) return first;
    for (const rowid of first) allowed[rowid] = 0;
    return [
      ...first,
      ...store
        .sort(
          hits.filter((rowid) => allowed[rowid]),
          definition.browseSort,
        )
        .slice(0, count - first.length),
    ];
  }

  private byRank(fts: string, expression: string, allowed: Uint8Array, count: number): number[] {
    const out: number[] = [];
    for (const rowid of this.db
      .prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rank`)
      .pluck()
      .iterate(expression) as Iterable<number>) {
      if (allowed[rowid] && out.push(rowid) >= count) break;
    }
    return out;
  }

  private rowidsMatching(fts: string, expression: string): number[] {
    return this.db
      .prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`)
      .pluck()
      .all(expression) as number[];
  }

  /** The ids of a page, in the page's order, without reading the documents. */
  private ids(index: IndexName, rowids: number[]): string[] {
    if (rowids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT rowid, id FROM ${tables(index).docs} WHERE rowid IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(rowids)) as { rowid: number; id: string }[];
    const byRowid = new Map(rows.map((row) => [row.rowid, row.id]));
    return rowids.map((rowid) => byRowid.get(rowid)).filter((id): id is string => id !== undefined);
  }

  /** The documents of a page, in the page's order. */
  private documents(index: IndexName, rowids: number[]): SearchDocument[] {
    if (rowids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT rowid, doc FROM ${tables(index).docs} WHERE rowid IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(rowids)) as { rowid: number; doc: string }[];
    const byRowid = new Map(rows.map((row) => [row.rowid, JSON.parse(row.doc) as SearchDocument]));
    return rowids
      .map((rowid) => byRowid.get(rowid))
      .filter((document): document is SearchDocument => document !== undefined);
  }

  private highlights(
    definition: IndexDefinition,
    document: SearchDocument,
    groups: QueryGroup[],
  ): Record<string, string> {
    const needles = groups.flatMap((group) => group.phrases.map((phrase) => phrase.surface));
    const out: Record<string, string> = {};
    if (needles.length === 0) return out;
    for (const attribute of definition.highlight) {
      const text = document[attribute];
      if (typeof text !== 'string') continue;
      const marked = highlight(
        text,
        needles,
        definition.cropped.includes(attribute) ? CROP_CHARACTERS : undefined,
      );
      if (marked) out[attribute] = marked;
    }
    return out;
  }
}

function textOf(value: SearchDocument[string] | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(' \n ') : String(value);
}
