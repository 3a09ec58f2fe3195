import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class RequestAffiliationArgs {
  @Field(() => ID, {
    description: 'The organization to join: an academic body for researchers, a company for company members.',
  })
  @IsUUID()
  organizationId: string;
}
