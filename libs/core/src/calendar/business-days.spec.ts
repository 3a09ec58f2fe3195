import { describe, expect, it } from '@jest/globals';
import { addBusinessDays, isBusinessDay, tokyoDay } from './business-days.js';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('business days (Asia/Tokyo, Japanese national holidays)', () => {
  it('knows the holidays from the dataset, substitute and citizens’ holidays included', () => {
    for (const day of [
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2027-01-01',
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
    ])
      expect(isBusinessDay(jst(`${day}T12:00:00`))).toBe(false);
    // 2026-05-06 is the substitute holiday for Constitution Day falling on a Sunday.
    expect(isBusinessDay(jst('2026-05-07T12:00:00'))).toBe(true);
    expect(isBusinessDay(jst('2026-05-02T12:00:00'))).toBe(false); // Saturday
    expect(isBusinessDay(jst('2026-05-01T12:00:00'))).toBe(true);
  });

  it('skips Golden Week', () => {
    // Friday 1 May 2026: the next business day is Thursday 7 May.
    expect(addBusinessDays(jst('2026-05-01T10:00:00'), 1)).toEqual(jst('2026-05-07T10:00:00'));
    expect(addBusinessDays(jst('2026-04-30T10:00:00'), 2)).toEqual(jst('2026-05-07T10:00:00'));
  });

  it('skips New Year’s Day', () => {
    // Thursday 31 December 2026 → Friday 1 January 2027 is a holiday → Monday 4 January.
    expect(addBusinessDays(jst('2026-12-31T09:00:00'), 1)).toEqual(jst('2027-01-04T09:00:00'));
  });

  it('counts in Tokyo days: 23:30 JST on the Friday before Silver Week', () => {
    // Friday 18 September 2026, 23:30 JST (14:30 UTC, still Friday in UTC). Monday 21 to Wednesday 23 are
    // holidays (Respect for the Aged Day, a citizens' holiday, the Autumnal Equinox), so one business day
    // later is Thursday 24 September 23:30 JST.
    const friday = jst('2026-09-18T23:30:00');
    expect(tokyoDay(friday)).toBe('2026-09-18');
    expect(addBusinessDays(friday, 1)).toEqual(jst('2026-09-24T23:30:00'));
    // An hour later it is Saturday in Tokyo but still Friday in UTC: counted from the Saturday, the same day.
    const saturday = jst('2026-09-19T00:30:00');
    expect(saturday.getUTCDay()).toBe(5);
    expect(addBusinessDays(saturday, 1)).toEqual(jst('2026-09-24T00:30:00'));
  });

  it('counts ten business days across a substitute holiday', () => {
    // Monday 2 November 2026; Tuesday 3 November (Culture Day) is skipped → Tuesday 17 November.
    expect(addBusinessDays(jst('2026-11-02T09:00:00'), 10)).toEqual(jst('2026-11-17T09:00:00'));
  });
});
