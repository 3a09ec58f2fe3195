import { isTaxonomyCode, unsafeTextProblem, type TaxonomyList } from '#libs/core';
import {
  IMPORT_LIMITS,
  MAX_PROBLEMS_PER_LINE,
  type BilingualValue,
  type ImportProblem,
  type TrlRange,
} from './import-records.js';
import {
  codePointLength,
  codesOf,
  describe,
  EMAIL,
  EXTERNAL_ID,
  LOCAL_DATE_TIME,
  parseIsoDate,
  quote,
  shortKey,
} from './import-value-checks.js';

/**
 * Reads the keys of one object, collecting problems. Each method returns a
 * placeholder when the value is bad; the record is discarded if any problem
 * was found, so placeholders never leave parseRecord.
 */
export class LineReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly lineNumber: number,
    private readonly object: Record<string, unknown>,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key))
        this.problem(shortKey(key), `unknown key for kind ${String(object['kind']).trim()}`);
    }
  }

  private omitted = 0;

  problem(key: string, reason: string): void {
    if (this.problems.length < MAX_PROBLEMS_PER_LINE)
      this.problems.push({ lineNumber: this.lineNumber, key, reason });
    else this.omitted++;
  }

  /** The problems found, with a last one counting those left out of a very long list. */
  report(): ImportProblem[] {
    if (this.omitted === 0) return this.problems;
    return [
      ...this.problems,
      { lineNumber: this.lineNumber, reason: `and ${this.omitted} more problems on this line` },
    ];
  }

  /** The value, or undefined when the key is absent or null (null counts as absent). */
  private value(key: string): unknown {
    const value = Object.prototype.hasOwnProperty.call(this.object, key) ? this.object[key] : undefined;
    return value === null ? undefined : value;
  }

  private required(key: string): unknown {
    const value = this.value(key);
    if (value === undefined) this.problem(key, 'is required');
    return value;
  }

  /** A trimmed string; reports wrong types, blanks (if not allowed), bad characters and length. */
  private text(path: string, value: unknown, maxLength: number, allowBlank: boolean): string | undefined {
    if (typeof value !== 'string') {
      this.problem(path, `must be a string, not ${describe(value)}`);
      return undefined;
    }
    const trimmed = value.trim();
    if (!allowBlank && trimmed === '') {
      this.problem(path, 'must not be blank');
      return undefined;
    }
    const unsafe = unsafeTextProblem(trimmed);
    if (unsafe) {
      this.problem(path, unsafe);
      return undefined;
    }
    const length = codePointLength(trimmed);
    if (length > maxLength) {
      this.problem(
        path,
        `must be at most ${maxLength.toLocaleString('en-US')} characters (it has ${length.toLocaleString('en-US')})`,
      );
      return undefined;
    }
    return trimmed;
  }

  private idText(path: string, value: unknown): string | undefined {
    const id = this.text(path, value, IMPORT_LIMITS.externalIdLength, false);
    if (id === undefined) return undefined;
    if (!EXTERNAL_ID.test(id)) {
      this.problem(
        path,
        `${quote(id)} is not a valid externalId: use only letters A-Z a-z, digits and . _ : -`,
      );
      return undefined;
    }
    return id;
  }

  externalId(key: string): string {
    const value = this.required(key);
    if (value === undefined) return '';
    return this.idText(key, value) ?? '';
  }

  optionalString(key: string, maxLength: number): string | null {
    const value = this.value(key);
    if (value === undefined) return null;
    return this.text(key, value, maxLength, true) || null;
  }

  optionalUrl(key: string): string | null {
    const url = this.optionalString(key, IMPORT_LIMITS.urlLength);
    if (url === null) return null;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      this.problem(key, `${quote(url)} is not a URL: give an absolute http or https address`);
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      this.problem(key, `must be an http or https URL, not ${parsed.protocol.slice(0, -1)}`);
    } else if (parsed.username || parsed.password) {
      this.problem(key, 'must not contain a user name or password');
    } else if (/\s/.test(url)) {
      this.problem(key, 'must not contain spaces');
    }
    return url;
  }

  optionalEmail(key: string): string | null {
    const email = this.optionalString(key, IMPORT_LIMITS.emailLength);
    if (email !== null && !EMAIL.test(email)) this.problem(key, `${quote(email)} is not an email address`);
    return email;
  }

  bilingual(key: string, maxLength: number): BilingualValue {
    const value = this.required(key);
    return value === undefined ? { ja: null, en: null } : this.readBilingual(key, value, maxLength);
  }

  optionalBilingual(key: string, maxLength: number): BilingualValue | null {
    const value = this.value(key);
    return value === undefined ? null : this.readBilingual(key, value, maxLength);
  }

  private readBilingual(key: string, value: unknown, maxLength: number): BilingualValue {
    const result: BilingualValue = { ja: null, en: null };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem(key, `must be an object such as {"ja": "…", "en": "…"}, not ${describe(value)}`);
      return result;
    }
    const text = value as Record<string, unknown>;
    let ok = true;
    for (const language of Object.keys(text)) {
      if (language !== 'ja' && language !== 'en') {
        this.problem(`${key}.${shortKey(language)}`, 'unknown key: bilingual text has only ja and en');
        ok = false;
      }
    }
    for (const language of ['ja', 'en'] as const) {
      const part = Object.prototype.hasOwnProperty.call(text, language) ? text[language] : undefined;
      if (part === undefined || part === null) continue;
      const read = this.text(`${key}.${language}`, part, maxLength, true);
      if (read === undefined) ok = false;
      else result[language] = read || null;
    }
    if (ok && result.ja === null && result.en === null) {
      this.problem(key, 'give the text in Japanese (ja), English (en) or both');
    }
    return result;
  }

  code(key: string, list: TaxonomyList, fallback?: string): string {
    const value = fallback === undefined ? this.required(key) : this.value(key);
    if (value === undefined) return fallback ?? '';
    return this.readCode(key, value, list) ?? '';
  }

  private readCode(path: string, value: unknown, list: TaxonomyList): string | undefined {
    const code = this.text(path, value, IMPORT_LIMITS.shortStringLength, false);
    if (code === undefined) return undefined;
    if (!isTaxonomyCode(list, code)) {
      this.problem(path, `unknown ${list} code ${quote(code)}: expected one of ${codesOf(list)}`);
      return undefined;
    }
    return code;
  }

  /** `values` is never empty: its first is the placeholder. */
  oneOf<T extends string>(key: string, values: readonly [T, ...T[]], fallback?: T): T {
    const value = fallback === undefined ? this.required(key) : this.value(key);
    if (value === undefined) return fallback ?? values[0];
    const text = this.text(key, value, IMPORT_LIMITS.shortStringLength, false);
    if (text === undefined) return values[0];
    const match = values.find((candidate) => candidate === text);
    if (match === undefined) {
      this.problem(key, `must be one of ${values.join(', ')}, not ${quote(text)}`);
      return values[0];
    }
    return match;
  }

  /** An array (absent = []), each item read by `item`; duplicates are dropped, keeping the first. */
  private list(
    key: string,
    maxItems: number,
    required: boolean,
    item: (path: string, value: unknown) => string | undefined,
  ): string[] {
    const value = required ? this.required(key) : this.value(key);
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(key, `must be an array of strings, not ${describe(value)}`);
      return [];
    }
    if (value.length > maxItems) {
      this.problem(key, `must have at most ${maxItems} items (it has ${value.length})`);
      return [];
    }
    if (required && value.length === 0) {
      this.problem(key, 'must have at least one item');
      return [];
    }
    const items: string[] = [];
    value.forEach((element: unknown, index) => {
      const read = item(`${key}[${index}]`, element);
      if (read !== undefined && !items.includes(read)) items.push(read);
    });
    return items;
  }

  stringList(key: string, maxItems: number): string[] {
    return this.list(key, maxItems, false, (path, value) =>
      this.text(path, value, IMPORT_LIMITS.shortStringLength, false),
    );
  }

  codeList(key: string, list: TaxonomyList, options: { required: boolean }): string[] {
    return this.list(key, IMPORT_LIMITS.codeListItems, options.required, (path, value) =>
      this.readCode(path, value, list),
    );
  }

  externalIdList(key: string, maxItems: number): string[] {
    return this.list(key, maxItems, false, (path, value) => this.idText(path, value));
  }

  private integer(path: string, value: unknown, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problem(path, `must be an integer from ${min} to ${max}, not ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  optionalInteger(key: string, min: number, max: number): number | null {
    const value = this.value(key);
    if (value === undefined) return null;
    return this.integer(key, value, min, max) ?? null;
  }

  optionalTrlRange(key: string): TrlRange | null {
    const value = this.value(key);
    if (value === undefined) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problem(key, `must be an object such as {"min": 3, "max": 6}, not ${describe(value)}`);
      return null;
    }
    const range = value as Record<string, unknown>;
    for (const name of Object.keys(range)) {
      if (name !== 'min' && name !== 'max')
        this.problem(`${key}.${shortKey(name)}`, 'unknown key: a TRL range has only min and max');
    }
    const bound = (name: 'min' | 'max'): number | undefined => {
      const part = Object.prototype.hasOwnProperty.call(range, name) ? range[name] : undefined;
      if (part === undefined || part === null) {
        this.problem(`${key}.${name}`, 'is required');
        return undefined;
      }
      return this.integer(`${key}.${name}`, part, 1, 9);
    };
    const min = bound('min');
    const max = bound('max');
    if (min === undefined || max === undefined) return null;
    if (min > max) {
      this.problem(key, `min (${min}) must not be greater than max (${max})`);
      return null;
    }
    return { min, max };
  }

  optionalDate(key: string): string | null {
    const text = this.optionalString(key, 64);
    if (text === null) return null;
    const date = parseIsoDate(text);
    if (date === undefined) {
      const hint = LOCAL_DATE_TIME.test(text)
        ? ': add a time zone, e.g. +09:00 or Z'
        : ', e.g. 2024-04-01 or 2024-04-01T09:00:00+09:00';
      this.problem(key, `${quote(text)} is not an ISO 8601 date${hint}`);
      return null;
    }
    return date;
  }
}
