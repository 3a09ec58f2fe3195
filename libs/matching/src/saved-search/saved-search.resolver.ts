import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentViewer, IdArg, type SignedInViewer } from '#libs/core';
import { SaveSearchInput } from './dto/save-search.input.js';
import { SavedSearch } from './saved-search.entity.js';
import { SavedSearchService } from './saved-search.service.js';

@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  constructor(private readonly searches: SavedSearchService) {}

  @Allow('company-member')
  @Query(() => [SavedSearch])
  savedSearches(@CurrentViewer() viewer: SignedInViewer) {
    return this.searches.list(viewer);
  }

  @Allow('company-member')
  @Mutation(() => SavedSearch, {
    description: 'Keep a seed search; you are notified when a newly published seed matches it.',
  })
  saveSearch(@Args('input') input: SaveSearchInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.searches.save(input, viewer);
  }

  @Allow('company-member')
  @Mutation(() => Boolean)
  deleteSavedSearch(@IdArg() id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.searches.remove(id, viewer);
  }
}
