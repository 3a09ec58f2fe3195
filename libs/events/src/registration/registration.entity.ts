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
import { BilingualText, Language } from '#libs/core';
import { Event } from '../event/event.entity.js';
import { RegistrationStatus } from './registration-status.js';

/**
 * A place at an event (or on its waiting list): a signed-in user's own, or a
 * guest's, who gave a name, organization and e-mail address instead.
 */
@ObjectType({ description: 'A registration for an event: seen by the registrant and by staff only.' })
@Entity()
@Index(['eventId', 'userId'], { unique: true, where: `status <> 'cancelled'` })
@Index(['eventId', 'guestEmail'], { unique: true, where: `status <> 'cancelled'` })
@Index(['eventId', 'status', 'createdAt'])
export class Registration {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  /** The signed-in registrant; null for a guest. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column(() => BilingualText, { prefix: 'guest_name' })
  guestName: BilingualText;

  @Column({ type: 'text', nullable: true })
  guestOrganization: string | null;

  /** Stored trimmed and lower-cased. */
  @Column({ type: 'text', nullable: true })
  guestEmail: string | null;

  /** The language of a guest's e-mails (users get theirs from their account). */
  @Column({ type: 'text', default: Language.JA })
  guestLanguage: Language;

  /** sha256 of the token in the guest's confirmation e-mail that cancels the registration. */
  @Column({ type: 'text', nullable: true })
  cancelTokenHash: string | null;

  @Field(() => RegistrationStatus)
  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** When the day-before reminder was claimed for it (EventReminderService): sent once. */
  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** Registration time: the waiting list is promoted in this order. */
  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
