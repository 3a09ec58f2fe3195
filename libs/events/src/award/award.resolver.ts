import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  RecordVersionInput,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { Presentation } from '../agenda/presentation.entity.js';
import { EventQueryService } from '../event/event-query.service.js';
import { Award } from './award.entity.js';
import { AwardService } from './award.service.js';
import { GiveAwardInput } from './dto/give-award.input.js';

@Resolver(() => Award)
export class AwardResolver {
  constructor(
    private readonly awards: AwardService,
    private readonly queries: EventQueryService,
  ) {}

  @Allow('coordinator', 'admin')
  @Mutation(() => Award, { description: 'Give a prize to a presentation of the same event.' })
  giveAward(@Args('input') input: GiveAwardInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.awards.give(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Boolean)
  removeAward(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.awards.remove(input, viewer);
  }

  @ResolveField(() => Presentation, { nullable: true, description: 'The presentation awarded.' })
  presentation(@Parent() award: Award, @Loaders() loaders: RequestLoaders) {
    return this.queries.presentation(loaders, award.presentationId);
  }
}
