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
import { Language, type Role } from '#libs/core';
import { Organization } from '#libs/directory';
import { User, UserRole } from '../account/user.entity.js';

/**
 * An invitation by e-mail to join as a colleague (or, from an admin, as a coordinator). The token
 * is stored only as its SHA-256; it is good once, for seven days, unless revoked or replaced.
 */
@ObjectType({ description: 'An invitation you sent (coordinators and admins: anyone’s). Never its token.' })
@Entity()
@Index(['invitedBy', 'createdAt'])
export class Invitation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalized like an account's address. */
  @Field({ description: 'The address invited, as it was normalized.' })
  @Index()
  @Column({ type: 'text' })
  email: string;

  @Field(() => UserRole, { description: 'The role the account gets on accepting.' })
  @Column({ type: 'text' })
  role: Role;

  /** Null only for a coordinator's invitation. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'uuid' })
  invitedBy: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<User>;

  @Field(() => Language, { description: 'The language of the invitation e-mail.' })
  @Column({ type: 'text' })
  language: Language;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash: string;

  @Field()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acceptedUserId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_user_id' })
  acceptedUser?: Relation<User>;

  /** Revoked by the inviter or staff, or replaced by a newer invitation to the same address and organization. */
  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
