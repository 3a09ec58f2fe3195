import { Inject, Injectable } from '@nestjs/common';
import {
  bilingual,
  logger,
  taxonomyLabel,
  type BilingualText,
  type RequestLoaders,
  type TaxonomyList,
  type Viewer,
} from '#libs/core';
import { NeedQueryService, NeedStatus, ProgramService, SeedQueryService, SeedStatus } from '#libs/catalog';
import { OrganizationService } from '#libs/directory';
import { INDEX_DEFINITIONS } from '../engine/index-definitions.js';
import {
  SEARCH_ENGINE,
  type Filter,
  type IndexName,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  type SortRule,
} from '../engine/search-engine.js';
import { SearchError } from '../search.errors.js';
import { SearchSort } from './dto/search.args.js';
import type { SearchNeedsArgs } from './dto/search-needs.args.js';
import type { SearchSeedsArgs } from './dto/search-seeds.args.js';
import { pickHighlight } from './highlighted-text.js';
import { decodeCursor, encodeCursor, MAX_SEARCH_DEPTH } from './search-cursor.js';
import { inList, needFilters, seedFilters } from './search-filters.js';
import { needVisibilityFilter, seedVisibilityFilter, seesEverything } from './search-visibility.js';
import { Facet, type NeedSearchResult, type SeedSearchResult } from './search.model.js';

const SORTS: Record<SearchSort, SortRule[]> = {
  [SearchSort.RELEVANCE]: [],
  [SearchSort.NEWEST]: [{ attribute: 'publishedAt', direction: 'desc' }],
  [SearchSort.OLDEST]: [{ attribute: 'publishedAt', direction: 'asc' }],
  [SearchSort.TRL_ASC]: [{ attribute: 'trl', direction: 'asc' }],
  [SearchSort.TRL_DESC]: [{ attribute: 'trl', direction: 'desc' }],
};

/** Facet attribute → where its labels come from. */
const TAXONOMY_FACETS: Record<string, TaxonomyList> = {
  fields: 'fields',
  collaborationTypes: 'collaborationTypes',
  ipStatus: 'ipStatuses',
};

/** Search for people: the viewer's visibility, typed filters, pages and labelled facets over the engine. */
@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly seeds: SeedQueryService,
    private readonly needs: NeedQueryService,
    private readonly programs: ProgramService,
    private readonly organizations: OrganizationService,
  ) {}

  async searchSeeds(
    args: SearchSeedsArgs,
    viewer: Viewer,
    loaders: RequestLoaders,
  ): Promise<SeedSearchResult> {
    const filter = args.filter ?? {};
    const conditions: Filter[] = [
      ...inList('status', filter.statuses?.length ? filter.statuses : [SeedStatus.PUBLISHED]),
      ...seedFilters(filter),
      seedVisibilityFilter(viewer),
    ];
    const { result, offset } = await this.run('seeds', args, { all: conditions });
    const found = new Map(
      (
        await this.seeds.visibleByIds(
          result.hits.map((hit) => hit.id),
          viewer,
        )
      ).map((seed) => [seed.id, seed]),
    );
    const hits = result.hits.flatMap((hit) => {
      const seed = found.get(hit.id);
      if (!seed) return [];
      return [
        {
          seed,
          title: pickHighlight(args.query, hit.highlights, { ja: 'titleJa', en: 'titleEn' }, seed.title),
          summary: pickHighlight(
            args.query,
            hit.highlights,
            { ja: 'summaryJa', en: 'summaryEn' },
            seed.summary,
          ),
        },
      ];
    });
    return {
      hits,
      ...(await this.common(result, offset, args.first, loaders, seesEverything('seeds', viewer))),
    } as SeedSearchResult;
  }

  async searchNeeds(
    args: SearchNeedsArgs,
    viewer: Viewer,
    loaders: RequestLoaders,
  ): Promise<NeedSearchResult> {
    const filter = args.filter ?? {};
    const conditions: Filter[] = [
      ...inList('status', filter.statuses?.length ? filter.statuses : [NeedStatus.OPEN]),
      ...needFilters(filter),
      needVisibilityFilter(viewer),
    ];
    const { result, offset } = await this.run('needs', args, { all: conditions });
    const found = new Map(
      (
        await this.needs.visibleByIds(
          result.hits.map((hit) => hit.id),
          viewer,
        )
      ).map((need) => [need.id, need]),
    );
    const hits = result.hits.flatMap((hit) => {
      const need = found.get(hit.id);
      if (!need) return [];
      return [
        {
          need,
          title: pickHighlight(args.query, hit.highlights, { ja: 'titleJa', en: 'titleEn' }, need.title),
          description: pickHighlight(
            args.query,
            hit.highlights,
            { ja: 'descriptionJa', en: 'descriptionEn' },
            need.description,
          ),
        },
      ];
    });
    return {
      hits,
      ...(await this.common(result, offset, args.first, loaders, seesEverything('needs', viewer))),
    } as NeedSearchResult;
  }

  private async run(index: IndexName, args: SearchSeedsArgs | SearchNeedsArgs, filter: Filter) {
    const offset = decodeCursor(args.after);
    const definition = INDEX_DEFINITIONS[index];
    const request: SearchRequest = {
      query: args.query,
      filter,
      facets: definition.facetable,
      sort: SORTS[args.sort].filter((rule) => definition.sortable.includes(rule.attribute)),
      offset,
      limit: Math.min(args.first, MAX_SEARCH_DEPTH - offset),
    };
    try {
      return { result: await this.engine.search(index, request), offset };
    } catch (error) {
      logger('SearchService').error({ err: error, index }, 'search engine failed');
      throw SearchError.engineUnavailable();
    }
  }

  private async common(
    result: SearchResult,
    offset: number,
    first: number,
    loaders: RequestLoaders,
    seesAll: boolean,
  ) {
    const next = offset + result.hits.length;
    const hasNextPage = result.hits.length === first && next < Math.min(result.totalHits, MAX_SEARCH_DEPTH);
    return {
      totalHits: result.totalHits,
      facets: await this.facets(result.facetDistribution, loaders),
      processingTimeMs: seesAll ? result.processingTimeMs : null,
      pageInfo: { hasNextPage, endCursor: result.hits.length ? encodeCursor(next) : null },
    };
  }

  /** Facets with a label per value: taxonomy names, organization names, program names. */
  private async facets(
    distribution: Record<string, Record<string, number>>,
    loaders: RequestLoaders,
  ): Promise<Facet[]> {
    const organizations = await this.organizations.findByIds([
      ...Object.keys(distribution.institution ?? {}),
      ...Object.keys(distribution.ownerCompany ?? {}),
    ]);
    const programs = await this.programs.byCodes(loaders, Object.keys(distribution.programs ?? {}));
    const names = new Map<string, BilingualText>([
      ...organizations.map((organization) => [organization.id, organization.name] as const),
      ...programs.map((program) => [program.code, program.name] as const),
    ]);
    return Object.entries(distribution).map(([attribute, counts]) => ({
      attribute,
      values: Object.entries(counts)
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .map(([value, count]) => ({
          value,
          count,
          label: TAXONOMY_FACETS[attribute]
            ? bilingual(taxonomyLabel(TAXONOMY_FACETS[attribute], value))
            : (names.get(value) ?? null),
        })),
    }));
  }
}
