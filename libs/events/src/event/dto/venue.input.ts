import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';

@InputType()
export class VenueInput {
  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  address?: string | null;
}
