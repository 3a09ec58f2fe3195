/** Fiscal years Kyoso reports on: the cluster's records start after 2000; targets may plan a few decades ahead. */
export const FIRST_FISCAL_YEAR = 2000;
export const LAST_FISCAL_YEAR = 2100;

export const isReportableFiscalYear = (year: number) =>
  Number.isInteger(year) && year >= FIRST_FISCAL_YEAR && year <= LAST_FISCAL_YEAR;

/** A Japanese fiscal year: 1 April to 31 March, in Asia/Tokyo. `end` is exclusive. */
export interface FiscalPeriod {
  start: Date;
  end: Date;
  /** The same bounds as calendar days, for date columns. */
  startDay: string;
  endDay: string;
}

/** Fiscal years `from` to `to` (inclusive) as one period. */
export function fiscalPeriod(from: number, to = from): FiscalPeriod {
  const startDay = `${from}-04-01`;
  const endDay = `${to + 1}-04-01`;
  return {
    start: new Date(`${startDay}T00:00:00+09:00`),
    end: new Date(`${endDay}T00:00:00+09:00`),
    startDay,
    endDay,
  };
}

/** The fiscal year a moment falls in, in Asia/Tokyo. */
export function fiscalYearOf(at: Date): number {
  const tokyo = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  return tokyo.getUTCMonth() >= 3 ? tokyo.getUTCFullYear() : tokyo.getUTCFullYear() - 1;
}
