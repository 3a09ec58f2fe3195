import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsTaxonomyCode, NestedInput } from '#libs/core';
import { CODE_PATTERN, TitleInput } from '../../catalog-inputs.js';
import { SummaryInput, WithSeedContent } from './seed-content.input.js';

@InputType()
export class CreateSeedInput extends WithSeedContent(class {}) {
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
