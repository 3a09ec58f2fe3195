import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  RecordVersionInput,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { EventQueryService } from '../event/event-query.service.js';
import { AgendaService } from './agenda.service.js';
import { AddSessionInput } from './dto/add-session.input.js';
import { UpdateSessionInput } from './dto/update-session.input.js';
import { EventSession } from './event-session.entity.js';
import { Presentation } from './presentation.entity.js';

@Resolver(() => EventSession)
export class SessionResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly queries: EventQueryService,
  ) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => EventSession, { description: 'Add a session inside the event’s time.' })
  addSession(@Args('input') input: AddSessionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.addSession(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => EventSession)
  updateSession(@Args('input') input: UpdateSessionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.updateSession(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Boolean, { description: 'Remove a session with its presentations and their awards.' })
  removeSession(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.removeSession(input, viewer);
  }

  @ResolveField(() => [Presentation], { description: 'In time order.' })
  presentations(@Parent() session: EventSession, @Loaders() loaders: RequestLoaders) {
    return this.queries.presentations(loaders, session.id);
  }
}
