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
import { column, createTables, scalarAttributes, swapTables, tables, valueAttributes } from './embedded-schema.js';
import { filterSql } from './embedded-filter.js';
import { ftsExpression, MIN_WORD_FOR_TYPO, oneEditVariants } from './fts-query.js';
import { highlight } from './highlighter.js';

const CROP_CHARACTERS = 160;

export interface EmbeddedEngineOptions {
  /** The index file, or ':memory:'. */
  file: string;
  glossary: Glossary;
}

/**
 * SQLite FTS5 in process. Text is analysed in the application (see
 * text/analyze.ts) and stored as tokens; filters and facets come from
 * companion tables joined in SQL; highlights are computed on the original
 * text, since FTS5 would highlight the stored tokens.
 */
export class EmbeddedEngine implements SearchEngine {
  readonly kind = 'embedded' as const;
  private readonly db: Database.Database;
  private readonly glossary: GlossaryIndex;

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
    for (const name of INDEX_NAMES) this.createIfMissing(INDEX_DEFINITIONS[name], name);
  }

  async apply(batches: Partial<Record<IndexName, IndexBatch>>, change: number): Promise<void> {
    this.db.transaction(() => {
      for (const [name, batch] of Object.entries(batches) as [IndexName, IndexBatch][]) {
        for (const id of batch.deletes) this.remove(name, id);
        for (const document of batch.upserts) this.upsert(INDEX_DEFINITIONS[name], name, document);
      }
      this.db
        .prepare(`INSERT INTO meta (key, value) VALUES ('lastAppliedChange', ?) ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`)
        .run(change);
    })();
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const definition = INDEX_DEFINITIONS[index];
    const filter = filterSql(request.filter, definition, index);
    let groups = planQuery(request.query, this.glossary).map((group) => this.withTypos(index, group));
    let total = this.collect(index, groups, filter);
    // as Meilisearch's matching strategy "last": drop words from the end rather than find nothing
    while (total === 0 && groups.length > 1) {
      groups = groups.slice(0, -1);
      total = this.collect(index, groups, filter);
    }
    const hits = this.page(index, definition, request, groups.length > 0).map((row) => ({
      id: row.id,
      highlights: this.highlights(definition, JSON.parse(row.doc) as SearchDocument, groups),
    }));
    return {
      hits,
      totalHits: total,
      facetDistribution: this.facets(index, definition, request.facets ?? []),
      processingTimeMs: Math.round(performance.now() - started),
    };
  }

  async documentIds(index: IndexName): Promise<string[]> {
    return this.db.prepare(`SELECT id FROM ${tables(index).docs} ORDER BY id`).pluck().all() as string[];
  }

  async getDocument(index: IndexName, id: string): Promise<SearchDocument | null> {
    const doc = this.db.prepare(`SELECT doc FROM ${tables(index).docs} WHERE id = ?`).pluck().get(id) as string | undefined;
    return doc ? (JSON.parse(doc) as SearchDocument) : null;
  }

  async stats(): Promise<EngineStats> {
    const count = (name: IndexName) => ({ documents: this.db.prepare(`SELECT count(*) FROM ${tables(name).docs}`).pluck().get() as number });
    const last = this.db.prepare(`SELECT value FROM meta WHERE key = 'lastAppliedChange'`).pluck().get() as number | undefined;
    return { engine: 'embedded', indexes: { seeds: count('seeds'), needs: count('needs') }, lastAppliedChange: last ?? null };
  }

  async health(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async beginRebuild(index: IndexName): Promise<IndexRebuild> {
    const definition = INDEX_DEFINITIONS[index];
    const base = `${index}__rebuild`;
    this.dropIfPresent(base);
    this.createIfMissing(definition, base);
    return {
      add: async (documents) => this.db.transaction(() => documents.forEach((document) => this.upsert(definition, base, document)))(),
      swap: async () => this.db.transaction(() => swapTables(base, index).forEach((sql) => this.db.exec(sql)))(),
      abort: async () => this.dropIfPresent(base),
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private createIfMissing(definition: IndexDefinition, base: string) {
    const exists = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(tables(base).docs);
    if (!exists) this.db.transaction(() => createTables(definition, base).forEach((sql) => this.db.exec(sql)))();
  }

  private dropIfPresent(base: string) {
    const t = tables(base);
    for (const table of [t.vocab, t.fts, t.values, t.docs]) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
  }

  private upsert(definition: IndexDefinition, base: string, document: SearchDocument) {
    const t = tables(base);
    const scalars = scalarAttributes(definition);
    const scalarValues = scalars.map((attribute) => sqlValue(document[attribute]));
    const existing = this.db.prepare(`SELECT rowid FROM ${t.docs} WHERE id = ?`).pluck().get(document.id) as number | undefined;
    let rowid: number;
    if (existing !== undefined) {
      rowid = existing;
      this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`).run(rowid);
      this.db.prepare(`DELETE FROM ${t.values} WHERE rowid = ?`).run(rowid);
      this.db
        .prepare(`UPDATE ${t.docs} SET doc = ?${scalars.map((a) => `, ${column(a)} = ?`).join('')} WHERE rowid = ?`)
        .run(JSON.stringify(document), ...scalarValues, rowid);
    } else {
      const marks = scalars.map(() => ', ?').join('');
      const columns = scalars.map((a) => `, ${column(a)}`).join('');
      rowid = Number(this.db.prepare(`INSERT INTO ${t.docs} (id, doc${columns}) VALUES (?, ?${marks})`).run(document.id, JSON.stringify(document), ...scalarValues).lastInsertRowid);
    }
    const texts = definition.searchable.map(({ attribute }) => analyze(textOf(document[attribute])));
    this.db.prepare(`INSERT INTO ${t.fts} (rowid, ${definition.searchable.map((a) => `"${a.attribute}"`).join(', ')}) VALUES (?${texts.map(() => ', ?').join('')})`).run(rowid, ...texts);
    const insertValue = this.db.prepare(`INSERT OR IGNORE INTO ${t.values} (rowid, attr, value) VALUES (?, ?, ?)`);
    for (const attribute of valueAttributes(definition)) {
      const value = document[attribute];
      for (const item of Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]) insertValue.run(rowid, attribute, String(item));
    }
  }

  private remove(base: string, id: string) {
    const t = tables(base);
    const rowid = this.db.prepare(`SELECT rowid FROM ${t.docs} WHERE id = ?`).pluck().get(id) as number | undefined;
    if (rowid === undefined) return;
    this.db.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`).run(rowid);
    this.db.prepare(`DELETE FROM ${t.values} WHERE rowid = ?`).run(rowid);
    this.db.prepare(`DELETE FROM ${t.docs} WHERE rowid = ?`).run(rowid);
  }

  /** A Latin word found nowhere in the index is widened with the indexed words one edit away. */
  private withTypos(index: IndexName, group: QueryGroup): QueryGroup {
    const word = group.typoCandidate;
    if (!word || word.length < MIN_WORD_FOR_TYPO) return group;
    const vocab = tables(index).vocab;
    const prefix = group.phrases[0].prefix;
    const known = prefix
      ? this.db.prepare(`SELECT 1 FROM ${vocab} WHERE term >= ? AND term < ? LIMIT 1`).get(word, `${word}\uffff`)
      : this.db.prepare(`SELECT 1 FROM ${vocab} WHERE term = ?`).get(word);
    if (known) return group;
    const variants = oneEditVariants(word);
    const found = this.db.prepare(`SELECT term FROM ${vocab} WHERE term IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(variants)) as string[];
    return { ...group, phrases: [...group.phrases, ...found.map((term) => ({ tokens: [term], prefix: false, surface: term }))] };
  }

  /** Fills temp.hits with the matching rows and their rank; returns how many. */
  private collect(index: IndexName, groups: QueryGroup[], filter: { sql: string; params: unknown[] }): number {
    const t = tables(index);
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS hits (rowid INTEGER PRIMARY KEY, rank REAL)');
    this.db.exec('DELETE FROM temp.hits');
    if (groups.length === 0) {
      return this.db.prepare(`INSERT INTO temp.hits SELECT d.rowid, 0 FROM ${t.docs} d WHERE ${filter.sql}`).run(...filter.params).changes;
    }
    return this.db
      .prepare(`INSERT INTO temp.hits SELECT f.rowid, f.rank FROM ${t.fts} f JOIN ${t.docs} d ON d.rowid = f.rowid WHERE ${t.fts} MATCH ? AND ${filter.sql}`)
      .run(ftsExpression(groups), ...filter.params).changes;
  }

  private page(index: IndexName, definition: IndexDefinition, request: SearchRequest, ranked: boolean): { id: string; doc: string }[] {
    const rules = request.sort?.length ? request.sort : ranked ? [] : definition.browseSort;
    for (const rule of rules) if (!definition.sortable.includes(rule.attribute)) throw new Error(`not a sortable attribute of ${index}: ${rule.attribute}`);
    const order = [...rules.map((rule) => `d.${column(rule.attribute)} ${rule.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`), 'h.rank', 'd.rowid'];
    return this.db
      .prepare(`SELECT d.id, d.doc FROM temp.hits h JOIN ${tables(index).docs} d ON d.rowid = h.rowid ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`)
      .all(request.limit, request.offset) as { id: string; doc: string }[];
  }

  private facets(index: IndexName, definition: IndexDefinition, wanted: string[]): Record<string, Record<string, number>> {
    const attributes = wanted.filter((attribute) => definition.facetable.includes(attribute));
    const distribution: Record<string, Record<string, number>> = Object.fromEntries(attributes.map((attribute) => [attribute, {}]));
    if (attributes.length === 0) return distribution;
    const rows = this.db
      .prepare(
        `SELECT v.attr, v.value, count(*) AS n FROM temp.hits h JOIN ${tables(index).values} v ON v.rowid = h.rowid
         WHERE v.attr IN (SELECT value FROM json_each(?)) GROUP BY v.attr, v.value`,
      )
      .all(JSON.stringify(attributes)) as { attr: string; value: string; n: number }[];
    for (const row of rows) distribution[row.attr][row.value] = row.n;
    return distribution;
  }

  private highlights(definition: IndexDefinition, document: SearchDocument, groups: QueryGroup[]): Record<string, string> {
    const needles = groups.flatMap((group) => group.phrases.map((phrase) => phrase.surface));
    const out: Record<string, string> = {};
    if (needles.length === 0) return out;
    for (const attribute of definition.highlight) {
      const text = document[attribute];
      if (typeof text !== 'string') continue;
      const marked = highlight(text, needles, definition.cropped.includes(attribute) ? CROP_CHARACTERS : undefined);
      if (marked) out[attribute] = marked;
    }
    return out;
  }
}

function sqlValue(value: SearchDocument[string] | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return Number(value);
  if (Array.isArray(value)) return JSON.stringify(value);
  return value;
}

function textOf(value: SearchDocument[string] | undefined): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.join(' \n ') : String(value);
}
