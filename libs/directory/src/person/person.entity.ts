import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { BilingualText } from '#libs/core';
import { Organization } from '../organization/organization.entity.js';

/**
 * A person in the directory: a researcher named on seeds, a company contact,
 * a coordinator. May or may not have an account (imported catalogues name
 * people who never signed up); `userId` links the two when they do.
 */
@ObjectType({ description: 'A researcher, company contact or coordinator, with or without an account.' })
@Entity()
export class Person {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true })
  @Index({ unique: true, where: 'external_id IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  externalId: string | null;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'name' })
  name: BilingualText;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field({ description: 'researcher, company-member or coordinator' })
  @Column({ type: 'text' })
  role: string;

  @Field(() => String, { nullable: true, description: 'e.g. 教授' })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Field(() => BilingualText, { description: 'A short introduction, at most 2,000 characters each.' })
  @Column(() => BilingualText, { prefix: 'bio' })
  bio: BilingualText;

  @Field(() => [String], { description: 'Research keywords in either language.' })
  @Column({ type: 'text', array: true, default: '{}' })
  keywords: string[];

  @Field(() => [String], { description: 'fields codes from the taxonomy.' })
  @Column({ type: 'text', array: true, default: '{}' })
  fields: string[];

  @Field(() => String, { nullable: true, description: 'researchmap page, https://researchmap.jp/…' })
  @Column({ type: 'text', nullable: true })
  researchmapUrl: string | null;

  @Field(() => String, { nullable: true, description: 'ORCID iD, e.g. 0000-0002-1825-0097.' })
  @Column({ type: 'text', nullable: true })
  orcid: string | null;

  @Field(() => String, { nullable: true, description: 'Laboratory page (https).' })
  @Column({ type: 'text', nullable: true })
  labUrl: string | null;

  /** Never shown publicly. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Index({ unique: true, where: 'user_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
