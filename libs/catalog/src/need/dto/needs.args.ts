import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsTaxonomyCode, PageArgs } from '#libs/core';
import { CODE_PATTERN } from '../../catalog-inputs.js';
import { NeedStatus } from '../company-need.entity.js';

@ArgsType()
export class NeedsArgs extends PageArgs {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(CODE_PATTERN, { each: true })
  programCodes?: string[];

  @Field(() => [NeedStatus], { nullable: true, description: 'Default: OPEN.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(NeedStatus, { each: true })
  statuses?: NeedStatus[];
}
