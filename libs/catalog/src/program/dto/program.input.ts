import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { DescriptionInput, NameInput, NestedInput, PageArgs } from '#libs/core';

export const CODE_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

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

@InputType()
export class UpdateProgramInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  name?: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;
}

@ArgsType()
export class ProgramArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE_PATTERN)
  @MaxLength(100)
  code?: string;
}

@ArgsType()
export class ProgramsArgs extends PageArgs {}
