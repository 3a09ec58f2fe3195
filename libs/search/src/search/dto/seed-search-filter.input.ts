import { Field, InputType, Int } from '@nestjs/graphql';
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
} from 'class-validator';
import { IsTaxonomyCode } from '#libs/core';
import { SeedStatus } from '#libs/catalog';
import { FILTER_LIST_MAX as LIST } from './search.args.js';

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
