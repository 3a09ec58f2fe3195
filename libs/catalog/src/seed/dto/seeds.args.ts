import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsTaxonomyCode, PageArgs } from '#libs/core';
import { CODE_PATTERN } from '../../catalog-inputs.js';
import { SeedStatus } from '../research-seed.entity.js';

@ArgsType()
export class SeedsArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'Seeds in any of these fields.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  institutionIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE_PATTERN, { each: true })
  programCodes?: string[];

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

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('collaborationTypes')
  collaborationTypes?: string[];

  @Field(() => [SeedStatus], {
    nullable: true,
    description: 'Default: published. Drafts and archived seeds show only to those who may see them.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SeedStatus, { each: true })
  statuses?: SeedStatus[];
}
