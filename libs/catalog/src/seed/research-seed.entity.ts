import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, type Relation } from 'typeorm';
import { BilingualText, VersionedRecord, WithAuthor, WithExternalId } from '#libs/core';
import { Organization, Person } from '#libs/directory';

export enum SeedStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}
registerEnumType(SeedStatus, { name: 'SeedStatus' });

/** A research seed (研究シーズ): what a lab can offer industry, at what readiness, under what IP. */
@ObjectType({
  description: 'A research seed (研究シーズ): what researchers can offer, at what readiness, under what IP.',
})
@Entity()
export class ResearchSeed extends WithAuthor(WithExternalId(VersionedRecord)) {
  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'summary' })
  summary: BilingualText;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: '{}' })
  keywords: string[];

  @Field(() => [String], { description: 'fields codes from the taxonomy.' })
  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  @Index()
  @Column({ type: 'uuid' })
  institutionId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'institution_id' })
  institution?: Relation<Organization>;

  @ManyToMany(() => Person)
  @JoinTable({
    name: 'seed_researcher',
    joinColumn: { name: 'seed_id' },
    inverseJoinColumn: { name: 'person_id' },
  })
  researchers?: Relation<Person[]>;

  @Field(() => Int, { nullable: true, description: 'Technology readiness level, 1 to 9.' })
  @Index()
  @Column({ type: 'smallint', nullable: true })
  trl: number | null;

  @Field({ description: 'ipStatuses code: none, pending, granted, licensed.' })
  @Column({ type: 'text', default: 'none' })
  ipStatus: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: '{}' })
  patents: string[];

  @Field(() => [String], { description: 'collaborationTypes codes the researchers offer.' })
  @Column({ type: 'text', array: true, default: '{}' })
  collaborationTypes: string[];

  @Field(() => [String], { description: 'Industries or uses foreseen.' })
  @Column({ type: 'text', array: true, default: '{}' })
  applications: string[];

  /** Program codes. */
  @Column({ type: 'text', array: true, default: '{}' })
  programCodes: string[];

  @Field(() => SeedStatus)
  @Index()
  @Column({ type: 'text', default: 'draft' })
  status: SeedStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'After this date the seed is flagged for review (still searchable).',
  })
  @Column({ type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;
}
