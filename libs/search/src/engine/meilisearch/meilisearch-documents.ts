import type { Hit, SearchParams, SearchResponse } from 'meilisearch';
import type { IndexDefinition } from '../index-definitions.js';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type SortRule,
} from '../search-engine.js';
import { buildFilter } from './meilisearch-filter.js';

/** Meilisearch ignores query words past the tenth; cutting here makes that visible and testable. */
export const MAX_QUERY_WORDS = 10;
/** In words (for Japanese, in segments): about two lines of a result card. */
export const CROP_LENGTH = 40;
export const CROP_MARKER = '…';

export class InvalidSortError extends Error {}

/** The first ten whitespace-separated words, single-spaced; blank when the query has no letter or digit. */
export function truncateQuery(query: string): string {
  // a query of punctuation only is a browse, as in the embedded engine (no tokens, no ranking)
  if (!/[\p{L}\p{N}]/u.test(query)) return '';
  return query.trim().split(/\s+/u).slice(0, MAX_QUERY_WORDS).join(' ');
}

function sortParameter(rules: SortRule[], definition: IndexDefinition): string[] {
  return rules.map((rule) => {
    if (!definition.sortable.includes(rule.attribute))
      throw new InvalidSortError(
        `not a sortable attribute of ${definition.name}: ${JSON.stringify(rule.attribute)}`,
      );
    if (rule.direction !== 'asc' && rule.direction !== 'desc')
      throw new InvalidSortError(`not a sort direction: ${JSON.stringify(rule.direction)}`);
    return `${rule.attribute}:${rule.direction}`;
  });
}

/** The body of a Meilisearch search for a port request; unknown facets are dropped, unknown sort or filter attributes throw. */
export function toSearchParams(
  request: SearchRequest,
  definition: IndexDefinition,
): SearchParams & { q: string } {
  const q = truncateQuery(request.query);
  const rules = request.sort?.length ? request.sort : q === '' ? definition.browseSort : [];
  const filter = buildFilter(request.filter, definition);
  const facets = (request.facets ?? []).filter((facet) => definition.facetable.includes(facet));
  return {
    q,
    // words are dropped by their place in the query, never by their frequency: "frequency" counts
    // them over the whole index, documents the filter hides included (docs/architecture.md)
    matchingStrategy: 'last',
    ...(filter === undefined ? {} : { filter }),
    ...(facets.length ? { facets } : {}),
    ...(rules.length ? { sort: sortParameter(rules, definition) } : {}),
    offset: request.offset,
    limit: request.limit,
    attributesToRetrieve: ['id'],
    ...(request.highlight === false
      ? {}
      : {
          attributesToHighlight: [...definition.highlight],
          highlightPreTag: HIGHLIGHT_START,
          highlightPostTag: HIGHLIGHT_END,
          attributesToCrop: [...definition.cropped],
          cropLength: CROP_LENGTH,
          cropMarker: CROP_MARKER,
        }),
    showMatchesPosition: false,
  };
}

/** Only attributes the query matched: Meilisearch returns every requested attribute in `_formatted`, matched or not. */
function highlights(hit: Hit, definition: IndexDefinition): Record<string, string> {
  const formatted: Record<string, unknown> = hit._formatted ?? {};
  const out: Record<string, string> = {};
  for (const attribute of definition.highlight) {
    const value = formatted[attribute];
    if (typeof value === 'string' && value.includes(HIGHLIGHT_START)) out[attribute] = value;
  }
  return out;
}

/**
 * A Meilisearch response as the port's result. Every requested facet gets an entry,
 * empty when no hit has a value for it (as the embedded engine reports them).
 */
export function fromSearchResponse(
  response: SearchResponse,
  definition: IndexDefinition,
  facets: string[] = [],
): SearchResult {
  const hits: SearchHit[] = response.hits.map((hit) => ({
    id: String(hit.id),
    highlights: highlights(hit, definition),
  }));
  const facetDistribution: Record<string, Record<string, number>> = Object.fromEntries(
    facets.filter((facet) => definition.facetable.includes(facet)).map((facet) => [facet, {}]),
  );
  Object.assign(facetDistribution, response.facetDistribution ?? {});
  return {
    hits,
    totalHits: response.estimatedTotalHits ?? response.totalHits ?? hits.length,
    facetDistribution,
    processingTimeMs: response.processingTimeMs,
  };
}
