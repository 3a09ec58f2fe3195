import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';

@ObjectType({
  description:
    'The answer to every well-formed sign-up (and resendVerificationEmail), whether or not the address ' +
    'already has an account: the next step is in the e-mail sent to it.',
})
export class SignUpReceipt {
  @Field({ description: 'The address the e-mail went to, as it was normalized.' })
  email: string;

  @Field(() => BilingualText)
  message: BilingualText;
}
