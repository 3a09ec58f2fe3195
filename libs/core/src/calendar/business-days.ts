import holidayJp from '@holiday-jp/holiday_jp';

/** Japan keeps no daylight saving time: Tokyo is always nine hours ahead of UTC. */
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const HOLIDAYS: Readonly<Record<string, unknown>> = holidayJp.holidays;

/** The calendar day in Asia/Tokyo, as YYYY-MM-DD. */
export function tokyoDay(at: Date): string {
  return new Date(at.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `at` falls, in Asia/Tokyo, on a weekday that is no Japanese national holiday (substitute and citizens' holidays included). */
export function isBusinessDay(at: Date): boolean {
  const weekday = new Date(at.getTime() + TOKYO_OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !(tokyoDay(at) in HOLIDAYS);
}

/**
 * The moment `days` business days after `from`, at the same Tokyo time of
 * day. Days are Tokyo days, so a change at 23:30 JST on a Friday is counted
 * from that Friday even though it is still Friday afternoon in UTC, and one at
 * 00:30 JST on a Saturday from the Saturday; the first business day after it
 * is day one.
 */
export function addBusinessDays(from: Date, days: number): Date {
  let due = from.getTime();
  let left = days;
  while (left > 0) {
    due += DAY_MS;
    if (isBusinessDay(new Date(due))) left--;
  }
  return new Date(due);
}
