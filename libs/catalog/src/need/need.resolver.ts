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
import { Organization, OrganizationService } from '#libs/directory';
import { Program } from '../program/program.entity.js';
import { ProgramService } from '../program/program.service.js';
import { CompanyNeed } from './company-need.entity.js';
import { CreateNeedInput } from './dto/create-need.input.js';
import { NeedsArgs } from './dto/needs.args.js';
import { UpdateNeedInput } from './dto/update-need.input.js';
import { NeedQueryService } from './need-query.service.js';
import { NeedService } from './need.service.js';
import { NeedConnection } from './need.model.js';

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
  programs(@Parent() need: CompanyNeed, @Loaders() loaders: RequestLoaders) {
    return this.programService.byCodes(loaders, need.programCodes);
  }
}
