import { Field, ObjectType } from '@nestjs/graphql';
import { BilingualText } from '#libs/core';

@ObjectType({ description: 'Everything Kyoso keeps about you, as JSON (see docs/personal-data.md).' })
export class MyDataExport {
  @Field()
  generatedAt: Date;

  @Field({ description: 'A JSON object: one section per part of Kyoso (account, profile, catalog, …).' })
  json: string;
}

@ObjectType({ description: 'The answer to closeMyAccount: the account is closed and signed out everywhere.' })
export class AccountClosure {
  @Field()
  closedAt: Date;

  @Field(() => BilingualText)
  message: BilingualText;
}
