import { Field, ObjectType } from '@nestjs/graphql';
import { Language } from '#libs/core';
import { NotificationDelivery, NotificationKind } from './notification-kind.js';

@ObjectType()
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationDelivery)
  delivery: NotificationDelivery;
}

@ObjectType({
  description: 'Your own settings: the language of your e-mails and how notifications reach you.',
})
export class Preferences {
  @Field(() => Language)
  language: Language;

  @Field(() => [NotificationPreference], { description: 'One entry per kind of notification.' })
  notifications: NotificationPreference[];
}
