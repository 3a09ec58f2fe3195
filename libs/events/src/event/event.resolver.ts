import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  IdArg,
  Loaders,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Program } from '#libs/catalog';
import { Organization } from '#libs/directory';
import { EventSession } from '../agenda/event-session.entity.js';
import { Award } from '../award/award.entity.js';
import { CreateEventInput } from './dto/create-event.input.js';
import { EventsArgs } from './dto/events.args.js';
import { MoveEventInput } from './dto/move-event.input.js';
import { UpdateEventInput } from './dto/update-event.input.js';
import { eventCalendar } from './event-calendar.js';
import { EventQueryService } from './event-query.service.js';
import { Event } from './event.entity.js';
import { EventConnection } from './event.model.js';
import { EventService } from './event.service.js';

@Resolver(() => Event)
export class EventResolver {
  constructor(
    private readonly writes: EventService,
    private readonly queries: EventQueryService,
  ) {}

  @Allow('anyone')
  @Query(() => Event, {
    description: 'An event: published, closed or archived for everyone; drafts for staff.',
  })
  event(@IdArg() id: string, @CurrentViewer() viewer: Viewer) {
    return this.queries.get(id, viewer);
  }

  @Allow('anyone')
  @Query(() => EventConnection, { description: 'Events, soonest first; drafts only for staff.' })
  events(@Args() args: EventsArgs, @CurrentViewer() viewer: Viewer) {
    return this.queries.list(args, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Event, { description: 'Create an event (as DRAFT).' })
  createEvent(@Args('input') input: CreateEventInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.writes.create(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Event)
  updateEvent(@Args('input') input: UpdateEventInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.writes.update(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Event, {
    description:
      'Move an event: DRAFT → PUBLISHED or ARCHIVED; PUBLISHED → DRAFT, CLOSED or ARCHIVED; CLOSED → ARCHIVED.',
  })
  moveEvent(@Args('input') input: MoveEventInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.writes.move(input, viewer);
  }

  @ResolveField(() => [EventSession], { description: 'The agenda, in time order.' })
  sessions(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.sessions(loaders, event.id);
  }

  @ResolveField(() => [Award])
  awards(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.awards(loaders, event.id);
  }

  @ResolveField(() => [Organization], { description: 'The organizing organizations.' })
  organizers(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.organizers(loaders, event.organizerIds);
  }

  @ResolveField(() => [Program])
  programs(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.programs(loaders, event.programIds);
  }

  @ResolveField(() => String, { description: 'The event as an iCalendar (.ics) document, times in UTC.' })
  icalendar(@Parent() event: Event) {
    return eventCalendar(event);
  }
}
