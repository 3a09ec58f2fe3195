/**
 * Validation of one NDJSON import line (shared/spec/import-format.md): JSON
 * parsing, the keys and types of each kind, taxonomy codes, enums, defaults and
 * size limits. Every problem on the line is reported, not only the first.
 * The records it returns are described in import-records.ts.
 */
import { LineReader } from './import-line-reader.js';
import {
  IMPORT_LIMITS,
  isRecordKind,
  NEED_CONFIDENTIALITIES,
  NEED_STATUSES,
  PERSON_ROLES,
  RECORD_KINDS,
  SEED_STATUSES,
  type ImportProblem,
  type ImportRecord,
  type ParsedLine,
  type RecordKind,
} from './import-records.js';
import { describe, quote } from './import-value-checks.js';

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

function fail(lineNumber: number, problem: Omit<ImportProblem, 'lineNumber'>): ParsedLine {
  return { ok: false, lineNumber, problems: [{ lineNumber, ...problem }] };
}
