import { Field, InputType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { RecordVersionInput } from '#libs/core';
import { EventStatus } from '../event-status.js';

@InputType()
export class MoveEventInput extends RecordVersionInput {
  @Field(() => EventStatus)
  @IsEnum(EventStatus)
  to: EventStatus;
}
