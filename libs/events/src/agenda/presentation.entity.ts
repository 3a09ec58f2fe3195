import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BilingualText, VersionedRecord } from '#libs/core';
import { Event } from '../event/event.entity.js';
import { EventSession } from './event-session.entity.js';

/** A presentation in a session: of a seed or free-standing, by its presenters, in a slot. */
@ObjectType({ description: 'A presentation in a session: of a seed or free-standing, in a time slot.' })
@Entity()
@Index(['eventId', 'startsAt'])
export class Presentation extends VersionedRecord {
  /** Kept beside the session so clashes within an event are one query. */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => EventSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<EventSession>;

  /** The research seed presented, if any (shown only to viewers who may read it). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  seedId: string | null;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  /** Directory person ids. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  presenterIds: string[];

  @Field()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'The session’s room unless given.' })
  @Column({ type: 'text', nullable: true })
  room: string | null;
}
