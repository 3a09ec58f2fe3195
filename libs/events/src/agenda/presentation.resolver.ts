import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  RecordVersionInput,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { ResearchSeed } from '#libs/catalog';
import { Person } from '#libs/directory';
import { EventQueryService } from '../event/event-query.service.js';
import { AgendaService } from './agenda.service.js';
import { AddPresentationInput } from './dto/add-presentation.input.js';
import { UpdatePresentationInput } from './dto/update-presentation.input.js';
import { Presentation } from './presentation.entity.js';

@Resolver(() => Presentation)
export class PresentationResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly queries: EventQueryService,
  ) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => Presentation, {
    description: 'Add a presentation in a session’s time; a presenter or room already taken then is refused.',
  })
  addPresentation(@Args('input') input: AddPresentationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.addPresentation(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Presentation)
  updatePresentation(@Args('input') input: UpdatePresentationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.updatePresentation(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Boolean, { description: 'Remove a presentation with its awards.' })
  removePresentation(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.agenda.removePresentation(input, viewer);
  }

  @ResolveField(() => ResearchSeed, {
    nullable: true,
    description: 'The seed presented, if the viewer may read it.',
  })
  seed(
    @Parent() presentation: Presentation,
    @Loaders() loaders: RequestLoaders,
    @CurrentViewer() viewer: Viewer,
  ) {
    return presentation.seedId ? this.queries.seed(loaders, viewer, presentation.seedId) : null;
  }

  @ResolveField(() => [Person])
  presenters(@Parent() presentation: Presentation, @Loaders() loaders: RequestLoaders) {
    return this.queries.presenters(loaders, presentation.presenterIds);
  }
}
