import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { NestedInput } from '#libs/core';
import { CODE_PATTERN, TitleInput } from '../../catalog-inputs.js';
import { NeedDescriptionInput, WithNeedContent } from './need-content.input.js';

@InputType()
export class CreateNeedInput extends WithNeedContent(class {}) {
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
