import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { DescriptionInput, IsTaxonomyCode, NameInput, NestedInput } from '#libs/core';

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
