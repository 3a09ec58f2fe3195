import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { NeedSearchFilter } from './need-search-filter.input.js';
import { SearchArgs } from './search.args.js';

@ArgsType()
export class SearchNeedsArgs extends SearchArgs {
  @Field(() => NeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedSearchFilter)
  filter?: NeedSearchFilter;
}
