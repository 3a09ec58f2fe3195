import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DescriptionInput, NameInput, NestedInput } from '#libs/core';
import { EventKind } from '../event-kind.js';
import { IsEventTime } from './event-times.js';
import { VenueInput } from './venue.input.js';

@InputType()
export class CreateEventInput {
  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => NameInput)
  @NestedInput(() => NameInput)
  title: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;

  @Field()
  @IsEventTime()
  startsAt: Date;

  @Field()
  @IsEventTime()
  endsAt: Date;

  @Field({ defaultValue: 'Asia/Tokyo', description: 'IANA time zone, e.g. Asia/Tokyo.' })
  @MaxLength(64)
  timeZone: string = 'Asia/Tokyo';

  @Field(() => VenueInput)
  @NestedInput(() => VenueInput)
  venue: VenueInput;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Organizing organizations (directory ids).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  organizerIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Programs (catalog ids).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  programIds?: string[];
}
