import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '#libs/core';
import { ProposalState } from '../proposal-state-machine.js';

@ArgsType()
export class ProposalsArgs extends PageArgs {
  @Field(() => [ProposalState], { nullable: true, description: 'Default: every state.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ProposalState, { each: true })
  states?: ProposalState[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  needId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  seedId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only those past (true) or within (false) their response target.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
