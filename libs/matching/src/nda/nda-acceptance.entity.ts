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
import { MatchProposal } from '../proposal/match-proposal.entity.js';

/**
 * One person's click-through acceptance: who, for which side, when, which
 * version. The NDA binds people, not sides: each person who reads what it
 * unlocks has accepted the current text themselves.
 */
@ObjectType()
@Entity()
@Index(['proposalId', 'userId', 'textVersion'], { unique: true })
export class NdaAcceptance {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => MatchProposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal?: Relation<MatchProposal>;

  @Field({ description: 'company or researcher' })
  @Column({ type: 'text' })
  party: 'company' | 'researcher';

  @Field(() => ID)
  @Column({ type: 'uuid' })
  userId: string;

  @Field()
  @Column({ type: 'text' })
  textVersion: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  acceptedAt: Date;
}
