import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, Loaders, RateLimit, type RequestLoaders, type Viewer } from '#libs/core';
import { SearchNeedsArgs } from './dto/search-needs.args.js';
import { SearchSeedsArgs } from './dto/search-seeds.args.js';
import { NeedSearchResult, SeedSearchResult } from './search.model.js';
import { SearchService } from './search.service.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Allow('anyone')
  @RateLimit('search')
  @Query(() => SeedSearchResult, {
    description: 'Research seeds by text (Japanese or English), filters and facets. An empty query browses.',
  })
  searchSeeds(
    @Args() args: SearchSeedsArgs,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: RequestLoaders,
  ) {
    return this.search.searchSeeds(args, viewer, loaders);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @RateLimit('search')
  @Query(() => NeedSearchResult, {
    description: 'Company needs: coordinators search all; a company finds its own and public ones.',
  })
  searchNeeds(
    @Args() args: SearchNeedsArgs,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: RequestLoaders,
  ) {
    return this.search.searchNeeds(args, viewer, loaders);
  }
}
