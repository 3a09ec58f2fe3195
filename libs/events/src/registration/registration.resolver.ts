import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  BilingualText,
  CurrentViewer,
  IdArg,
  Loaders,
  PageArgs,
  RateLimit,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Event } from '../event/event.entity.js';
import { CancelRegistrationInput } from './dto/cancel-registration.input.js';
import { EventRegistrationsArgs } from './dto/event-registrations.args.js';
import { RegisterForEventInput } from './dto/register-for-event.input.js';
import { RegistrationQueryService } from './registration-query.service.js';
import { Registration } from './registration.entity.js';
import { RegistrationConnection } from './registration.model.js';
import { RegistrationService } from './registration.service.js';

@Resolver(() => Registration)
export class RegistrationResolver {
  constructor(
    private readonly writes: RegistrationService,
    private readonly queries: RegistrationQueryService,
  ) {}

  @Allow('anyone')
  @RateLimit('sign-up')
  @Mutation(() => Registration, {
    description:
      'Register for a published event: signed in, yourself; otherwise as a guest (guest details required, ' +
      'a confirmation e-mail with a cancel link is sent). When the event is full the answer is WAITLISTED.',
  })
  registerForEvent(@Args('input') input: RegisterForEventInput, @CurrentViewer() viewer: Viewer) {
    return this.writes.register(input, viewer);
  }

  @Allow('anyone')
  @Mutation(() => Registration, {
    description:
      'Cancel a registration: your own, a guest’s with the token from its e-mail, or any for staff. ' +
      'A freed place goes to the first on the waiting list.',
  })
  cancelRegistration(@Args('input') input: CancelRegistrationInput, @CurrentViewer() viewer: Viewer) {
    return this.writes.cancel(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Registration, { description: 'Check a registrant in at the door (again: no change).' })
  checkIn(@IdArg() id: string, @CurrentViewer() viewer: SignedInViewer) {
    return this.writes.checkIn(id, viewer);
  }

  @Allow('coordinator', 'admin')
  @Query(() => RegistrationConnection, { description: 'An event’s registrations, in registration order.' })
  eventRegistrations(@Args() args: EventRegistrationsArgs) {
    return this.queries.forEvent(args);
  }

  @Allow('signed-in')
  @Query(() => RegistrationConnection, { description: 'Your registrations, newest first.' })
  myRegistrations(@Args() args: PageArgs, @CurrentViewer() viewer: SignedInViewer) {
    return this.queries.mine(args, viewer);
  }

  @Allow('coordinator', 'admin')
  @Query(() => String, {
    description:
      'The roster of registered and waitlisted people as CSV (UTF-8 with a BOM; name, organization, ' +
      'e-mail, status, registered at and checked in at, Tokyo time).',
  })
  eventRoster(@IdArg('eventId') eventId: string) {
    return this.queries.roster(eventId);
  }

  @ResolveField(() => BilingualText, { description: 'The registrant’s name.' })
  async name(@Parent() registration: Registration, @Loaders() loaders: RequestLoaders) {
    return (await this.queries.registrant(loaders, registration)).name;
  }

  @ResolveField(() => String, { description: 'The registrant’s organization.' })
  async organization(@Parent() registration: Registration, @Loaders() loaders: RequestLoaders) {
    return (await this.queries.registrant(loaders, registration)).organization;
  }

  @ResolveField(() => String, { description: 'The registrant’s e-mail address.' })
  async email(@Parent() registration: Registration, @Loaders() loaders: RequestLoaders) {
    return (await this.queries.registrant(loaders, registration)).email;
  }

  @ResolveField(() => Boolean, { description: 'Registered without an account.' })
  guest(@Parent() registration: Registration) {
    return registration.userId === null;
  }

  @ResolveField(() => Event, { nullable: true })
  event(
    @Parent() registration: Registration,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.queries.event(loaders, viewer, registration.eventId);
  }
}
