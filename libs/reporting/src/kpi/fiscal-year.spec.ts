import { describe, expect, it } from '@jest/globals';
import { fiscalPeriod, fiscalYearOf, isReportableFiscalYear } from './fiscal-year.js';

describe('fiscal years (April to March, Asia/Tokyo)', () => {
  it('starts on 1 April in Tokyo, which is still 31 March in UTC', () => {
    expect(fiscalYearOf(new Date('2026-03-31T23:59:59+09:00'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-04-01T00:00:00+09:00'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-03-31T15:30:00Z'))).toBe(2026); // 00:30 JST on 1 April
    expect(fiscalYearOf(new Date('2027-01-15T12:00:00+09:00'))).toBe(2026);
  });

  it('covers one or several years, the end excluded', () => {
    expect(fiscalPeriod(2026)).toEqual({
      start: new Date('2026-03-31T15:00:00Z'),
      end: new Date('2027-03-31T15:00:00Z'),
      startDay: '2026-04-01',
      endDay: '2027-04-01',
    });
    expect(fiscalPeriod(2025, 2027).endDay).toBe('2028-04-01');
  });

  it('reports years 2000 to 2100 only', () => {
    expect([1999, 2000, 2100, 2101, 2026.5].map(isReportableFiscalYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
