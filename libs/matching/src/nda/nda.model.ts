import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';

@ObjectType({
  description: 'The current NDA text both parties accept before confidential details are shared.',
})
export class NdaText {
  @Field()
  version: string;

  @Field(() => BilingualText)
  text: BilingualText;
}

@ObjectType({ description: 'Someone to contact on the other side, shown once both accepted the NDA.' })
export class ProposalContact {
  @Field()
  party: string;

  @Field(() => BilingualText)
  name: BilingualText;

  @Field()
  email: string;
}
