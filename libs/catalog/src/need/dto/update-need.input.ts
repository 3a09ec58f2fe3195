import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { NestedInput, RecordVersionInput } from '#libs/core';
import { TitleInput } from '../../catalog-inputs.js';
import { NeedDescriptionInput, WithNeedContent } from './need-content.input.js';

@InputType()
export class UpdateNeedInput extends WithNeedContent(RecordVersionInput) {
  @Field(() => TitleInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => TitleInput)
  title?: TitleInput;

  @Field(() => NeedDescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NeedDescriptionInput)
  description?: NeedDescriptionInput;
}
