import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsTaxonomyCode } from '#libs/core';
import { NeedStatus } from '#libs/catalog';
import { FILTER_LIST_MAX as LIST } from './search.args.js';

@InputType()
export class NeedSearchFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('fields')
  fields?: string[];

  @Field(() => [String], { nullable: true, description: 'Company ids.' })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsTaxonomyCode('collaborationTypes')
  collaborationTypes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  programs?: string[];

  @Field(() => [NeedStatus], { nullable: true, description: 'Default OPEN.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(NeedStatus, { each: true })
  statuses?: NeedStatus[];
}
