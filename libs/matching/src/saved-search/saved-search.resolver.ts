import { Args, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Allow, CurrentViewer, type SignedInViewer } from '#libs/core';
import { SeedSearchFilter } from '#libs/search';
import { SavedSearch } from './saved-search.entity.js';
import { SavedSearchService } from './saved-search.service.js';

@InputType()
export class SaveSearchInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @Field(() => String, { defaultValue: '' })
  @IsString()
  @MaxLength(200)
  query = '';

  @Field(() => SeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeedSearchFilter)
  filter?: SeedSearchFilter;
}

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
  deleteSavedSearch(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.searches.remove(id, viewer);
  }
}
