import type { LocalizedAttribute, Settings } from 'meilisearch';
import type { IndexDefinition } from '../index-definitions.js';

/**
 * Meilisearch's classic order. With a query, an explicit sort only orders hits of equal
 * words/typo/proximity/attribute relevance; for an empty query (browse) it orders everything.
 */
export const RANKING_RULES = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];
export const MAX_TOTAL_HITS = 10_000;
export const MAX_VALUES_PER_FACET = 100;

/** Every attribute a filter may name; facets count only over filterable attributes, and ranges need numeric ones. */
export function filterableAttributes(definition: IndexDefinition): string[] {
  return [...new Set([...definition.filterable, ...definition.facetable, ...definition.numericAttributes])];
}

/**
 * Fixing the language of each attribute keeps kanji-only text (発酵, 微生物) from being
 * detected as Chinese and segmented as such. Attributes without a language (keywords,
 * field names) hold both, so detection is limited to those two.
 */
export function localizedAttributes(definition: IndexDefinition): LocalizedAttribute[] {
  const of = (locale: 'jpn' | 'eng' | undefined) =>
    definition.searchable.filter((s) => s.locale === locale).map((s) => s.attribute);
  const groups: LocalizedAttribute[] = [
    { attributePatterns: of('jpn'), locales: ['jpn'] },
    { attributePatterns: of('eng'), locales: ['eng'] },
    { attributePatterns: of(undefined), locales: ['jpn', 'eng'] },
  ];
  return groups.filter((group) => group.attributePatterns.length > 0);
}

/** The whole settings object of an index, so a rebuild and ensureIndexes configure it identically. */
export function indexSettings(definition: IndexDefinition, synonyms: Record<string, string[]>): Settings {
  return {
    // order matters: Meilisearch's `attribute` rule ranks a match in an earlier attribute higher
    searchableAttributes: definition.searchable.map((searchable) => searchable.attribute),
    displayedAttributes: ['*'],
    filterableAttributes: filterableAttributes(definition),
    sortableAttributes: [...definition.sortable],
    localizedAttributes: localizedAttributes(definition),
    synonyms: Object.fromEntries(Object.entries(synonyms).map(([term, others]) => [term, [...others]])),
    // Meilisearch cannot restrict typos to one script; they only ever apply to Latin-script words
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: [],
    },
    rankingRules: [...RANKING_RULES],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}

type Same = (current: unknown, wanted: unknown) => boolean;

const sameJson: Same = (current, wanted) =>
  JSON.stringify(current ?? null) === JSON.stringify(wanted ?? null);

const sameSet: Same = (current, wanted) =>
  Array.isArray(current) &&
  Array.isArray(wanted) &&
  sameJson([...current].map(String).sort(), [...wanted].map(String).sort());

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameSynonyms: Same = (current, wanted) =>
  isRecord(current) &&
  isRecord(wanted) &&
  sameSet(Object.keys(current), Object.keys(wanted)) &&
  Object.entries(wanted).every(([term, others]) => sameSet(current[term], others));

/** The server reports defaults we never set (typoTolerance.disableOnWords, faceting.sortFacetValuesBy…): only what we set counts. */
const covers: Same = (current, wanted) => {
  if (isRecord(wanted))
    return isRecord(current) && Object.entries(wanted).every(([key, value]) => covers(current[key], value));
  if (Array.isArray(wanted)) return sameSet(current, wanted);
  return current === wanted;
};

const COMPARISONS: Partial<Record<keyof Settings, Same>> = {
  searchableAttributes: sameJson,
  rankingRules: sameJson,
  localizedAttributes: sameJson,
  filterableAttributes: sameSet,
  sortableAttributes: sameSet,
  synonyms: sameSynonyms,
};

/**
 * Whether the index's current settings fall short of the wanted ones. Updating
 * settings makes Meilisearch re-index every document, so ensureIndexes only does
 * it when something actually changed.
 */
export function settingsDiffer(current: Settings, wanted: Settings): boolean {
  return (Object.keys(wanted) as (keyof Settings)[]).some(
    (key) => !(COMPARISONS[key] ?? covers)(current[key], wanted[key]),
  );
}
