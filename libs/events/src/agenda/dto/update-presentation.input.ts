import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { NameInput, NestedInput, RecordVersionInput } from '#libs/core';
import { IsEventTime } from '../../event/dto/event-times.js';

@InputType()
export class UpdatePresentationInput extends RecordVersionInput {
  @Field(() => ID, { nullable: true, description: 'null unlinks the seed.' })
  @IsOptional()
  @IsUUID()
  seedId?: string | null;

  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  title?: NameInput;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  presenterIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'null: the session’s room.' })
  @IsOptional()
  @MaxLength(200)
  room?: string | null;
}
