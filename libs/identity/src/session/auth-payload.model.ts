import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../account/user.entity.js';

@ObjectType({ description: 'Tokens for a signed-in session. Send accessToken as "Authorization: Bearer …".' })
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Good for one refreshToken call, which returns a new one.' })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => User)
  user: User;

  /** Not exposed: lets the rest of the response be rendered for the account just signed in. */
  sessionId: string;
}
