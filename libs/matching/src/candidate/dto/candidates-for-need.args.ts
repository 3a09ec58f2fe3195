import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { CandidatesArgs } from './candidates.args.js';

@ArgsType()
export class CandidatesForNeedArgs extends CandidatesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'needId must be a need id' })
  needId: string;
}
