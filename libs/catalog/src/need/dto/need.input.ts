import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { BilingualTextInputOf, IsTaxonomyCode, NestedInput, PageArgs } from '#libs/core';
import { CODE_PATTERN } from '../../program/dto/program.input.js';
import { TitleInput } from '../../seed/dto/seed.input.js';
import { NeedConfidentiality, NeedStatus } from '../company-need.entity.js';

export const NeedDescriptionInput = BilingualTextInputOf(10000, 'NeedDescriptionInput');
export type NeedDescriptionInput = InstanceType<typeof NeedDescriptionInput>;

@InputType({ isAbstract: true })
class NeedContentInput {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('collaborationTypes')
  desiredCollaboration?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMin?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  trlMax?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE_PATTERN, { each: true })
  programCodes?: string[];

  @Field(() => NeedConfidentiality, { nullable: true, description: 'Default COORDINATORS.' })
  @IsOptional()
  @IsEnum(NeedConfidentiality)
  confidentiality?: NeedConfidentiality;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deadline must be a date YYYY-MM-DD' })
  deadline?: string | null;
}

@InputType()
export class CreateNeedInput extends NeedContentInput {
  @Field(() => ID, { description: 'The company posting the need.' })
  @IsUUID()
  companyId: string;

  @Field(() => TitleInput)
  @NestedInput(() => TitleInput)
  title: TitleInput;

  @Field(() => NeedDescriptionInput)
  @NestedInput(() => NeedDescriptionInput)
  description: NeedDescriptionInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN)
  externalId?: string;
}

@InputType()
export class UpdateNeedInput extends NeedContentInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => TitleInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => TitleInput)
  title?: TitleInput;

  @Field(() => NeedDescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NeedDescriptionInput)
  description?: NeedDescriptionInput;
}

@ArgsType()
export class NeedsArgs extends PageArgs {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE_PATTERN, { each: true })
  programCodes?: string[];

  @Field(() => [NeedStatus], { nullable: true, description: 'Default: OPEN.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(NeedStatus, { each: true })
  statuses?: NeedStatus[];
}
