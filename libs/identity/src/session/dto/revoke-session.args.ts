import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class RevokeSessionArgs {
  @Field(() => ID, { description: 'One of your sessions (mySessions).' })
  @IsUUID()
  id: string;
}
