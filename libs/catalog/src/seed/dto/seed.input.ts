import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { BilingualTextInputOf, IsTaxonomyCode, NestedInput, PageArgs } from '#libs/core';
import { CODE_PATTERN } from '../../program/dto/program.input.js';
import { SeedStatus } from '../research-seed.entity.js';

export const TitleInput = BilingualTextInputOf(300, 'TitleInput');
export type TitleInput = InstanceType<typeof TitleInput>;
export const SummaryInput = BilingualTextInputOf(10000, 'SummaryInput');
export type SummaryInput = InstanceType<typeof SummaryInput>;

/** The editable content of a seed, shared by create and update. */
@InputType({ isAbstract: true })
class SeedContentInput {
  @Field(() => [String], { nullable: true, description: 'Keywords in either language, at most 50.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  keywords?: string[];

  @Field(() => [ID], { nullable: true, description: 'People (directory ids) behind the seed.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  researcherIds?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trl?: number | null;

  @Field(() => String, { nullable: true, description: 'ipStatuses code; default none.' })
  @IsOptional()
  @IsTaxonomyCode('ipStatuses')
  ipStatus?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  patents?: string[];

  @Field(() => [String], { nullable: true, description: 'collaborationTypes codes offered.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('collaborationTypes')
  collaborationTypes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  applications?: string[];

  @Field(() => [String], { nullable: true, description: 'Program codes.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE_PATTERN, { each: true })
  programCodes?: string[];
}

@InputType()
export class CreateSeedInput extends SeedContentInput {
  @Field(() => TitleInput)
  @NestedInput(() => TitleInput)
  title: TitleInput;

  @Field(() => SummaryInput)
  @NestedInput(() => SummaryInput)
  summary: SummaryInput;

  @Field(() => [String], { description: 'fields codes, one to 20.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields: string[];

  @Field(() => ID, { description: 'The institution (organization) offering the seed.' })
  @IsUUID()
  institutionId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN)
  externalId?: string;
}

@InputType()
export class UpdateSeedInput extends SeedContentInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version this edit was based on.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => TitleInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => TitleInput)
  title?: TitleInput;

  @Field(() => SummaryInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => SummaryInput)
  summary?: SummaryInput;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];
}

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
