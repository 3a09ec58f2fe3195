import type { IndexName, SortRule } from './search-engine.js';

export interface SearchableAttribute {
  attribute: string;
  /** Relative importance (embedded engine's bm25 weight; Meilisearch uses the order). */
  weight: number;
  /** The language of the attribute's text, when it has one. */
  locale?: 'jpn' | 'eng';
}

/** What an index holds and how it may be queried; both engines read the same definitions. */
export interface IndexDefinition {
  name: IndexName;
  /** In order of importance: title before keywords before summary. */
  searchable: SearchableAttribute[];
  filterable: string[];
  /** Filterable attributes holding lists of values. */
  listAttributes: string[];
  /** Numeric filterable attributes (range filters). */
  numericAttributes: string[];
  sortable: string[];
  facetable: string[];
  /** Returned highlighted; `cropped` ones cut to a snippet around the first match. */
  highlight: string[];
  cropped: string[];
  /** Order of an empty query (browse). */
  browseSort: SortRule[];
}

export const SEED_INDEX: IndexDefinition = {
  name: 'seeds',
  searchable: [
    { attribute: 'titleJa', weight: 10, locale: 'jpn' },
    { attribute: 'titleEn', weight: 10, locale: 'eng' },
    { attribute: 'keywords', weight: 6 },
    { attribute: 'summaryJa', weight: 2, locale: 'jpn' },
    { attribute: 'summaryEn', weight: 2, locale: 'eng' },
    { attribute: 'applications', weight: 2 },
    { attribute: 'fieldNames', weight: 1 },
    { attribute: 'institutionNameJa', weight: 1, locale: 'jpn' },
    { attribute: 'institutionNameEn', weight: 1, locale: 'eng' },
  ],
  filterable: [
    'fields',
    'institution',
    'prefecture',
    'trl',
    'ipStatus',
    'collaborationTypes',
    'programs',
    'status',
    'visibility',
    'listedUserIds',
  ],
  listAttributes: ['fields', 'collaborationTypes', 'programs', 'listedUserIds'],
  numericAttributes: ['trl', 'publishedAt'],
  sortable: ['publishedAt', 'trl'],
  facetable: ['fields', 'institution', 'programs', 'trl', 'collaborationTypes', 'ipStatus'],
  highlight: ['titleJa', 'titleEn', 'summaryJa', 'summaryEn'],
  cropped: ['summaryJa', 'summaryEn'],
  browseSort: [{ attribute: 'publishedAt', direction: 'desc' }],
};

export const NEED_INDEX: IndexDefinition = {
  name: 'needs',
  searchable: [
    { attribute: 'titleJa', weight: 10, locale: 'jpn' },
    { attribute: 'titleEn', weight: 10, locale: 'eng' },
    { attribute: 'descriptionJa', weight: 2, locale: 'jpn' },
    { attribute: 'descriptionEn', weight: 2, locale: 'eng' },
    { attribute: 'fieldNames', weight: 1 },
    { attribute: 'companyNameJa', weight: 1, locale: 'jpn' },
    { attribute: 'companyNameEn', weight: 1, locale: 'eng' },
  ],
  filterable: [
    'fields',
    'ownerCompany',
    'prefecture',
    'trlMin',
    'trlMax',
    'collaborationTypes',
    'programs',
    'status',
    'visibility',
  ],
  listAttributes: ['fields', 'collaborationTypes', 'programs'],
  numericAttributes: ['trlMin', 'trlMax', 'publishedAt'],
  sortable: ['publishedAt'],
  facetable: ['fields', 'ownerCompany', 'collaborationTypes', 'programs', 'status'],
  highlight: ['titleJa', 'titleEn', 'descriptionJa', 'descriptionEn'],
  cropped: ['descriptionJa', 'descriptionEn'],
  browseSort: [{ attribute: 'publishedAt', direction: 'desc' }],
};

export const INDEX_DEFINITIONS: Record<IndexName, IndexDefinition> = { seeds: SEED_INDEX, needs: NEED_INDEX };
