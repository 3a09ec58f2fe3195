import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { PageArgs } from '#libs/core';

@ArgsType()
export class EventRegistrationsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  eventId: string;
}
