import { Field, Float, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedRecord, WithAuthor } from '#libs/core';
import { CompanyNeed, ResearchSeed } from '#libs/catalog';
import { Organization } from '#libs/directory';
import { MatchPathway, MatchReason } from '../candidate/candidate.model.js';
import { DeclineReason, ProposalState } from './proposal-state-machine.js';

registerEnumType(ProposalState, {
  name: 'ProposalState',
  description:
    'requested (a company asked) or proposed (by the matcher or a coordinator) → shortlisted → introduced → meeting → nda → agreement → closed; or declined / withdrawn.',
});
registerEnumType(DeclineReason, { name: 'DeclineReason' });

/**
 * A seed proposed for a need (or a company without one), carried by
 * coordinators from proposal to agreement. createdByUserId is null when the
 * matcher opened it.
 */
@ObjectType({
  description: 'A research seed matched with a company need (or a company), on its way to an agreement.',
})
@Entity()
@Index(['needId', 'seedId'], { unique: true, where: 'need_id IS NOT NULL' })
@Index(['companyId', 'seedId'], { unique: true, where: 'need_id IS NULL' })
export class MatchProposal extends WithAuthor(VersionedRecord) {
  @Index()
  @Column({ type: 'uuid', nullable: true })
  needId: string | null;

  @ManyToOne(() => CompanyNeed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'need_id' })
  needRecord?: Relation<CompanyNeed>;

  /** The company side: the need's company, or the requesting company. */
  @Index()
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Organization>;

  @Index()
  @Column({ type: 'uuid' })
  seedId: string;

  @ManyToOne(() => ResearchSeed, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'seed_id' })
  seedRecord?: Relation<ResearchSeed>;

  @Field(() => ProposalState)
  @Index()
  @Column({ type: 'text' })
  state: ProposalState;

  @Field(() => MatchPathway)
  @Column({ type: 'text' })
  pathway: MatchPathway;

  @Field(() => Float, { nullable: true, description: 'The matcher’s score when proposed, 0 to 1.' })
  @Column({ type: 'real', nullable: true })
  score: number | null;

  @Field(() => [MatchReason])
  @Column({ type: 'jsonb', default: () => `'[]'` })
  reasons: MatchReason[];

  @Field(() => DeclineReason, { nullable: true })
  @Column({ type: 'text', nullable: true })
  declineReason: DeclineReason | null;

  /** Set when coordinators introduced the parties: from then on the seed's researchers are a party to it. */
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  introducedAt: Date | null;

  /** When it should have moved on (business days after entering its state, see response-targets.ts); null once final. */
  @Field(() => Date, { nullable: true })
  @Index()
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  /** When coordinators were last told it is overdue (once per due date). */
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  overdueNotifiedAt: Date | null;

  @Field({ description: 'When it entered its current state.' })
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  stateChangedAt: Date;
}
