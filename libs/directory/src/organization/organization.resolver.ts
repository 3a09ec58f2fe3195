import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  BilingualText,
  CurrentViewer,
  RecordKeyArgs,
  taxonomyLabel,
  type SignedInViewer,
} from '#libs/core';
import { DirectoryError } from '../directory.errors.js';
import { CreateOrganizationInput } from './dto/create-organization.input.js';
import { OrganizationsArgs } from './dto/organizations.args.js';
import { UpdateMyOrganizationInput } from './dto/update-my-organization.input.js';
import { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';
import { OrganizationConnection, TaxonomyTerm } from './organization.model.js';
import { OrganizationService } from './organization.service.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(private readonly organizationService: OrganizationService) {}

  @Allow('anyone')
  @Query(() => Organization, { description: 'An organization by id or by its catalogue externalId.' })
  organization(@Args() args: RecordKeyArgs) {
    return this.organizationService.get(args);
  }

  @Allow('anyone')
  @Query(() => OrganizationConnection)
  organizations(@Args() args: OrganizationsArgs) {
    return this.organizationService.list(args);
  }

  @Allow('anyone')
  @Query(() => [TaxonomyTerm], { description: 'The organization types, with Japanese and English labels.' })
  organizationTypes(): TaxonomyTerm[] {
    return this.organizationService.types();
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Organization)
  createOrganization(@Args('input') input: CreateOrganizationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.organizationService.create(input, viewer);
  }

  @Allow('coordinator', 'admin')
  @Mutation(() => Organization)
  updateOrganization(@Args('input') input: UpdateOrganizationInput, @CurrentViewer() viewer: SignedInViewer) {
    return this.organizationService.update(input, viewer);
  }

  @Allow('researcher', 'company-member')
  @Mutation(() => Organization, {
    description: 'An approved member edits their own organization’s description, place and website.',
  })
  updateMyOrganization(
    @Args('input') input: UpdateMyOrganizationInput,
    @CurrentViewer() viewer: SignedInViewer,
  ) {
    const { organizationId } = viewer;
    // @Allow admits approved members only, who always have an organization
    if (!organizationId) throw DirectoryError.organizationNotFound('', 'input');
    return this.organizationService.updateOwn(input, { ...viewer, organizationId });
  }

  @ResolveField(() => BilingualText, { description: 'The type code’s label.' })
  typeLabel(@Parent() organization: Organization): BilingualText {
    return taxonomyLabel('organizationTypes', organization.type);
  }
}
