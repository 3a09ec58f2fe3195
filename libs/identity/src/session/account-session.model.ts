import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One of your signed-in sessions (a device or browser).' })
export class AccountSession {
  @Field(() => ID)
  id: string;

  @Field({ description: 'When it signed in.' })
  createdAt: Date;

  @Field({
    description: 'When it last renewed its tokens (refreshToken); using an access token does not count.',
  })
  lastUsedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The browser’s User-Agent at sign-in or the last renewal, as it sent it (cleaned, cut).',
  })
  userAgent: string | null;

  @Field({ description: 'The session of the access token this request came with.' })
  current: boolean;
}
