import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  Connection,
  CurrentViewer,
  Loaders,
  RecordKeyArgs,
  RecordVersionInput,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Organization, OrganizationService } from '#libs/directory';
import { Program } from '../program/program.entity.js';
import { ProgramService } from '../program/program.service.js';
import { CompanyNeed } from './company-need.entity.js';
import { CreateNeedInput, NeedsArgs, UpdateNeedInput } from './dto/need.input.js';
import { NeedQueryService } from './need-query.service.js';
import { NeedService } from './need.service.js';

const NeedConnection = Connection(CompanyNeed, 'CompanyNeed');

@Resolver(() => CompanyNeed)
export class NeedResolver {
  constructor(
    private readonly needService: NeedService,
    private readonly needQueries: NeedQueryService,
    private readonly organizations: OrganizationService,
    private readonly programService: ProgramService,
  ) {}

  @Allow('anyone')
  @Query(() => CompanyNeed, { description: 'A need by id or externalId, if the viewer may see it.' })
  need(@Args() args: RecordKeyArgs, @CurrentViewer() viewer: Viewer) {
    return this.needQueries.get(args, viewer);
  }

  @Allow('anyone')
  @Query(() => NeedConnection, {
    description: 'Public needs; a company also sees its own, coordinators see all.',
  })
  needs(@Args() args: NeedsArgs, @CurrentViewer() viewer: Viewer) {
    return this.needQueries.list(args, viewer);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @Mutation(() => CompanyNeed)
  createNeed(@Args('input') input: CreateNeedInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.needService.create(input, viewer);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @Mutation(() => CompanyNeed)
  updateNeed(@Args('input') input: UpdateNeedInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.needService.update(input, viewer);
  }

  @Allow('company-member', 'coordinator', 'admin')
  @Mutation(() => CompanyNeed)
  closeNeed(@Args('input') input: RecordVersionInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.needService.close(input, viewer);
  }

  @ResolveField(() => Organization)
  company(@Parent() need: CompanyNeed, @Loaders() loaders: RequestLoaders) {
    return this.organizations.loader(loaders).load(need.companyId);
  }

  @ResolveField(() => [Program])
  async programs(@Parent() need: CompanyNeed, @Loaders() loaders: RequestLoaders) {
    const programs = await this.programService.byCodeLoader(loaders).loadMany(need.programCodes);
    return programs.filter((program): program is Program => program instanceof Program);
  }
}
