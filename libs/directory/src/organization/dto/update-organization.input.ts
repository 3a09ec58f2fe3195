import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { DescriptionInput, IsTaxonomyCode, NameInput, NestedInput, RecordVersionInput } from '#libs/core';

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateOrganizationInput extends RecordVersionInput {
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
