import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BilingualText, VersionedRecord, WithAuthor } from '#libs/core';
import { EventKind } from './event-kind.js';
import { EventStatus } from './event-status.js';

/** An event coordinators run: an exchange meeting, a presentation meeting, a seminar, the summit… */
@ObjectType({
  description: 'An event: 研究交流会, 研究発表会, seminar, regional report, 研究会 or the summit.',
})
@Entity()
@Index(['startsAt', 'id'])
export class Event extends WithAuthor(VersionedRecord) {
  @Field(() => EventKind)
  @Column({ type: 'text' })
  kind: EventKind;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'title' })
  title: BilingualText;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'description' })
  description: BilingualText;

  @Field()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field({ description: 'IANA time zone the event is held in (Asia/Tokyo by default).' })
  @Column({ type: 'text', default: 'Asia/Tokyo' })
  timeZone: string;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'venue_name' })
  venueName: BilingualText;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  venueAddress: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  capacity: number | null;

  /** Directory organization ids. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  organizerIds: string[];

  /** Catalog program ids. */
  @Column({ type: 'uuid', array: true, default: '{}' })
  programIds: string[];

  @Field(() => EventStatus)
  @Index()
  @Column({ type: 'text', default: EventStatus.DRAFT })
  status: EventStatus;
}
