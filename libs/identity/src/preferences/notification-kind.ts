import { registerEnumType } from '@nestjs/graphql';

/** The kinds of notification (matching writes them); each has its own e-mail delivery preference. */
export enum NotificationKind {
  PROPOSAL_OPENED = 'proposal-opened',
  INTRODUCTION_REQUESTED = 'introduction-requested',
  INTRODUCED = 'introduced',
  NEW_CANDIDATE = 'new-candidate',
  PROPOSAL_OVERDUE = 'proposal-overdue',
  SAVED_SEARCH_MATCH = 'saved-search-match',
  REGISTRATION_CONFIRMED = 'registration-confirmed',
  WAITLIST_PROMOTED = 'waitlist-promoted',
  EVENT_REMINDER = 'event-reminder',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

export enum NotificationDelivery {
  IMMEDIATELY = 'immediately',
  DAILY_DIGEST = 'daily-digest',
  OFF = 'off',
}
registerEnumType(NotificationDelivery, {
  name: 'NotificationDelivery',
  description: 'How a kind of notification reaches you by e-mail; in-app notifications are always kept.',
  valuesMap: {
    IMMEDIATELY: { description: 'An e-mail for each notification, as it happens (the default).' },
    DAILY_DIGEST: { description: 'Listed in one e-mail a day (at DIGEST_HOUR, Tokyo time) instead.' },
    OFF: { description: 'No e-mail; the in-app notification stays.' },
  },
});

/** The delivery the account chose for a kind; IMMEDIATELY unless chosen otherwise. */
export function deliveryOf(choices: Record<string, string>, kind: string): NotificationDelivery {
  const chosen = choices[kind];
  return Object.values(NotificationDelivery).includes(chosen as NotificationDelivery)
    ? (chosen as NotificationDelivery)
    : NotificationDelivery.IMMEDIATELY;
}
