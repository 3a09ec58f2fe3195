import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class RevokeInvitationArgs {
  @Field(() => ID, { description: 'One of your invitations (invitations).' })
  @IsUUID()
  id: string;
}
