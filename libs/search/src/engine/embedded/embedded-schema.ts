import type { IndexDefinition } from '../index-definitions.js';

/**
 * Per index three tables: `<t>_docs` (the document as JSON plus one column
 * per scalar filter or sort attribute), `<t>_values` (one row per value of
 * list and facet attributes, for filters and facet counts) and `<t>_fts`
 * (FTS5, contentless, one column per searchable attribute holding the
 * analysed tokens). `<t>` is the index name, or a rebuild's name beside it.
 */
export const tables = (base: string) => ({ docs: `${base}_docs`, values: `${base}_values`, fts: `${base}_fts`, vocab: `${base}_vocab` });

export const column = (attribute: string) => `"a_${attribute}"`;

/** Attributes with a column in `<t>_docs`. */
export function scalarAttributes(definition: IndexDefinition): string[] {
  const all = new Set([...definition.filterable, ...definition.sortable, ...definition.numericAttributes]);
  return [...all].filter((attribute) => !definition.listAttributes.includes(attribute));
}

/** Attributes with rows in `<t>_values`. */
export function valueAttributes(definition: IndexDefinition): string[] {
  return [...new Set([...definition.listAttributes, ...definition.facetable])];
}

/** Index names are global in SQLite and survive a table's rename: each creation gets fresh ones. */
const freshName = (label: string) => `idx_${label}_${Math.random().toString(36).slice(2, 10)}`;

/** DDL for a new set of tables (the caller checks they do not exist yet). */
export function createTables(definition: IndexDefinition, base: string): string[] {
  const t = tables(base);
  const scalars = scalarAttributes(definition).map((attribute) => `${column(attribute)}`);
  const weights = definition.searchable.map((attribute) => attribute.weight.toFixed(1)).join(', ');
  return [
    `CREATE TABLE ${t.docs} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL${scalars.map((c) => `, ${c}`).join('')})`,
    ...definition.sortable.map((attribute) => `CREATE INDEX ${freshName(attribute)} ON ${t.docs} (${column(attribute)})`),
    `CREATE TABLE ${t.values} (rowid INTEGER NOT NULL, attr TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (rowid, attr, value)) WITHOUT ROWID`,
    `CREATE INDEX ${freshName('values')} ON ${t.values} (attr, value, rowid)`,
    `CREATE VIRTUAL TABLE ${t.fts} USING fts5(${definition.searchable.map((a) => `"${a.attribute}"`).join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3')`,
    `INSERT INTO ${t.fts} (${t.fts}, rank) VALUES ('rank', 'bm25(${weights})')`,
    createVocab(base),
  ];
}

export const createVocab = (base: string) => `CREATE VIRTUAL TABLE IF NOT EXISTS ${tables(base).vocab} USING fts5vocab(${tables(base).fts}, 'row')`;

/** Replaces the tables of `live` with those of `rebuilt`, keeping their contents. */
export function swapTables(rebuilt: string, live: string): string[] {
  const from = tables(rebuilt);
  const to = tables(live);
  return [
    ...dropTables(live),
    `DROP TABLE IF EXISTS ${from.vocab}`,
    `ALTER TABLE ${from.docs} RENAME TO ${to.docs}`,
    `ALTER TABLE ${from.values} RENAME TO ${to.values}`,
    `ALTER TABLE ${from.fts} RENAME TO ${to.fts}`,
    createVocab(live),
  ];
}

export function dropTables(base: string): string[] {
  const t = tables(base);
  return [`DROP TABLE IF EXISTS ${t.vocab}`, `DROP TABLE IF EXISTS ${t.fts}`, `DROP TABLE IF EXISTS ${t.values}`, `DROP TABLE IF EXISTS ${t.docs}`];
}
