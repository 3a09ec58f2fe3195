import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { SEED_INDEX } from '../index-definitions.js';
import type { Filter } from '../search-engine.js';
import { filterSql, UnknownFilterAttributeError } from './embedded-filter.js';
import { createTables } from './embedded-schema.js';

const sqlOf = (filter: Filter | undefined) => filterSql(filter, SEED_INDEX, 'seeds');

const HOSTILE = ["x') OR 1=1 --", "' OR '1'='1", '" OR ""="', "'; DROP TABLE seeds_docs; --", 'a"b\'c'];

describe('filterSql', () => {
  it('is always true without a filter', () => {
    expect(sqlOf(undefined)).toEqual({ sql: '1', params: [] });
  });

  it('compares a scalar attribute with its column, values bound', () => {
    expect(sqlOf({ attribute: 'visibility', in: ['public', 'private'] })).toEqual({
      sql: 'd."a_visibility" IN (?, ?)',
      params: ['public', 'private'],
    });
  });

  it('looks list attributes up in the values table with EXISTS', () => {
    const { sql, params } = sqlOf({ attribute: 'fields', in: ['bio', 'food'] });
    expect(sql).toBe('EXISTS (SELECT 1 FROM seeds_values v WHERE v.attr = ? AND v.value IN (?, ?) AND v.rowid = d.rowid)');
    expect(params).toEqual(['fields', 'bio', 'food']);
  });

  it('uses the tables of the base it is given', () => {
    expect(filterSql({ attribute: 'fields', in: ['bio'] }, SEED_INDEX, 'seeds__rebuild').sql).toContain('FROM seeds__rebuild_values v');
  });

  it('binds list values as text, since the values table stores text', () => {
    expect(sqlOf({ attribute: 'programs', in: [7, true] }).params).toEqual(['programs', '7', 'true']);
  });

  it('binds booleans of scalar attributes as 0 and 1', () => {
    expect(sqlOf({ attribute: 'status', in: [true, false] }).params).toEqual([1, 0]);
  });

  it('makes an empty `in` false', () => {
    expect(sqlOf({ attribute: 'visibility', in: [] })).toEqual({ sql: '0', params: [] });
    expect(sqlOf({ attribute: 'fields', in: [] })).toEqual({ sql: '0', params: [] });
  });

  it('makes an empty `any` false and an empty `all` true', () => {
    expect(sqlOf({ any: [] }).sql).toBe('0');
    expect(sqlOf({ all: [] }).sql).toBe('1');
  });

  it('renders ranges with either bound, or none', () => {
    expect(sqlOf({ attribute: 'trl', min: 3, max: 6 })).toEqual({ sql: '(d."a_trl" >= ? AND d."a_trl" <= ?)', params: [3, 6] });
    expect(sqlOf({ attribute: 'trl', min: 0 })).toEqual({ sql: '(d."a_trl" >= ?)', params: [0] });
    expect(sqlOf({ attribute: 'publishedAt', max: 200 })).toEqual({ sql: '(d."a_publishedAt" <= ?)', params: [200] });
    expect(sqlOf({ attribute: 'trl' })).toEqual({ sql: '1', params: [] });
  });

  it('nests all and any, parameters in placeholder order', () => {
    const { sql, params } = sqlOf({
      all: [{ any: [{ attribute: 'visibility', in: ['public'] }, { attribute: 'listedUserIds', in: ['u1'] }] }, { attribute: 'trl', min: 4 }],
    });
    expect(sql).toBe(
      '((d."a_visibility" IN (?) OR EXISTS (SELECT 1 FROM seeds_values v WHERE v.attr = ? AND v.value IN (?) AND v.rowid = d.rowid)) AND (d."a_trl" >= ?))',
    );
    expect(params).toEqual(['public', 'listedUserIds', 'u1', 4]);
  });

  it('rejects attributes that are not filterable, wherever they are', () => {
    expect(() => sqlOf({ attribute: 'titleEn', in: ['x'] })).toThrow(UnknownFilterAttributeError);
    expect(() => sqlOf({ all: [{ attribute: 'visibility', in: ['public'] }, { any: [{ attribute: 'doc', min: 1 }] }] })).toThrow(
      UnknownFilterAttributeError,
    );
    expect(() => sqlOf({ attribute: 'a_visibility" OR 1=1 --', in: ['x'] })).toThrow(/a_visibility" OR 1=1 --/);
  });

  it('never puts values into the SQL text', () => {
    for (const value of HOSTILE) {
      for (const filter of [{ attribute: 'institution', in: [value] }, { attribute: 'fields', in: [value] }] satisfies Filter[]) {
        const { sql, params } = sqlOf(filter);
        expect(sql).not.toContain(value);
        expect(sql).not.toMatch(/OR 1=1|DROP/);
        expect(params).toContain(value);
      }
    }
  });
});

describe('filterSql run by SQLite', () => {
  let db: Database.Database;

  const ids = (filter: Filter | undefined) => {
    const { sql, params } = sqlOf(filter);
    return db.prepare(`SELECT d.id FROM seeds_docs d WHERE ${sql} ORDER BY d.id`).pluck().all(...params) as string[];
  };

  beforeAll(() => {
    db = new Database(':memory:');
    for (const statement of createTables(SEED_INDEX, 'seeds')) db.exec(statement);
    const insertDoc = db.prepare(
      `INSERT INTO seeds_docs (rowid, id, doc, "a_visibility", "a_institution", "a_trl", "a_publishedAt") VALUES (?, ?, '{}', ?, ?, ?, ?)`,
    );
    const insertValue = db.prepare('INSERT INTO seeds_values (rowid, attr, value) VALUES (?, ?, ?)');
    const seeds: [number, string, string, string, number, number, Record<string, string[]>][] = [
      [1, 's1', 'public', 'inst-a', 3, 100, { fields: ['bio', 'food'] }],
      [2, 's2', 'private', 'inst-b', 6, 200, { fields: ['food'], listedUserIds: ['u1'] }],
      [3, 's3', 'public', 'inst-a', 8, 300, { fields: ['chem'], programs: ['p1'] }],
      [4, 's4', 'private', "o'brien", 2, 400, { listedUserIds: ['u2'] }],
    ];
    for (const [rowid, id, visibility, institution, trl, publishedAt, lists] of seeds) {
      insertDoc.run(rowid, id, visibility, institution, trl, publishedAt);
      for (const [attribute, values] of Object.entries(lists)) for (const value of values) insertValue.run(rowid, attribute, value);
    }
  });
  afterAll(() => {
    db.close();
  });

  it('selects every document without a filter, or with an empty all', () => {
    expect(ids(undefined)).toEqual(['s1', 's2', 's3', 's4']);
    expect(ids({ all: [] })).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('selects nothing for an empty any or an empty in', () => {
    expect(ids({ any: [] })).toEqual([]);
    expect(ids({ attribute: 'visibility', in: [] })).toEqual([]);
    expect(ids({ attribute: 'fields', in: [] })).toEqual([]);
  });

  it('filters scalar attributes', () => {
    expect(ids({ attribute: 'visibility', in: ['public'] })).toEqual(['s1', 's3']);
    expect(ids({ attribute: 'institution', in: ["o'brien"] })).toEqual(['s4']);
  });

  it('filters list attributes on any of their values', () => {
    expect(ids({ attribute: 'fields', in: ['food'] })).toEqual(['s1', 's2']);
    expect(ids({ attribute: 'fields', in: ['chem', 'bio'] })).toEqual(['s1', 's3']);
    // a value of another list attribute does not count
    expect(ids({ attribute: 'programs', in: ['food'] })).toEqual([]);
  });

  it('filters ranges, bounds included', () => {
    expect(ids({ attribute: 'trl', min: 3, max: 6 })).toEqual(['s1', 's2']);
    expect(ids({ attribute: 'publishedAt', min: 300 })).toEqual(['s3', 's4']);
    expect(ids({ attribute: 'publishedAt', max: 100 })).toEqual(['s1']);
  });

  it('combines filters as the visibility rules do', () => {
    const publicOrListed = (userId: string): Filter => ({
      any: [{ attribute: 'visibility', in: ['public'] }, { attribute: 'listedUserIds', in: [userId] }],
    });
    expect(ids(publicOrListed('u1'))).toEqual(['s1', 's2', 's3']);
    expect(ids(publicOrListed('nobody'))).toEqual(['s1', 's3']);
    expect(ids({ all: [publicOrListed('u2'), { attribute: 'trl', max: 3 }] })).toEqual(['s1', 's4']);
  });

  it('matches hostile values literally: nothing, rather than everything', () => {
    for (const value of HOSTILE) {
      expect(ids({ attribute: 'visibility', in: [value] })).toEqual([]);
      expect(ids({ attribute: 'fields', in: [value] })).toEqual([]);
      expect(ids({ any: [{ attribute: 'institution', in: [value] }, { attribute: 'listedUserIds', in: [value] }] })).toEqual([]);
    }
    // and the table is still there
    expect(ids(undefined)).toHaveLength(4);
  });
});
