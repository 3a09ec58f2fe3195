import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { NameInput, NestedInput, RecordVersionInput } from '#libs/core';
import { IsEventTime } from '../../event/dto/event-times.js';

@InputType()
export class UpdateSessionInput extends RecordVersionInput {
  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  title?: NameInput;

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(200)
  room?: string | null;
}
