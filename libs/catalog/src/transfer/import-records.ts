/**
 * The records of an NDJSON import (shared/spec/import-format.md) as parseRecord
 * returns them, with the enums and limits their values are checked against.
 *
 * Normalized records describe the whole record as the file gives it: strings
 * are trimmed, an absent optional scalar is null, an absent list is [], and the
 * spec's defaults are applied. An import upserts by kind + externalId, so the
 * writer can set every column from the record.
 */

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

/** A line with more problems reports this many and a count of the rest. */
export const MAX_PROBLEMS_PER_LINE = 100;

export function isRecordKind(value: unknown): value is RecordKind {
  return typeof value === 'string' && (RECORD_KINDS as readonly string[]).includes(value);
}
