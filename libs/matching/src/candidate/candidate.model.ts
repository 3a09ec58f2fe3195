import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';
import { CompanyNeed, ResearchSeed } from '#libs/catalog';

export enum MatchPathway {
  JOINT_RESEARCH = 'joint-research',
  COMMERCIALIZATION = 'commercialization',
  VENTURE_CREATION = 'venture-creation',
}
registerEnumType(MatchPathway, {
  name: 'MatchPathway',
  description:
    'JOINT_RESEARCH: research-stage work together; COMMERCIALIZATION: licence or product from a ready, protected seed; VENTURE_CREATION: a new company.',
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

@ObjectType({
  description: 'What anyone proposed a need may know of it: no text, no company when it is confidential.',
})
export class NeedSummary {
  @Field(() => BilingualText, {
    description: 'The need’s title, or “A confidential need” when the viewer may not read it.',
  })
  title: BilingualText;

  @Field(() => [String])
  fields: string[];

  @Field(() => [String])
  desiredCollaboration: string[];

  @Field(() => Int, { nullable: true })
  trlMin: number | null;

  @Field(() => Int, { nullable: true })
  trlMax: number | null;

  @Field(() => String, { nullable: true })
  prefecture: string | null;
}

@ObjectType({ description: 'An open company need a seed could answer, with its score and reasons.' })
export class NeedCandidate {
  @Field(() => CompanyNeed, {
    nullable: true,
    description: 'Null while the need is confidential to this viewer (until a coordinator introduces them).',
  })
  need: CompanyNeed | null;

  @Field()
  confidential: boolean;

  @Field(() => NeedSummary)
  summary: NeedSummary;

  @Field(() => Float)
  score: number;

  @Field(() => MatchPathway)
  pathway: MatchPathway;

  @Field(() => [MatchReason])
  reasons: MatchReason[];
}
