import { createEvent, type DateArray } from 'ics';
import type { Event } from './event.entity.js';

const PRODUCT_ID = '-//Kyoso//Events//JA';

/** Local wall time of an instant in a time zone, e.g. 2026-12-10 13:00. */
function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** An instant as ics's UTC date array (ics refuses epoch numbers before 1970). */
const utcArray = (instant: Date): DateArray => [
  instant.getUTCFullYear(),
  instant.getUTCMonth() + 1,
  instant.getUTCDate(),
  instant.getUTCHours(),
  instant.getUTCMinutes(),
];

const joined = (ja: string | null, en: string | null) => [ja, en].filter(Boolean).join(' / ');

/**
 * The event as an iCalendar document (made by `ics`): times in UTC, the local
 * time and IANA zone in the description, a UID that stays the same for the event.
 */
export function eventCalendar(event: Event): string {
  const zone = event.timeZone;
  const when = `${localTime(event.startsAt, zone)} – ${localTime(event.endsAt, zone)} (${zone})`;
  const description = [joined(event.description.ja, event.description.en), when].filter(Boolean).join('\n\n');
  const venue = joined(event.venueName.ja, event.venueName.en);
  const { error, value } = createEvent({
    productId: PRODUCT_ID,
    uid: `event-${event.id}@kyoso`,
    start: utcArray(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: joined(event.title.ja, event.title.en),
    description,
    location: [venue, event.venueAddress].filter(Boolean).join(', ') || undefined,
    status: 'CONFIRMED',
    sequence: event.version,
    lastModified: utcArray(event.updatedAt),
  });
  if (error || !value) throw error ?? new Error('ics returned no calendar');
  return value;
}
