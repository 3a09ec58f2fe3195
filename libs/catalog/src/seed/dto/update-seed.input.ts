import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional } from 'class-validator';
import { IsTaxonomyCode, NestedInput, RecordVersionInput } from '#libs/core';
import { TitleInput } from '../../catalog-inputs.js';
import { SummaryInput, WithSeedContent } from './seed-content.input.js';

@InputType()
export class UpdateSeedInput extends WithSeedContent(RecordVersionInput) {
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
