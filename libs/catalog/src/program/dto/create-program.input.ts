import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, Matches } from 'class-validator';
import { DescriptionInput, NameInput, NestedInput } from '#libs/core';
import { CODE_PATTERN } from '../../catalog-inputs.js';

@InputType()
export class CreateProgramInput {
  @Field({ description: 'Stable code, e.g. prog-kampo: letters, digits, . _ : -' })
  @Matches(CODE_PATTERN, { message: 'code must be 1-100 letters, digits or . _ : -' })
  code: string;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;
}
