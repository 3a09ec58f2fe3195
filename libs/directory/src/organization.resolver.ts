import { Args, Field, Mutation, ObjectType, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import {
  Allow,
  BilingualText,
  Connection,
  CurrentViewer,
  RecordKeyArgs,
  taxonomy,
  taxonomyLabel,
  type SignedInViewer,
} from '#libs/core';
import {
  CreateOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './dto/organization.input.js';
import { Organization } from './organization.entity.js';
import { OrganizationService } from './organization.service.js';

const OrganizationConnection = Connection(Organization, 'Organization');

@ObjectType({ description: 'A code of the taxonomy with its labels.' })
export class TaxonomyTerm {
  @Field()
  code: string;

  @Field(() => BilingualText)
  label: BilingualText;
}

const termsOf = (entries: { code: string; ja: string; en: string }[]): TaxonomyTerm[] =>
  entries.map(({ code, ja, en }) => ({ code, label: { ja, en } }));

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
    return termsOf(taxonomy().organizationTypes);
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

  @ResolveField(() => BilingualText, { description: 'The type code’s label.' })
  typeLabel(@Parent() organization: Organization): BilingualText {
    return taxonomyLabel('organizationTypes', organization.type);
  }
}
