import { ArgsType, Field, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export enum SearchSort {
  RELEVANCE = 'relevance',
  NEWEST = 'newest',
  OLDEST = 'oldest',
  TRL_ASC = 'trl-asc',
  TRL_DESC = 'trl-desc',
}
registerEnumType(SearchSort, {
  name: 'SearchSort',
  description:
    'RELEVANCE by default (newest first when browsing without a query). TRL orders apply to seeds.',
});

/** At most this many values in one list filter. */
export const FILTER_LIST_MAX = 20;

/** What searchSeeds and searchNeeds share: the query, the order and the page. */
@ArgsType()
export class SearchArgs {
  @Field(() => String, {
    defaultValue: '',
    description: 'What to look for, in Japanese or English; empty browses with the filter.',
  })
  @IsString()
  @MaxLength(200)
  query = '';

  @Field(() => SearchSort, { defaultValue: SearchSort.RELEVANCE })
  @IsEnum(SearchSort)
  sort = SearchSort.RELEVANCE;

  @Field(() => Int, { defaultValue: 20, description: 'Page size, 1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}
