import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { RecordVersionInput } from '#libs/core';
import { DeclineReason, ProposalState } from '../proposal-state-machine.js';

@InputType()
export class MoveProposalInput extends RecordVersionInput {
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
