import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  JoinColumn,
  type Relation,
} from 'typeorm';
import { BilingualText, Language, type AffiliationStatus, type Role } from '#libs/core';
import { Organization } from '#libs/directory';

export enum UserRole {
  RESEARCHER = 'researcher',
  COMPANY_MEMBER = 'company-member',
  COORDINATOR = 'coordinator',
  ADMIN = 'admin',
}
registerEnumType(UserRole, { name: 'UserRole' });

export enum Affiliation {
  PENDING = 'pending',
  APPROVED = 'approved',
  REJECTED = 'rejected',
  /** Left its organization and asked to join no other yet (organization null). */
  NONE = 'none',
}
registerEnumType(Affiliation, {
  name: 'AffiliationStatus',
  description: 'Whether a coordinator has confirmed that the account belongs to its organization.',
  valuesMap: { NONE: { description: 'The account left its organization and asked to join no other yet.' } },
});

@ObjectType({ description: 'An account: a researcher, company member, coordinator or admin.' })
@Entity()
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; shown only to the account itself and to staff. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  passwordHash: string;

  /** When the owner proved the address (the link of the sign-up e-mail); null: no sign-in yet. */
  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'name' })
  name: BilingualText;

  @Field(() => UserRole)
  @Column({ type: 'text' })
  role: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Field(() => Affiliation)
  @Index()
  @Column({ type: 'text' })
  affiliationStatus: AffiliationStatus;

  @Column({ type: 'uuid', nullable: true })
  affiliationDecidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  affiliationDecidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The coordinator’s note on the decision.' })
  @Column({ type: 'text', nullable: true })
  affiliationNote: string | null;

  /** The language of the account's e-mails (preferences). */
  @Column({ type: 'text', default: Language.JA })
  language: Language;

  /** How each kind of notification reaches the account by e-mail (kind → delivery); absent: immediately. */
  @Column({ type: 'jsonb', default: {} })
  notificationDelivery: Record<string, string>;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null;

  /** Set by an admin: no sign-in, no session, no e-mail; the account's history stays attributed to it. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  deactivatedBy: string | null;

  /** The admin's reason; kept in the audit log too. */
  @Column({ type: 'text', nullable: true })
  deactivationReason: string | null;

  /** When its owner closed it (closeMyAccount): the row stays, anonymised, so audit entries still name it. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
