import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { Language } from '#libs/core';
import { NotificationDelivery, NotificationKind } from '../notification-kind.js';

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery: NotificationDelivery;
}

@InputType({ description: 'What to change; what is left out stays as it is.' })
export class UpdatePreferencesInput {
  @Field(() => Language, { nullable: true })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;

  @Field(() => [NotificationPreferenceInput], {
    nullable: true,
    description: 'Deliveries to change, one per kind; kinds left out keep theirs.',
  })
  @IsOptional()
  @ArrayMaxSize(Object.keys(NotificationKind).length)
  @ValidateNested()
  @Type(() => NotificationPreferenceInput)
  notifications?: NotificationPreferenceInput[];
}
