/**
 * Validation of one NDJSON import line (shared/spec/import-format.md): JSON
 * parsing, the keys and types of each kind, taxonomy codes, enums, defaults and
 * size limits. Every problem on the line is reported, not only the first.
 *
 * Normalized records describe the whole record as the file gives it: strings
 * are trimmed, an absent optional scalar is null, an absent list is [], and the
 * spec's defaults are applied. An import upserts by kind + externalId, so the
 * writer can set every column from the record.
 */
import { isTaxonomyCode, taxonomy, type TaxonomyList } from '#libs/core';

export const RECORD_KINDS = ['organization', 'person', 'seed', 'need', 'program'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const PERSON_ROLES = ['researcher', 'company-member', 'coordinator'] as const;
export type ImportPersonRole = (typeof PERSON_ROLES)[number];
// 'archived' goes beyond the shared spec (which may be read more of): exports carry archived seeds.
export const SEED_STATUSES = ['draft', 'published', 'archived'] as const;
export type ImportSeedStatus = (typeof SEED_STATUSES)[number];
export const NEED_CONFIDENTIALITIES = ['public', 'coordinators'] as const;
export type ImportNeedConfidentiality = (typeof NEED_CONFIDENTIALITIES)[number];
export const NEED_STATUSES = ['open', 'closed'] as const;
export type ImportNeedStatus = (typeof NEED_STATUSES)[number];

/** Limits beyond the spec's tables; lengths count Unicode characters (code points). */
export const IMPORT_LIMITS = {
  externalIdLength: 200,
  nameLength: 300, // names and titles, per language
  textLength: 10_000, // summaries and descriptions, per language
  shortStringLength: 200, // prefecture, city, person title, list items
  emailLength: 254,
  urlLength: 2_000,
  freeListItems: 50, // keywords, applications, patents
  codeListItems: 20, // fields, collaboration types, programs
  researchers: 100,
} as const;

/** Text in Japanese and/or English; at least one is non-null. */
export interface BilingualValue {
  ja: string | null;
  en: string | null;
}

export interface TrlRange {
  min: number;
  max: number;
}

export interface OrganizationRecord {
  kind: 'organization';
  externalId: string;
  name: BilingualValue;
  /** organizationTypes code */
  type: string;
  prefecture: string | null;
  city: string | null;
  website: string | null;
  description: BilingualValue | null;
}

export interface PersonRecord {
  kind: 'person';
  externalId: string;
  name: BilingualValue;
  /** organization externalId */
  organization: string;
  role: ImportPersonRole;
  title: string | null;
  /** never shown publicly */
  email: string | null;
}

export interface SeedRecord {
  kind: 'seed';
  externalId: string;
  title: BilingualValue;
  summary: BilingualValue;
  keywords: string[];
  /** fields codes, at least one */
  fields: string[];
  /** organization externalId */
  institution: string;
  /** person externalIds */
  researchers: string[];
  trl: number | null;
  /** ipStatuses code, "none" by default */
  ipStatus: string;
  patents: string[];
  /** collaborationTypes codes, at least one */
  collaborationTypes: string[];
  applications: string[];
  /** program externalIds */
  programs: string[];
  status: ImportSeedStatus;
  /** "YYYY-MM-DD", or a date-time canonicalized to UTC ("2024-04-01T00:00:00.000Z") */
  publishedAt: string | null;
}

export interface NeedRecord {
  kind: 'need';
  externalId: string;
  /** organization externalId */
  company: string;
  title: BilingualValue;
  description: BilingualValue;
  /** fields codes */
  fields: string[];
  /** collaborationTypes codes */
  desiredCollaboration: string[];
  trlRange: TrlRange | null;
  /** program externalIds */
  programs: string[];
  confidentiality: ImportNeedConfidentiality;
  status: ImportNeedStatus;
  /** "YYYY-MM-DD", or a date-time canonicalized to UTC */
  deadline: string | null;
}

export interface ProgramRecord {
  kind: 'program';
  externalId: string;
  name: BilingualValue;
  description: BilingualValue | null;
}

export type ImportRecord = OrganizationRecord | PersonRecord | SeedRecord | NeedRecord | ProgramRecord;

export interface ImportProblem {
  lineNumber: number;
  /** Path of the offending key, e.g. "title.ja" or "fields[2]"; absent when the whole line is at fault. */
  key?: string;
  reason: string;
}

export type ParsedLine =
  | { ok: true; lineNumber: number; record: ImportRecord }
  | { ok: false; lineNumber: number; problems: ImportProblem[] };

const KEYS: { [K in RecordKind]: readonly string[] } = {
  organization: ['kind', 'externalId', 'name', 'type', 'prefecture', 'city', 'website', 'description'],
  person: ['kind', 'externalId', 'name', 'organization', 'role', 'title', 'email'],
  seed: [
    'kind',
    'externalId',
    'title',
    'summary',
    'keywords',
    'fields',
    'institution',
    'researchers',
    'trl',
    'ipStatus',
    'patents',
    'collaborationTypes',
    'applications',
    'programs',
    'status',
    'publishedAt',
  ],
  need: [
    'kind',
    'externalId',
    'company',
    'title',
    'description',
    'fields',
    'desiredCollaboration',
    'trlRange',
    'programs',
    'confidentiality',
    'status',
    'deadline',
  ],
  program: ['kind', 'externalId', 'name', 'description'],
};

/** A line with more problems reports this many and a count of the rest. */
export const MAX_PROBLEMS_PER_LINE = 100;

const EXTERNAL_ID = /^[A-Za-z0-9._:-]+$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// C0 controls other than tab, line feed and carriage return; DEL and the C1 controls.
// (U+0000 in particular cannot be stored in a PostgreSQL text column.)
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Parses and validates one line's text; lineNumber is only used for the report. */
export function parseRecord(lineNumber: number, text: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(lineNumber, { reason: `not valid JSON: ${detail}` });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(lineNumber, { reason: `must be a JSON object, not ${describe(value)}` });
  }
  const object = value as Record<string, unknown>;
  const kind = object['kind'];
  if (kind === undefined || kind === null)
    return fail(lineNumber, { key: 'kind', reason: `is required: one of ${RECORD_KINDS.join(', ')}` });
  if (typeof kind !== 'string')
    return fail(lineNumber, { key: 'kind', reason: `must be a string, not ${describe(kind)}` });
  const trimmedKind = kind.trim();
  if (!isRecordKind(trimmedKind)) {
    return fail(lineNumber, {
      key: 'kind',
      reason: `unknown kind ${quote(kind)}: expected one of ${RECORD_KINDS.join(', ')}`,
    });
  }
  const reader = new LineReader(lineNumber, object, KEYS[trimmedKind]);
  const record = READERS[trimmedKind](reader);
  return reader.problems.length > 0
    ? { ok: false, lineNumber, problems: reader.report() }
    : { ok: true, lineNumber, record };
}

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}

