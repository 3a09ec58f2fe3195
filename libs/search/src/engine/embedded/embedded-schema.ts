import type { IndexDefinition } from '../index-definitions.js';

/**
 * Per index: `<t>_docs` (the document as JSON, by rowid) and `<t>_fts`
 * (FTS5, contentless, the analysed tokens), plus an fts5vocab view for typo
 * lookups. `<t>` is the index name, or a rebuild's name beside it. Filter and
 * facet attributes live in memory (AttributeStore), loaded from the JSON.
 */
export const tables = (base: string) => ({
  docs: `${base}_docs`,
  fts: `${base}_fts`,
  primary: `${base}_primary_fts`,
  vocab: `${base}_vocab`,
});

/** Bump when the tables change shape: an index of another version is dropped and rebuilt. */
export const SCHEMA_VERSION = 3;

/**
 * FTS columns: one per distinct weight of the searchable attributes, heaviest
 * first (title, keywords, summary, the rest). Fewer columns make bm25 cheaper
 * and the index smaller; highlights come from the documents, not from FTS5.
 */
export function ftsColumns(
  definition: IndexDefinition,
): { name: string; weight: number; attributes: string[] }[] {
  const weights = [...new Set(definition.searchable.map((a) => a.weight))].sort((a, b) => b - a);
  return weights.map((weight, index) => ({
    name: `c${index}`,
    weight,
    attributes: definition.searchable.filter((a) => a.weight === weight).map((a) => a.attribute),
  }));
}

/** Columns whose match ranks a document first (title and keywords), as Meilisearch's attribute rule does. */
export const PRIMARY_WEIGHT = 5;

/**
 * The primary columns again, in a table of their own (`<t>_primary_fts`):
 * titles and keywords are short, so matching and ranking the first tier there
 * avoids walking the summaries' long position lists a second time.
 */
export const primaryColumns = (definition: IndexDefinition) =>
  ftsColumns(definition).filter((column) => column.weight >= PRIMARY_WEIGHT);

export function createTables(definition: IndexDefinition, base: string): string[] {
  const t = tables(base);
  const columns = ftsColumns(definition);
  return [
    `CREATE TABLE ${t.docs} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)`,
    // prefix 3 serves search-as-you-type on Latin words; Japanese tokens are bigrams, matched whole
    `CREATE VIRTUAL TABLE ${t.fts} USING fts5(${columns.map((c) => c.name).join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3')`,
    `INSERT INTO ${t.fts} (${t.fts}, rank) VALUES ('rank', 'bm25(${columns.map((c) => c.weight.toFixed(1)).join(', ')})')`,
    `CREATE VIRTUAL TABLE ${t.primary} USING fts5(${primaryColumns(definition)
      .map((c) => c.name)
      .join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3')`,
    `INSERT INTO ${t.primary} (${t.primary}, rank) VALUES ('rank', 'bm25(${primaryColumns(definition)
      .map((c) => c.weight.toFixed(1))
      .join(', ')})')`,
    createVocab(base),
  ];
}

export const createVocab = (base: string) =>
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${tables(base).vocab} USING fts5vocab(${tables(base).fts}, 'row')`;

export function dropTables(base: string): string[] {
  const t = tables(base);
  return [
    `DROP TABLE IF EXISTS ${t.vocab}`,
    `DROP TABLE IF EXISTS ${t.fts}`,
    `DROP TABLE IF EXISTS ${t.primary}`,
    `DROP TABLE IF EXISTS ${base}_values`,
    `DROP TABLE IF EXISTS ${t.docs}`,
  ];
}

/** Replaces the tables of `live` with those of `rebuilt`, keeping their contents. */
export function swapTables(rebuilt: string, live: string): string[] {
  const from = tables(rebuilt);
  const to = tables(live);
  return [
    ...dropTables(live),
    `DROP TABLE IF EXISTS ${from.vocab}`,
    `ALTER TABLE ${from.docs} RENAME TO ${to.docs}`,
    `ALTER TABLE ${from.fts} RENAME TO ${to.fts}`,
    `ALTER TABLE ${from.primary} RENAME TO ${to.primary}`,
    createVocab(live),
  ];
}
