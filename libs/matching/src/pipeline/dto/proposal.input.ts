import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { PageArgs } from '#libs/core';
import { DeclineReason, ProposalState } from '../proposal-state-machine.js';

@InputType({ description: 'A company asks coordinators to introduce it to the researchers of a seed.' })
export class RequestIntroductionInput {
  @Field(() => ID)
  @IsUUID('all')
  seedId: string;

  @Field(() => ID, { nullable: true, description: 'The company’s need this is for, if any.' })
  @IsOptional()
  @IsUUID('all')
  needId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'A coordinator proposes a seed for a need.' })
export class ProposeMatchInput {
  @Field(() => ID)
  @IsUUID('all')
  needId: string;

  @Field(() => ID)
  @IsUUID('all')
  seedId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@InputType()
export class MoveProposalInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => ProposalState)
  @IsEnum(ProposalState)
  to: ProposalState;

  @Field(() => DeclineReason, { nullable: true, description: 'Required when declining.' })
  @IsOptional()
  @IsEnum(DeclineReason)
  declineReason?: DeclineReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

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
