import { describe, expect, it } from '@jest/globals';
import { ErrorKind } from '#libs/core';
import { SearchError, SearchErrorCode } from '../search.errors.js';
import { decodeCursor, encodeCursor, MAX_SEARCH_DEPTH } from './search-cursor.js';

/** The error `decodeCursor` throws for a cursor (fails the test when it does not throw). */
function rejection(cursor: string): SearchError {
  try {
    decodeCursor(cursor);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchError);
    return error as SearchError;
  }
  throw new Error(`cursor ${JSON.stringify(cursor)} was accepted`);
}

const raw = (text: string) => Buffer.from(text).toString('base64url');

describe('search cursors', () => {
  it('round-trip an offset', () => {
    for (const offset of [0, 1, 20, 999]) expect(decodeCursor(encodeCursor(offset))).toBe(offset);
  });

  it('are opaque and URL-safe', () => {
    const cursor = encodeCursor(40);
    expect(cursor).not.toContain('40');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('start at the beginning without a cursor', () => {
    expect(decodeCursor(undefined)).toBe(0);
    expect(decodeCursor('')).toBe(0);
  });

  it('reject garbage as a bad `after` argument', () => {
    for (const cursor of [
      'garbage',
      '!!!',
      raw('search:'),
      raw('search:-1'),
      raw('search:1.5'),
      raw('search:12 '),
      raw('page:20'),
      raw('search:1234567'),
    ]) {
      const error = rejection(cursor);
      expect(error.code).toBe(SearchErrorCode.InvalidCursor);
      expect(error.kind).toBe(ErrorKind.BadUserInput);
      expect(error.fields.map((field) => field.path)).toEqual(['after']);
    }
  });

  it('reject cursors beyond the search depth as a bad `after` argument', () => {
    for (const cursor of [
      encodeCursor(MAX_SEARCH_DEPTH),
      encodeCursor(MAX_SEARCH_DEPTH + 1),
      raw('search:999999'),
    ]) {
      const error = rejection(cursor);
      expect(error.code).toBe(SearchErrorCode.PageTooDeep);
      expect(error.kind).toBe(ErrorKind.BadUserInput);
      expect(error.fields.map((field) => field.path)).toEqual(['after']);
      expect(error.localized.en).toContain(String(MAX_SEARCH_DEPTH));
    }
  });

  it('allow the last offset before the depth limit', () => {
    expect(MAX_SEARCH_DEPTH).toBe(1000);
    expect(decodeCursor(encodeCursor(MAX_SEARCH_DEPTH - 1))).toBe(MAX_SEARCH_DEPTH - 1);
  });
});
