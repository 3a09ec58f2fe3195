import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CandidatesArgs } from './candidates.args.js';

@ArgsType()
export class CandidatesForCompanyArgs extends CandidatesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'organizationId must be an organization id' })
  organizationId: string;
}
