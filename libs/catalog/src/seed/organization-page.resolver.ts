import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type Viewer } from '#libs/core';
import { Organization } from '#libs/directory';
import { NeedQueryService } from '../need/need-query.service.js';
import { ProfileSeedsArgs } from './dto/profile-seeds.args.js';
import { SeedConnection } from './seed.model.js';
import { SeedQueryService } from './seed-query.service.js';

/** What an organization's page shows of the catalog: an institution's seeds, a company's open public needs. */
@Resolver(() => Organization)
export class OrganizationPageResolver {
  constructor(
    private readonly seedQueries: SeedQueryService,
    private readonly needQueries: NeedQueryService,
  ) {}

  @ResolveField(() => SeedConnection, {
    description: 'The institution’s seeds: published ones; drafts only for those who may see them.',
  })
  seeds(
    @Parent() organization: Organization,
    @Args() args: ProfileSeedsArgs,
    @CurrentViewer() viewer: Viewer,
  ) {
    return this.seedQueries.ofInstitution(organization.id, args, viewer);
  }

  @ResolveField(() => Int, {
    description: 'How many open needs of the company anyone may read (never counts confidential ones).',
  })
  publicNeedCount(@Parent() organization: Organization): Promise<number> {
    return this.needQueries.openPublicCount(organization.id);
  }
}
