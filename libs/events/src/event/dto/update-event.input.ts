import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DescriptionInput, NameInput, NestedInput, RecordVersionInput } from '#libs/core';
import { EventKind } from '../event-kind.js';
import { IsEventTime } from './event-times.js';
import { VenueInput } from './venue.input.js';

@InputType()
export class UpdateEventInput extends RecordVersionInput {
  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind;

  @Field(() => NameInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => NameInput)
  title?: NameInput;

  @Field(() => DescriptionInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => DescriptionInput)
  description?: DescriptionInput;

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  startsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @IsEventTime()
  endsAt?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string;

  @Field(() => VenueInput, { nullable: true })
  @IsOptional()
  @NestedInput(() => VenueInput)
  venue?: VenueInput;

  @Field(() => Int, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  capacity?: number | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  organizerIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  programIds?: string[];
}
