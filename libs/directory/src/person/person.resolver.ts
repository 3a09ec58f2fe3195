import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Loaders, RecordKeyArgs, type RequestLoaders } from '#libs/core';
import { Organization } from '../organization/organization.entity.js';
import { OrganizationService } from '../organization/organization.service.js';
import { Person } from './person.entity.js';
import { PersonService } from './person.service.js';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly people: PersonService,
    private readonly organizations: OrganizationService,
  ) {}

  @Allow('anyone')
  @Query(() => Person, {
    description: 'A person of the directory by id or catalogue externalId (never their email).',
  })
  person(@Args() args: RecordKeyArgs) {
    return this.people.get(args);
  }

  @ResolveField(() => Organization)
  organization(@Parent() person: Person, @Loaders() loaders: RequestLoaders) {
    return this.organizations.loader(loaders).load(person.organizationId);
  }
}
