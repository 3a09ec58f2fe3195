import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { SearchArgs } from './search.args.js';
import { SeedSearchFilter } from './seed-search-filter.input.js';

@ArgsType()
export class SearchSeedsArgs extends SearchArgs {
  @Field(() => SeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeedSearchFilter)
  filter?: SeedSearchFilter;
}
