import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsTaxonomyCode, PageArgs } from '#libs/core';

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
