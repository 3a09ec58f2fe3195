import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUrl, MaxLength, Min } from 'class-validator';
import { DescriptionInput, NestedInput } from '#libs/core';

@InputType({
  description:
    'What an approved member changes of their own organization’s page; null clears an optional field.',
})
export class UpdateMyOrganizationInput {
  @Field(() => Int, {
    description: 'The version this change was based on; a newer one on the server refuses it.',
  })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;

  @Field(() => String, { nullable: true, description: 'e.g. 山形県' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  prefecture?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. 鶴岡市' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true, description: 'https only.' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;
}
