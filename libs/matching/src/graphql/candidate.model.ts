import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { BilingualText } from '#libs/core';
import { ResearchSeed } from '#libs/catalog';

export enum MatchPathway {
  JOINT_RESEARCH = 'joint-research',
  COMMERCIALIZATION = 'commercialization',
  VENTURE_CREATION = 'venture-creation',
}
registerEnumType(MatchPathway, {
  name: 'MatchPathway',
  description: 'JOINT_RESEARCH: research-stage work together; COMMERCIALIZATION: licence or product from a ready, protected seed; VENTURE_CREATION: a new company.',
});

@ObjectType({ description: 'One factor of a candidate’s score.' })
export class MatchReason {
  @Field({ description: 'text, fields, collaboration, trl, ip, locality, programs or freshness.' })
  factor: string;

  @Field(() => Float, { description: 'The factor’s weight in the score.' })
  weight: number;

  @Field(() => Float, { description: 'How well the candidate does on it, 0 to 1.' })
  value: number;

  @Field(() => BilingualText)
  message: BilingualText;
}

@ObjectType({ description: 'A research seed proposed for a need, with its score and the reasons for it.' })
export class SeedCandidate {
  @Field(() => ResearchSeed)
  seed: ResearchSeed;

  @Field(() => Float, { description: '0 to 1: the weighted mean of the reasons’ values.' })
  score: number;

  @Field(() => MatchPathway)
  pathway: MatchPathway;

  @Field(() => [MatchReason], { description: 'Strongest first.' })
  reasons: MatchReason[];
}

@ArgsType()
export class CandidatesForNeedArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'needId must be a need id' })
  needId: string;

  @Field(() => Int, { defaultValue: 10, description: '1 to 50.' })
  @IsInt()
  @Min(1)
  @Max(50)
  first = 10;
}
