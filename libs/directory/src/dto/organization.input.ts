import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, Min } from 'class-validator';
import { DescriptionInput, IsTaxonomyCode, NameInput, NestedInput, PageArgs } from '#libs/core';

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'organizationTypes code, e.g. "university", "company".' })
  @IsTaxonomyCode('organizationTypes')
  type: string;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  name: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;

  @Field(() => String, { nullable: true, description: 'e.g. 山形県' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  prefecture?: string;

  @Field(() => String, { nullable: true, description: 'e.g. 鶴岡市' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string;

  @Field(() => String, { nullable: true, description: 'Stable key in an external catalogue.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  externalId?: string;
}

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, {
    description: 'The version this edit was based on; a newer one on the server refuses the edit.',
  })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTaxonomyCode('organizationTypes')
  type?: string;

  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  name?: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  prefecture?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => [String], { nullable: true, description: 'organizationTypes codes.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('organizationTypes')
  types?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  prefecture?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, in Japanese or English.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  nameContains?: string;
}
