import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DeclineReason, ProposalState } from '../proposal/proposal-state-machine.js';

@ObjectType()
export class StateReport {
  @Field(() => ProposalState)
  state: ProposalState;

  @Field(() => Int, { description: 'Proposals in this state now.' })
  current: number;

  @Field(() => Int, { description: 'Of those, past their response target.' })
  overdue: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Median days proposals spent in this state before leaving it; null when none has left it yet.',
  })
  medianDays: number | null;

  @Field(() => Int, { description: 'How many stays that median is taken over.' })
  completedStays: number;
}

@ObjectType()
export class DeclineReasonCount {
  @Field(() => DeclineReason)
  reason: DeclineReason;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'The pipeline at a glance, for coordinators.' })
export class PipelineReport {
  @Field(() => [StateReport])
  states: StateReport[];

  @Field(() => [DeclineReasonCount])
  declineReasons: DeclineReasonCount[];
}
