import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BilingualText, VersionedRecord, WithAuthor, WithExternalId } from '#libs/core';
import { Organization } from '#libs/directory';

export enum NeedConfidentiality {
  PUBLIC = 'public',
  COORDINATORS = 'coordinators',
}
registerEnumType(NeedConfidentiality, {
  name: 'NeedConfidentiality',
  description: 'PUBLIC: anyone may read it. COORDINATORS: only the company and coordinators know it exists.',
});

export enum NeedStatus {
  OPEN = 'open',
  CLOSED = 'closed',
}
registerEnumType(NeedStatus, { name: 'NeedStatus' });

/** A company need (ニーズ): a problem a company wants solved with research. */
@ObjectType({ description: 'A company need (ニーズ): a problem a company wants to solve with researchers.' })
@Entity()
export class CompanyNeed extends WithAuthor(WithExternalId(VersionedRecord)) {
  @Index()
  @Column({ type: 'uuid' })
  companyId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Relation<Organization>;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'description' })
  description: BilingualText;

  @Field(() => [String], { description: 'fields codes, if the company knows them.' })
  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  @Field(() => [String], { description: 'collaborationTypes codes wanted.' })
  @Column({ type: 'text', array: true, default: '{}' })
  desiredCollaboration: string[];

  @Field(() => Int, { nullable: true, description: 'Lowest TRL the company can take on.' })
  @Column({ type: 'smallint', nullable: true })
  trlMin: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'smallint', nullable: true })
  trlMax: number | null;

  @Column({ type: 'text', array: true, default: '{}' })
  programCodes: string[];

  @Field(() => NeedConfidentiality)
  @Index()
  @Column({ type: 'text', default: NeedConfidentiality.COORDINATORS })
  confidentiality: NeedConfidentiality;

  @Field(() => NeedStatus)
  @Index()
  @Column({ type: 'text', default: NeedStatus.OPEN })
  status: NeedStatus;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;
}
