import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { NameInput, NestedInput } from '#libs/core';
import { IsEventTime } from '../../event/dto/event-times.js';

@InputType()
export class AddPresentationInput {
  @Field(() => ID)
  @IsUUID()
  sessionId: string;

  @Field(() => ID, { nullable: true, description: 'A published research seed; its title is the default.' })
  @IsOptional()
  @IsUUID()
  seedId?: string | null;

  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  title?: NameInput;

  @Field(() => [ID], { nullable: true, description: 'Presenters (directory person ids).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  presenterIds?: string[];

  @Field()
  @IsEventTime()
  startsAt: Date;

  @Field()
  @IsEventTime()
  endsAt: Date;

  @Field(() => String, { nullable: true, description: 'The session’s room unless given.' })
  @IsOptional()
  @MaxLength(200)
  room?: string | null;
}
