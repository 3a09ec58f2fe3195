import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  CurrentViewer,
  Loaders,
  RecordKeyArgs,
  RecordVersionInput,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Organization, OrganizationService, Person } from '#libs/directory';
import { Program } from '../program/program.entity.js';
import { ProgramService } from '../program/program.service.js';
import { CreateSeedInput } from './dto/create-seed.input.js';
import { SeedsArgs } from './dto/seeds.args.js';
import { UpdateSeedInput } from './dto/update-seed.input.js';
import { ResearchSeed } from './research-seed.entity.js';
import { SeedQueryService } from './seed-query.service.js';
import { SeedService } from './seed.service.js';
import { SeedConnection } from './seed.model.js';

@Resolver(() => ResearchSeed)
export class SeedResolver {
  constructor(
    private readonly seedService: SeedService,
    private readonly seedQueries: SeedQueryService,
    private readonly organizations: OrganizationService,
    private readonly programService: ProgramService,
  ) {}

  @Allow('anyone')
  @Query(() => ResearchSeed, {
    description: 'A seed by id or externalId; drafts only for their researchers and coordinators.',
  })
  seed(@Args() args: RecordKeyArgs, @CurrentViewer() viewer: Viewer) {
    return this.seedQueries.get(args, viewer);
  }

  @Allow('anyone')
  @Query(() => SeedConnection)
  seeds(@Args() args: SeedsArgs, @CurrentViewer() viewer: Viewer) {
    return this.seedQueries.list(args, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Mutation(() => ResearchSeed, {
    description: 'Creates a draft seed; researchers for their own institution, listing themselves.',
  })
  createSeed(@Args('input') input: CreateSeedInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.seedService.create(input, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Mutation(() => ResearchSeed)
  updateSeed(@Args('input') input: UpdateSeedInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.seedService.update(input, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Mutation(() => ResearchSeed, {
    description: 'Publishes a draft; it must state its TRL and at least one collaboration type.',
  })
  publishSeed(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.seedService.publish(input, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Mutation(() => ResearchSeed)
  archiveSeed(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.seedService.archive(input, viewer);
  }

  @Allow('researcher', 'coordinator', 'admin')
  @Mutation(() => ResearchSeed, {
    description: 'Confirms a published seed is current; its review date moves ahead.',
  })
  renewSeed(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.seedService.renew(input, viewer);
  }

  @ResolveField(() => Organization)
  institution(@Parent() seed: ResearchSeed, @Loaders() loaders: RequestLoaders) {
    return this.organizations.loader(loaders).load(seed.institutionId);
  }

  @ResolveField(() => [Person])
  researchers(@Parent() seed: ResearchSeed, @Loaders() loaders: RequestLoaders) {
    return this.seedQueries.researchersLoader(loaders).load(seed.id);
  }

  @ResolveField(() => [Program])
  programs(@Parent() seed: ResearchSeed, @Loaders() loaders: RequestLoaders) {
    return this.programService.byCodes(loaders, seed.programCodes);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description:
      'Past its review date: shown to coordinators and the institution’s researchers, null for others.',
  })
  needsReview(@Parent() seed: ResearchSeed, @CurrentViewer() viewer: Viewer): boolean | null {
    return this.seedQueries.needsReview(seed, viewer);
  }
}
