import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders, type RequestLoaders } from '#libs/core';
import { Event } from '../event/event.entity.js';
import { RegistrationQueryService } from './registration-query.service.js';
import { RegistrationStatus } from './registration-status.js';

/** The public face of registrations: how many, never who. */
@Resolver(() => Event)
export class RegistrationCountsResolver {
  constructor(private readonly queries: RegistrationQueryService) {}

  @ResolveField(() => Int, { description: 'Places taken (REGISTERED).' })
  registrationCount(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.count(loaders, event.id, RegistrationStatus.REGISTERED);
  }

  @ResolveField(() => Int, { description: 'People on the waiting list.' })
  waitlistCount(@Parent() event: Event, @Loaders() loaders: RequestLoaders) {
    return this.queries.count(loaders, event.id, RegistrationStatus.WAITLISTED);
  }
}
