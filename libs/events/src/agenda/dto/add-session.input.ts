import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';
import { IsEventTime } from '../../event/dto/event-times.js';

@InputType()
export class AddSessionInput {
  @Field(() => ID)
  @IsUUID()
  eventId: string;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  title: NameInput;

  @Field()
  @IsEventTime()
  startsAt: Date;

  @Field()
  @IsEventTime()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  room?: string | null;
}
