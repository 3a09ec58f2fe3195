import { Field, InputType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { DescriptionInput, NameInput, NestedInput, RecordVersionInput } from '#libs/core';

@InputType()
export class UpdateProgramInput extends RecordVersionInput {
  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  name?: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;
}
