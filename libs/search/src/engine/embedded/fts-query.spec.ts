import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type { Phrase, QueryGroup } from '../../text/query-plan.js';
import { ftsExpression, oneEditVariants } from './fts-query.js';

const phrase = (tokens: string[], prefix = false): Phrase => ({ tokens, prefix, surface: tokens.join(' ') });
const group = (...phrases: Phrase[]): QueryGroup => ({ phrases });

describe('ftsExpression', () => {
  it('double-quotes a phrase as one string', () => {
    expect(ftsExpression([group(phrase(['spider', 'silk']))])).toBe('"spider silk"');
  });

  it('marks a prefix phrase with a trailing *', () => {
    expect(ftsExpression([group(phrase(['spider', 'si'], true))])).toBe('"spider si" *');
  });

  it("ANDs groups and ORs a group's phrases in parentheses", () => {
    const expression = ftsExpression([
      group(phrase(['くも', 'も糸']), phrase(['spider', 'silk'])),
      group(phrase(['strength'], true)),
    ]);
    expect(expression).toBe('("くも も糸" OR "spider silk") AND "strength" *');
  });

  it('doubles quotes inside tokens', () => {
    expect(ftsExpression([group(phrase(['a"b']))])).toBe('"a""b"');
    expect(ftsExpression([group(phrase(['"']))])).toBe('""""');
  });

  it('quotes every token that looks like FTS5 syntax', () => {
    for (const token of ['*', 'NEAR(', 'AND', 'OR', 'NOT', '-x', 'col:x', '^x', '(x)']) {
      expect(ftsExpression([group(phrase([token]))])).toBe(`"${token}"`);
    }
  });

  describe('run by SQLite FTS5', () => {
    let db: Database.Database;
    const match = (groups: QueryGroup[]) =>
      db
        .prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid')
        .pluck()
        .all(ftsExpression(groups)) as number[];
    const token = (text: string, prefix = false) => [group(phrase([text], prefix))];

    beforeAll(() => {
      db = new Database(':memory:');
      db.exec(`CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61 remove_diacritics 0')`);
      const insert = db.prepare('INSERT INTO docs (rowid, body) VALUES (?, ?)');
      [
        [1, 'spider silk'],
        [2, 'near x'],
        [3, 'col x'],
        [4, 'and or not'],
        [5, 'x'],
        [6, 'silkworm'],
      ].forEach(([rowid, body]) => insert.run(rowid, body));
    });
    afterAll(() => {
      db.close();
    });

    it('treats operators and column filters as plain words', () => {
      expect(match(token('NEAR('))).toEqual([2]);
      expect(match(token('AND'))).toEqual([4]);
      expect(match(token('OR'))).toEqual([4]);
      expect(match(token('NOT'))).toEqual([4]);
      expect(match(token('-x'))).toEqual([2, 3, 5]);
      expect(match(token('col:x'))).toEqual([3]);
    });

    it('finds nothing (rather than failing) for tokens that are only quotes or stars', () => {
      expect(match(token('"'))).toEqual([]);
      expect(match(token('*'))).toEqual([]);
    });

    it('cannot be broken out of with quotes', () => {
      expect(match(token('spider" OR "x'))).toEqual([]);
      expect(match(token('x" OR "silk'))).toEqual([]);
    });

    it('matches prefixes, phrases in order, and groups together', () => {
      expect(match(token('silk'))).toEqual([1]);
      expect(match(token('silk', true))).toEqual([1, 6]);
      expect(match([group(phrase(['silk', 'spider']))])).toEqual([]);
      expect(match([group(phrase(['spider'])), group(phrase(['silk']))])).toEqual([1]);
      expect(match([group(phrase(['spider']), phrase(['col']))])).toEqual([1, 3]);
    });
  });
});

/** Optimal string alignment distance: edits are deletion, insertion, substitution, adjacent transposition. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('oneEditVariants', () => {
  const variants = oneEditVariants('abcde');

  it('holds deletions, transpositions, substitutions and insertions', () => {
    expect(variants).toEqual(expect.arrayContaining(['bcde', 'abce', 'abcd']));
    expect(variants).toEqual(expect.arrayContaining(['bacde', 'abdce', 'abced']));
    expect(variants).toEqual(expect.arrayContaining(['xbcde', 'abxde', 'abcd9']));
    expect(variants).toEqual(expect.arrayContaining(['zabcde', 'abc0de', 'abcdez']));
  });

  it('excludes the word itself and anything two edits away', () => {
    expect(variants).not.toContain('abcde');
    expect(variants).not.toContain('bacdf');
    expect(variants).not.toContain('abc');
    expect(variants.every((variant) => editDistance(variant, 'abcde') === 1)).toBe(true);
  });

  it('lists every variant once, with the expected count for a-z0-9', () => {
    // 5 deletions + 4 transpositions + 5×35 substitutions + (6×36 − 5) insertions
    // (inserting a letter next to the same letter gives one string from two places)
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants).toHaveLength(5 + 4 + 175 + 211);
  });

  it('only inserts or substitutes lower-case letters and digits', () => {
    expect(variants.every((variant) => /^[a-z0-9]+$/.test(variant))).toBe(true);
  });

  it('collapses variants that repeated letters make identical', () => {
    const repeated = oneEditVariants('aab');
    expect(new Set(repeated).size).toBe(repeated.length);
    expect(repeated).toContain('ab');
    expect(repeated).toContain('aa');
    expect(repeated).toContain('aba');
    expect(repeated).not.toContain('aab');
  });
});
