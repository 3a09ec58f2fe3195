import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BilingualText, VersionedRecord } from '#libs/core';
import { Event } from '../event/event.entity.js';

/** A block of an event's agenda, in one room. */
@ObjectType({ description: 'A block of an event’s agenda, in one room.' })
@Entity()
export class EventSession extends VersionedRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  @Field()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  room: string | null;
}
