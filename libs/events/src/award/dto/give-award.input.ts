import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';

@InputType()
export class GiveAwardInput {
  @Field(() => ID)
  @IsUUID()
  eventId: string;

  @Field(() => NameInput, { description: 'The prize name.' })
  @NestedInput(() => NameInput)
  prize: NameInput;

  @Field(() => ID, { description: 'A presentation of the same event.' })
  @IsUUID()
  presentationId: string;
}
