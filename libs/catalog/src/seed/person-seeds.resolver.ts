import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '#libs/core';
import { Person } from '#libs/directory';
import { ProfileSeedsArgs } from './dto/profile-seeds.args.js';
import { SeedConnection } from './seed.model.js';
import { SeedQueryService } from './seed-query.service.js';

/** A person's seeds on their profile; the directory cannot know seeds, so the catalog adds the field. */
@Resolver(() => Person)
export class PersonSeedsResolver {
  constructor(private readonly seedQueries: SeedQueryService) {}

  @ResolveField(() => SeedConnection, {
    description: 'Seeds the person is listed on: published ones; drafts only for those who may see them.',
  })
  seeds(@Parent() person: Person, @Args() args: ProfileSeedsArgs, @CurrentViewer() viewer: Viewer) {
    return this.seedQueries.ofPerson(person.id, args, viewer);
  }
}
