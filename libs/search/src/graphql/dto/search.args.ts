import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsTaxonomyCode } from '#libs/core';
import { NeedStatus, SeedStatus } from '#libs/catalog';

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

const LIST = 20;

@InputType()
export class SeedSearchFilter {
  @Field(() => [String], { nullable: true, description: 'fields codes (any of them).' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [String], { nullable: true, description: 'Institution ids.' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsUUID('all', { each: true })
  institutionIds?: string[];

  @Field(() => [String], { nullable: true, description: 'Prefecture names, e.g. 山形県.' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  prefectures?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMin?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMax?: number;

  @Field(() => [String], { nullable: true, description: 'ipStatuses codes.' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('ipStatuses')
  ipStatuses?: string[];

  @Field(() => [String], { nullable: true, description: 'collaborationTypes codes (any of them).' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('collaborationTypes')
  collaborationTypes?: string[];

  @Field(() => [String], { nullable: true, description: 'Program codes (any of them).' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  programs?: string[];

  @Field(() => [SeedStatus], {
    nullable: true,
    description: 'Default PUBLISHED. Drafts and archives show only to whoever may see them.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SeedStatus, { each: true })
  statuses?: SeedStatus[];
}

@InputType()
export class NeedSearchFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [String], { nullable: true, description: 'Company ids.' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('collaborationTypes')
  collaborationTypes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  programs?: string[];

  @Field(() => [NeedStatus], { nullable: true, description: 'Default OPEN.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(NeedStatus, { each: true })
  statuses?: NeedStatus[];
}

@ArgsType()
class SearchArgs {
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

@ArgsType()
export class SearchSeedsArgs extends SearchArgs {
  @Field(() => SeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SeedSearchFilter)
  filter?: SeedSearchFilter;
}

@ArgsType()
export class SearchNeedsArgs extends SearchArgs {
  @Field(() => NeedSearchFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedSearchFilter)
  filter?: NeedSearchFilter;
}
