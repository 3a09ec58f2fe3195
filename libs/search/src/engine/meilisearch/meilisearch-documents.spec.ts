import { describe, expect, it } from '@jest/globals';
import type { SearchResponse } from 'meilisearch';
import { NEED_INDEX, SEED_INDEX } from '../index-definitions.js';
import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, type SearchRequest } from '../search-engine.js';
import { InvalidFilterError } from './meilisearch-filter.js';
import {
  fromSearchResponse,
  InvalidSortError,
  toSearchParams,
  truncateQuery,
} from './meilisearch-documents.js';

const request = (overrides: Partial<SearchRequest> = {}): SearchRequest => ({
  query: 'metabolome',
  offset: 0,
  limit: 20,
  ...overrides,
});

describe('toSearchParams', () => {
  it('asks for ids only, highlighted and cropped with the port markers', () => {
    expect(toSearchParams(request({ offset: 40, limit: 10 }), SEED_INDEX)).toEqual({
      q: 'metabolome',
      matchingStrategy: 'last',
      offset: 40,
      limit: 10,
      attributesToRetrieve: ['id'],
      attributesToHighlight: ['titleJa', 'titleEn', 'summaryJa', 'summaryEn'],
      highlightPreTag: '\uE000',
      highlightPostTag: '\uE001',
      attributesToCrop: ['summaryJa', 'summaryEn'],
      cropLength: 40,
      cropMarker: '…',
      showMatchesPosition: false,
    });
  });

  it('drops words by their place in the query, never by a frequency counted over hidden documents', () => {
    for (const query of ['', 'koji', 'koji fermentation sake'])
      expect(toSearchParams(request({ query }), NEED_INDEX).matchingStrategy).toBe('last');
  });

  it('asks for no highlight or crop when the caller reads ids only', () => {
    const params = toSearchParams(request({ highlight: false }), SEED_INDEX);
    expect(params.attributesToRetrieve).toEqual(['id']);
    expect(params.attributesToHighlight).toBeUndefined();
    expect(params.attributesToCrop).toBeUndefined();
  });

  it('keeps only the first ten words of the query', () => {
    const twelve = 'one two three four five six seven eight nine ten eleven twelve';
    expect(toSearchParams(request({ query: twelve }), SEED_INDEX).q).toBe(
      'one two three four five six seven eight nine ten',
    );
    expect(truncateQuery('  発酵\u3000微生物   koji\n\tfermentation ')).toBe('発酵 微生物 koji fermentation');
  });

  it('browses in the index default order for an empty query, and by relevance otherwise', () => {
    expect(toSearchParams(request({ query: '' }), SEED_INDEX)).toMatchObject({
      q: '',
      sort: ['publishedAt:desc'],
    });
    expect(toSearchParams(request({ query: '   ' }), NEED_INDEX)).toMatchObject({
      q: '',
      sort: ['publishedAt:desc'],
    });
    expect(toSearchParams(request({ query: '?! …' }), SEED_INDEX)).toMatchObject({
      q: '',
      sort: ['publishedAt:desc'],
    });
    expect(toSearchParams(request({ query: 'koji' }), SEED_INDEX).sort).toBeUndefined();
  });

  it('sorts as asked, whatever the query, and refuses attributes that are not sortable', () => {
    const sort = [
      { attribute: 'trl', direction: 'asc' as const },
      { attribute: 'publishedAt', direction: 'desc' as const },
    ];
    expect(toSearchParams(request({ query: '', sort }), SEED_INDEX).sort).toEqual([
      'trl:asc',
      'publishedAt:desc',
    ]);
    expect(toSearchParams(request({ sort }), SEED_INDEX).sort).toEqual(['trl:asc', 'publishedAt:desc']);
    expect(() =>
      toSearchParams(request({ sort: [{ attribute: 'titleJa', direction: 'asc' }] }), SEED_INDEX),
    ).toThrow(InvalidSortError);
    expect(() =>
      toSearchParams(
        request({ sort: [{ attribute: 'trl', direction: 'asc,_geoPoint(0,0):asc' as 'asc' }] }),
        SEED_INDEX,
      ),
    ).toThrow(InvalidSortError);
    expect(() =>
      toSearchParams(request({ sort: [{ attribute: 'trl', direction: 'asc' }] }), NEED_INDEX),
    ).toThrow(InvalidSortError);
  });

  it('asks only for facetable facets, and builds the filter from the typed filter', () => {
    const params = toSearchParams(
      request({ facets: ['fields', 'titleJa', 'trl'], filter: { attribute: 'status', in: ['published'] } }),
      SEED_INDEX,
    );
    expect(params.facets).toEqual(['fields', 'trl']);
    expect(params.filter).toBe('status IN ["published"]');
    expect(toSearchParams(request({ facets: ['titleJa'] }), SEED_INDEX).facets).toBeUndefined();
    expect(() =>
      toSearchParams(request({ filter: { attribute: 'titleJa', in: ['x'] } }), SEED_INDEX),
    ).toThrow(InvalidFilterError);
  });
});

describe('fromSearchResponse', () => {
  const response = (overrides: Partial<SearchResponse> = {}): SearchResponse => ({
    hits: [
      {
        id: 'seed-1',
        _formatted: {
          id: 'seed-1',
          titleJa: `${S}メタボローム${E}解析`,
          titleEn: 'Metabolomic analysis',
          summaryJa: `…鶴岡の${S}メタボローム${E}研究…`,
          summaryEn: null,
          keywords: [`${S}メタボローム${E}`],
        },
      },
      {
        id: 'seed-2',
        _formatted: { id: 'seed-2', titleJa: '発酵', titleEn: null, summaryJa: '…', summaryEn: 'Koji' },
      },
      { id: 'seed-3' },
    ],
    processingTimeMs: 7,
    query: 'メタボローム',
    estimatedTotalHits: 123,
    offset: 0,
    limit: 20,
    facetDistribution: { fields: { bio: 2, chem: 1 }, trl: { '4': 3 } },
    ...overrides,
  });

  it('returns ids with highlights only for the highlight attributes that matched', () => {
    const result = fromSearchResponse(response(), SEED_INDEX);
    expect(result.hits).toEqual([
      {
        id: 'seed-1',
        highlights: { titleJa: `${S}メタボローム${E}解析`, summaryJa: `…鶴岡の${S}メタボローム${E}研究…` },
      },
      { id: 'seed-2', highlights: {} },
      { id: 'seed-3', highlights: {} },
    ]);
  });

  it('reports the estimated total, the facet counts and the processing time', () => {
    const result = fromSearchResponse(response(), SEED_INDEX, ['fields', 'trl', 'programs']);
    expect(result.totalHits).toBe(123);
    expect(result.facetDistribution).toEqual({ fields: { bio: 2, chem: 1 }, trl: { '4': 3 }, programs: {} });
    expect(result.processingTimeMs).toBe(7);
  });

  it('falls back to the exact total of page-based responses, and to no facets', () => {
    const paged = response({ estimatedTotalHits: undefined, totalHits: 5, facetDistribution: undefined });
    expect(fromSearchResponse(paged, SEED_INDEX)).toMatchObject({ totalHits: 5, facetDistribution: {} });
  });

  it('turns numeric ids into strings', () => {
    expect(fromSearchResponse(response({ hits: [{ id: 42 }] }), NEED_INDEX).hits).toEqual([
      { id: '42', highlights: {} },
    ]);
  });
});
