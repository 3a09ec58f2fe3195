import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, type Viewer } from '#libs/core';
import { SearchService } from '../search.service.js';
import { SearchNeedsArgs, SearchSeedsArgs } from './dto/search.args.js';
import { NeedSearchResult, SeedSearchResult } from './search.model.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly search: SearchService) {}

  @Allow('anyone')
  @Query(() => SeedSearchResult, {
    description: 'Research seeds by text (Japanese or English), filters and facets. An empty query browses.',
  })
  searchSeeds(@Args() args: SearchSeedsArgs, @CurrentViewer() viewer: Viewer) {
    return this.search.searchSeeds(args, viewer);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @Query(() => NeedSearchResult, {
    description: 'Company needs: coordinators search all; a company finds its own and public ones.',
  })
  searchNeeds(@Args() args: SearchNeedsArgs, @CurrentViewer() viewer: Viewer) {
    return this.search.searchNeeds(args, viewer);
  }
}
