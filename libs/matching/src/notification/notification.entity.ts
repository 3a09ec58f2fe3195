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
import { BilingualText } from '#libs/core';
import { User } from '#libs/identity';

/** An in-app notification for one account, written in the same transaction as what it reports. */
@ObjectType({ description: 'Something that happened that this account should know about.' })
@Entity()
@Index(['userId', 'createdAt'])
@Index('notification_digest_pending', ['createdAt'], { where: 'digest_pending' })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Field({ description: 'proposal-opened, introduced, new-candidate, saved-search-match…' })
  @Column({ type: 'text' })
  kind: string;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  proposalId: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  seedId: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  readAt: Date | null;

  /** Waits for its recipient's daily digest e-mail (their delivery for this kind is DAILY_DIGEST). */
  @Column({ type: 'boolean', default: false })
  digestPending: boolean;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
