import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { MatchProposal } from './match-proposal.entity.js';
import { DeclineReason, ProposalState } from './proposal-state-machine.js';

/** One step of a proposal's history: who moved it where, when, and why. */
@ObjectType()
@Entity()
@Index(['proposalId', 'at'])
export class ProposalTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => MatchProposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<MatchProposal>;

  @Field(() => ProposalState, { nullable: true, description: 'Null for the step that opened the proposal.' })
  @Column({ type: 'text', nullable: true })
  fromState: ProposalState | null;

  @Field(() => ProposalState)
  @Column({ type: 'text' })
  toState: ProposalState;

  @Field(() => ID, { nullable: true, description: 'The account that made the move; null for the matcher.' })
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DeclineReason, { nullable: true })
  @Column({ type: 'text', nullable: true })
  declineReason: DeclineReason | null;
}
