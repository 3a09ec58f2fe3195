import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';

@ObjectType({
  description:
    'The answer to a password request. For requestPasswordReset it is the same whether or not the address ' +
    'has an account: the next step is in the e-mail.',
})
export class PasswordReceipt {
  @Field(() => BilingualText)
  message: BilingualText;
}