const READERS: { [K in RecordKind]: (reader: LineReader) => Extract<ImportRecord, { kind: K }> } = {
  organization: (r) => ({
    kind: 'organization',
    externalId: r.externalId('externalId'),
    name: r.bilingual('name', IMPORT_LIMITS.nameLength),
    type: r.code('type', 'organizationTypes'),
    prefecture: r.optionalString('prefecture', IMPORT_LIMITS.shortStringLength),
    city: r.optionalString('city', IMPORT_LIMITS.shortStringLength),
    website: r.optionalUrl('website'),
    description: r.optionalBilingual('description', IMPORT_LIMITS.textLength),
  }),
  person: (r) => ({
    kind: 'person',
    externalId: r.externalId('externalId'),
    name: r.bilingual('name', IMPORT_LIMITS.nameLength),
    organization: r.externalId('organization'),
    role: r.oneOf('role', PERSON_ROLES),
    title: r.optionalString('title', IMPORT_LIMITS.shortStringLength),
    email: r.optionalEmail('email'),
  }),
  seed: (r) => ({
    kind: 'seed',
    externalId: r.externalId('externalId'),
    title: r.bilingual('title', IMPORT_LIMITS.nameLength),
    summary: r.bilingual('summary', IMPORT_LIMITS.textLength),
    keywords: r.stringList('keywords', IMPORT_LIMITS.freeListItems),
    fields: r.codeList('fields', 'fields', { required: true }),
    institution: r.externalId('institution'),
    researchers: r.externalIdList('researchers', IMPORT_LIMITS.researchers),
    trl: r.optionalInteger('trl', 1, 9),
    ipStatus: r.code('ipStatus', 'ipStatuses', 'none'),
    patents: r.stringList('patents', IMPORT_LIMITS.freeListItems),
    collaborationTypes: r.codeList('collaborationTypes', 'collaborationTypes', { required: true }),
    applications: r.stringList('applications', IMPORT_LIMITS.freeListItems),
    programs: r.externalIdList('programs', IMPORT_LIMITS.codeListItems),
    status: r.oneOf('status', SEED_STATUSES, 'published'),
    publishedAt: r.optionalDate('publishedAt'),
  }),
  need: (r) => ({
    kind: 'need',
    externalId: r.externalId('externalId'),
    company: r.externalId('company'),
    title: r.bilingual('title', IMPORT_LIMITS.nameLength),
    description: r.bilingual('description', IMPORT_LIMITS.textLength),
    fields: r.codeList('fields', 'fields', { required: false }),
    desiredCollaboration: r.codeList('desiredCollaboration', 'collaborationTypes', { required: false }),
    trlRange: r.optionalTrlRange('trlRange'),
    programs: r.externalIdList('programs', IMPORT_LIMITS.codeListItems),
    confidentiality: r.oneOf('confidentiality', NEED_CONFIDENTIALITIES, 'coordinators'),
    status: r.oneOf('status', NEED_STATUSES, 'open'),
    deadline: r.optionalDate('deadline'),
  }),
  program: (r) => ({
    kind: 'program',
    externalId: r.externalId('externalId'),
    name: r.bilingual('name', IMPORT_LIMITS.nameLength),
    description: r.optionalBilingual('description', IMPORT_LIMITS.textLength),
  }),
};

