const TOKYO_OFFSET_MS = 9 * 3_600_000; // Asia/Tokyo has no daylight saving time
const DAY_MS = 24 * 3_600_000;

/** The latest moment, at or before `now`, when the clock in Tokyo showed `hour`:00. */
export function lastDigestMoment(now: Date, hour: number): Date {
  const tokyo = now.getTime() + TOKYO_OFFSET_MS;
  const today = Math.floor(tokyo / DAY_MS) * DAY_MS + hour * 3_600_000;
  const moment = today <= tokyo ? today : today - DAY_MS;
  return new Date(moment - TOKYO_OFFSET_MS);
}
