import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { NestedInput, PageArgs } from '#libs/core';
import { EventKind } from '../event-kind.js';
import { EventStatus } from '../event-status.js';
import { IsEventTime } from './event-times.js';

@InputType()
export class EventsFilter {
  @Field(() => [EventKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @Field({ nullable: true, description: 'Events ending at or after this instant.' })
  @IsOptional()
  @IsEventTime()
  from?: Date;

  @Field({ nullable: true, description: 'Events starting before this instant.' })
  @IsOptional()
  @IsEventTime()
  to?: Date;

  @Field(() => [EventStatus], {
    nullable: true,
    description: 'Staff only (others always see published, closed and archived events).',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(EventStatus, { each: true })
  status?: EventStatus[];
}

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventsFilter, { nullable: true })
  @IsOptional()
  @NestedInput(() => EventsFilter)
  filter?: EventsFilter;
}