/**
 * Reads the keys of one object, collecting problems. Each method returns a
 * placeholder when the value is bad; the record is discarded if any problem
 * was found, so placeholders never leave this module.
 */
class LineReader {
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
    if (LONE_SURROGATE.test(trimmed)) {
      this.problem(path, 'contains an unpaired UTF-16 surrogate escape');
      return undefined;
    }
    if (CONTROL.test(trimmed)) {
      this.problem(path, 'contains a control character');
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

  oneOf<T extends string>(key: string, values: readonly T[], fallback?: T): T {
    const value = fallback === undefined ? this.required(key) : this.value(key);
    if (value === undefined) return fallback ?? values[0]!;
    const text = this.text(key, value, IMPORT_LIMITS.shortStringLength, false);
    if (text === undefined) return values[0]!;
    const match = values.find((candidate) => candidate === text);
    if (match === undefined) {
      this.problem(key, `must be one of ${values.join(', ')}, not ${quote(text)}`);
      return values[0]!;
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
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const zoneHours = Number(zone!.slice(1, 3));
    const zoneMinutes = Number(zone!.slice(4, 6));
    if (zoneHours > 23 || zoneMinutes > 59) return undefined;
    offsetMinutes = (zone!.startsWith('-') ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const millis = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function codePointLength(text: string): number {
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
function codesOf(list: TaxonomyList): string {
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
function describe(value: unknown): string {
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
function quote(text: string): string {
  const short =
    codePointLength(text) > 60 ? `${Array.from(text.slice(0, 120)).slice(0, 57).join('')}…` : text;
  return JSON.stringify(short);
}

/** An unknown key as reported: long ones are cut so a report never echoes a huge input. */
function shortKey(key: string): string {
  return codePointLength(key) > 100 ? `${Array.from(key.slice(0, 200)).slice(0, 99).join('')}…` : key;
}

function fail(lineNumber: number, problem: Omit<ImportProblem, 'lineNumber'>): ParsedLine {
  return { ok: false, lineNumber, problems: [{ lineNumber, ...problem }] };
}
