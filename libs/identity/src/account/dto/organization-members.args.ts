import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '#libs/core';

@ArgsType()
export class OrganizationMembersArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;
}
