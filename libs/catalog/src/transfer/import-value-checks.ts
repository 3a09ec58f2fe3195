/**
 * Checks shared by the values of every kind (externalIds, text, emails, dates)
 * and the wording that quotes a bad value back in a problem.
 */
import { taxonomy, type TaxonomyList } from '#libs/core';

export const EXTERNAL_ID = /^[A-Za-z0-9._:-]+$/;
export const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Accepts an ISO 8601 calendar date ("2024-04-01") or an extended-format
 * date-time with a time zone ("2024-04-01T09:00:00+09:00", "…Z"), and checks
 * that the date exists. Returns the date unchanged or the date-time in UTC.
 */
export function parseIsoDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h === undefined) return text;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  const millis = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

/** Minutes ahead of UTC for "Z" or "±hh:mm"; undefined for an impossible zone or none (a time needs one). */
function zoneOffsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

const codeLists = new Map<TaxonomyList, string>();
export function codesOf(list: TaxonomyList): string {
  let codes = codeLists.get(list);
  if (codes === undefined) {
    codes = taxonomy()
      [list].map((entry) => entry.code)
      .join(', ');
    codeLists.set(list, codes);
  }
  return codes;
}

/** A short description of a JSON value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return String(value);
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** JSON-quotes a value for a message, shortened so a report never echoes a huge input. */
export function quote(text: string): string {
  const short =
    codePointLength(text) > 60 ? `${Array.from(text.slice(0, 120)).slice(0, 57).join('')}…` : text;
  return JSON.stringify(short);
}

/** An unknown key as reported: long ones are cut so a report never echoes a huge input. */
export function shortKey(key: string): string {
  return codePointLength(key) > 100 ? `${Array.from(key.slice(0, 200)).slice(0, 99).join('')}…` : key;
}
