import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CandidatesArgs } from './candidates.args.js';

@ArgsType()
export class CandidatesForSeedArgs extends CandidatesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'seedId must be a seed id' })
  seedId: string;
}
