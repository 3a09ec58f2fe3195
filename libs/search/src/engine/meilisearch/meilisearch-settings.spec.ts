import { describe, expect, it } from '@jest/globals';
import type { Settings } from 'meilisearch';
import { NEED_INDEX, SEED_INDEX } from '../index-definitions.js';
import { indexSettings, settingsDiffer } from './meilisearch-settings.js';

const synonyms = {
  はっこう: ['fermentation', '発酵'],
  fermentation: ['はっこう', '発酵'],
  発酵: ['fermentation', 'はっこう'],
};

describe('indexSettings', () => {
  const seeds = indexSettings(SEED_INDEX, synonyms);

  it('lists searchable attributes in order of importance: title before keywords before summary', () => {
    const searchable = seeds.searchableAttributes ?? [];
    expect(searchable).toEqual(SEED_INDEX.searchable.map((s) => s.attribute));
    expect(searchable.indexOf('titleJa')).toBeLessThan(searchable.indexOf('keywords'));
    expect(searchable.indexOf('titleEn')).toBeLessThan(searchable.indexOf('keywords'));
    expect(searchable.indexOf('keywords')).toBeLessThan(searchable.indexOf('summaryJa'));
    expect(searchable.indexOf('keywords')).toBeLessThan(searchable.indexOf('summaryEn'));
  });

  it('fixes Japanese and English attributes to their language, and limits the mixed ones to those two', () => {
    expect(seeds.localizedAttributes).toEqual([
      { attributePatterns: ['titleJa', 'summaryJa', 'institutionNameJa'], locales: ['jpn'] },
      { attributePatterns: ['titleEn', 'summaryEn', 'institutionNameEn'], locales: ['eng'] },
      { attributePatterns: ['keywords', 'applications', 'fieldNames'], locales: ['jpn', 'eng'] },
    ]);
    expect(indexSettings(NEED_INDEX, {}).localizedAttributes).toEqual([
      { attributePatterns: ['titleJa', 'descriptionJa', 'companyNameJa'], locales: ['jpn'] },
      { attributePatterns: ['titleEn', 'descriptionEn', 'companyNameEn'], locales: ['eng'] },
      { attributePatterns: ['fieldNames'], locales: ['jpn', 'eng'] },
    ]);
  });

  it('makes filters, facets and numeric ranges filterable, each once', () => {
    const filterable = seeds.filterableAttributes as string[];
    for (const attribute of [
      ...SEED_INDEX.filterable,
      ...SEED_INDEX.facetable,
      ...SEED_INDEX.numericAttributes,
    ])
      expect(filterable).toContain(attribute);
    expect(filterable).toContain('publishedAt'); // numeric only, not in `filterable`
    expect(new Set(filterable).size).toBe(filterable.length);
    expect(seeds.sortableAttributes).toEqual(['publishedAt', 'trl']);
  });

  it('passes the glossary synonyms through, as a copy', () => {
    const input = { koji: ['麹'] };
    const settings = indexSettings(SEED_INDEX, input);
    expect(seeds.synonyms).toEqual(synonyms);
    input.koji.push('changed later');
    expect(settings.synonyms).toEqual({ koji: ['麹'] });
  });

  it('tolerates typos on words of 5 and 9 letters, ranks by the classic rules and caps hits and facet values', () => {
    expect(seeds.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: [],
    });
    expect(seeds.rankingRules).toEqual(['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness']);
    expect(seeds.pagination).toEqual({ maxTotalHits: 10_000 });
    expect(seeds.faceting).toEqual({ maxValuesPerFacet: 100 });
  });
});

describe('settingsDiffer', () => {
  const wanted = indexSettings(SEED_INDEX, synonyms);
  /** What a server reports back: sets reordered, defaults we never set filled in. */
  const asReported = (settings: Settings): Settings => ({
    ...settings,
    filterableAttributes: [...(settings.filterableAttributes as string[])].sort(),
    sortableAttributes: [...(settings.sortableAttributes ?? [])].reverse(),
    synonyms: Object.fromEntries(
      Object.entries(settings.synonyms ?? {}).map(([term, others]) => [term, [...others].reverse()]),
    ),
    typoTolerance: { ...settings.typoTolerance, disableOnWords: [] },
    faceting: { ...settings.faceting, sortFacetValuesBy: { '*': 'alpha' } },
    stopWords: [],
    distinctAttribute: null,
  });

  it('sees no difference between what was set and what the server reports back', () => {
    expect(settingsDiffer(asReported(wanted), wanted)).toBe(false);
  });

  it('sees a fresh index (server defaults) as different', () => {
    const fresh: Settings = {
      searchableAttributes: ['*'],
      filterableAttributes: [],
      sortableAttributes: [],
      synonyms: {},
      localizedAttributes: null,
      rankingRules: ['words'],
    };
    expect(settingsDiffer(fresh, wanted)).toBe(true);
  });

  it('notices a changed searchable order, a new filterable attribute, a removed synonym and a changed typo threshold', () => {
    const current = asReported(wanted);
    expect(
      settingsDiffer(
        { ...current, searchableAttributes: [...(wanted.searchableAttributes ?? [])].reverse() },
        wanted,
      ),
    ).toBe(true);
    expect(
      settingsDiffer(current, {
        ...wanted,
        filterableAttributes: [...(wanted.filterableAttributes as string[]), 'newAttribute'],
      }),
    ).toBe(true);
    expect(settingsDiffer({ ...current, synonyms: { ...current.synonyms, stale: ['old'] } }, wanted)).toBe(
      true,
    );
    expect(
      settingsDiffer(current, {
        ...wanted,
        typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 9 } },
      }),
    ).toBe(true);
    expect(settingsDiffer({ ...current, localizedAttributes: null }, wanted)).toBe(true);
  });
});
