import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText, Connection } from '#libs/core';
import { Organization } from './organization.entity.js';

export const OrganizationConnection = Connection(Organization, 'Organization');

@ObjectType({ description: 'A code of the taxonomy with its labels.' })
export class TaxonomyTerm {
  @Field()
  code: string;

  @Field(() => BilingualText)
  label: BilingualText;
}
