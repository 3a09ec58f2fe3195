import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BilingualText, VersionedRecord } from '#libs/core';
import { Presentation } from '../agenda/presentation.entity.js';
import { Event } from '../event/event.entity.js';

/** A prize given at an event to one of its presentations (as the summit gives). */
@ObjectType({ description: 'A prize given at an event to one of its presentations.' })
@Entity()
export class Award extends VersionedRecord {
  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => Event, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<Event>;

  @Field(() => BilingualText)
  @Column(() => BilingualText, { prefix: 'prize' })
  prize: BilingualText;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  presentationId: string;

  @ManyToOne(() => Presentation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'presentation_id' })
  presentation?: Relation<Presentation>;
}
