import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';

@ObjectType({
  description:
    'The answer to a change of e-mail address. For requestEmailChange it is the same whether or not the ' +
    'new address has an account: the next step is in the e-mail sent to it.',
})
export class EmailReceipt {
  @Field({ description: 'The address concerned, as it was normalized.' })
  email: string;

  @Field(() => BilingualText)
  message: BilingualText;
}
