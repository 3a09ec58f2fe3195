import { describe, expect, it } from '@jest/globals';
import { SEED_INDEX } from '../index-definitions.js';
import type { SearchDocument } from '../search-engine.js';
import { AttributeStore, UnknownFilterAttributeError } from './attribute-store.js';

const doc = (id: string, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  fields: [],
  institution: 'org-a',
  prefecture: '山形県',
  trl: null,
  ipStatus: 'none',
  collaborationTypes: [],
  programs: [],
  status: 'published',
  visibility: 'public',
  listedUserIds: [],
  publishedAt: null,
  ...fields,
});

function store() {
  const s = new AttributeStore(SEED_INDEX);
  s.set(
    1,
    doc('a', { fields: ['metabolomics', 'food-science'], trl: 3, publishedAt: 300, institution: 'org-a' }),
  );
  s.set(
    2,
    doc('b', {
      fields: ['metabolomics'],
      trl: 7,
      publishedAt: 100,
      institution: 'org-b',
      ipStatus: 'granted',
    }),
  );
  s.set(
    3,
    doc('c', {
      fields: ['materials'],
      trl: null,
      publishedAt: 200,
      status: 'draft',
      visibility: 'restricted',
      listedUserIds: ['u-1'],
    }),
  );
  return s;
}
const rows = (s: AttributeStore, filter: Parameters<AttributeStore['predicate']>[0]) =>
  [1, 2, 3, 4].filter(s.predicate(filter));

describe('AttributeStore', () => {
  it('filters list values, scalars, ranges and alternatives', () => {
    const s = store();
    expect(rows(s, { attribute: 'fields', in: ['metabolomics'] })).toEqual([1, 2]);
    expect(rows(s, { attribute: 'institution', in: ['org-b'] })).toEqual([2]);
    expect(rows(s, { attribute: 'trl', min: 3, max: 6 })).toEqual([1]);
    expect(rows(s, { attribute: 'trl', in: [7] })).toEqual([2]);
    expect(
      rows(s, {
        any: [
          { attribute: 'visibility', in: ['public'] },
          { attribute: 'listedUserIds', in: ['u-1'] },
        ],
      }),
    ).toEqual([1, 2, 3]);
    expect(
      rows(s, {
        all: [
          { attribute: 'status', in: ['published'] },
          { attribute: 'fields', in: ['food-science'] },
        ],
      }),
    ).toEqual([1]);
    expect(rows(s, { all: [] })).toEqual([1, 2, 3]);
    expect(rows(s, { any: [] })).toEqual([]);
    expect(rows(s, { attribute: 'fields', in: [] })).toEqual([]);
  });

  it('compares values and never interprets them', () => {
    const s = store();
    for (const hostile of [
      '" OR 1=1 --',
      "') OR ('1'='1",
      '*',
      'metabolomics OR materials',
      '__proto__',
      'constructor',
    ]) {
      expect(rows(s, { attribute: 'fields', in: [hostile] })).toEqual([]);
      expect(rows(s, { attribute: 'status', in: [hostile] })).toEqual([]);
    }
  });

  it('refuses attributes that are not filterable, and ranges on non-numeric ones', () => {
    const s = store();
    expect(() => s.predicate({ attribute: 'titleEn', in: ['x'] })).toThrow(UnknownFilterAttributeError);
    expect(() => s.predicate({ attribute: 'fields', min: 1 })).toThrow(UnknownFilterAttributeError);
  });

  it('counts facets over the given rowids only', () => {
    const s = store();
    expect(s.facets([1, 2], ['fields', 'trl', 'ipStatus', 'titleEn'])).toEqual({
      fields: { metabolomics: 2, 'food-science': 1 },
      trl: { '3': 1, '7': 1 },
      ipStatus: { none: 1, granted: 1 },
    });
  });

  it('sorts by a numeric attribute with nulls last, keeping the given order on ties', () => {
    const s = store();
    expect(s.sort([1, 2, 3], [{ attribute: 'publishedAt', direction: 'desc' }])).toEqual([1, 3, 2]);
    expect(s.sort([3, 2, 1], [{ attribute: 'trl', direction: 'asc' }])).toEqual([1, 2, 3]);
    expect(() => s.sort([1], [{ attribute: 'fields', direction: 'asc' }])).toThrow();
  });

  it('forgets a deleted document and replaces an updated one', () => {
    const s = store();
    s.delete(2);
    s.set(1, doc('a', { fields: ['materials'] }));
    expect(rows(s, { attribute: 'fields', in: ['metabolomics'] })).toEqual([]);
    expect(rows(s, { attribute: 'fields', in: ['materials'] })).toEqual([1, 3]);
    expect(s.size).toBe(2);
  });
});
