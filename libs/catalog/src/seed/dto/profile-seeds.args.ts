import { ArgsType, Field } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional } from 'class-validator';
import { PageArgs } from '#libs/core';
import { SeedStatus } from '../research-seed.entity.js';

/** The seeds of a person or an institution page. */
@ArgsType()
export class ProfileSeedsArgs extends PageArgs {
  @Field(() => [SeedStatus], {
    nullable: true,
    description: 'Default: published. Drafts and archived seeds show only to those who may see them.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(SeedStatus, { each: true })
  statuses?: SeedStatus[];
}
