import type { BilingualText } from '#libs/core';
import type { Organization, Person } from '#libs/directory';
import type { CompanyNeed, NeedConfidentiality, NeedStatus } from '../need/company-need.entity.js';
import type { Program } from '../program/program.entity.js';
import type { ResearchSeed, SeedStatus } from '../seed/research-seed.entity.js';
import type {
  BilingualValue,
  ImportRecord,
  NeedRecord,
  OrganizationRecord,
  PersonRecord,
  ProgramRecord,
  RecordKind,
  SeedRecord,
} from './import-records.js';

/** Ids of the records a line refers to, by kind and catalogue key. */
export interface ResolvedKeys {
  organization: Map<string, string>;
  person: Map<string, string>;
  /** For seeds published by import: when their review falls due. */
  reviewMonths: number;
}

const text = (value: BilingualValue | null): BilingualText => ({
  ja: value?.ja ?? null,
  en: value?.en ?? null,
});

/**
 * The id of a record this line refers to. The reference check has made sure it
 * is in the file or the database, and earlier kinds are written (or looked up)
 * first, so a missing id is a bug in the import, not in the file.
 */
function idOf(ids: Map<string, string>, kind: 'organization' | 'person', externalId: string): string {
  const id = ids.get(externalId);
  if (id === undefined)
    throw new Error(
      `import: ${kind} ${JSON.stringify(externalId)} was not resolved before a line referring to it`,
    );
  return id;
}

/**
 * How one kind of record becomes table columns, and how its current row is compared.
 * Where the rows are read and written is the kind's store (import-stores.ts).
 */
export interface KindMapper<R extends ImportRecord, E extends { id: string }> {
  auditType: string;
  /** `existing` is the current row, when there is one: values the file leaves to us are kept. */
  columns(record: R, keys: ResolvedKeys, existing?: E): Partial<E>;
  /** The columns as compared and audited (same shape for a row and for a record). */
  snapshot(row: Partial<E>): Record<string, unknown>;
  /** Seed researchers live in a join table. */
  researchers?(record: R, keys: ResolvedKeys): string[];
}

export const organizationMapper: KindMapper<OrganizationRecord, Organization> = {
  auditType: 'organization',
  columns: (r) => ({
    externalId: r.externalId,
    type: r.type,
    name: text(r.name),
    description: text(r.description),
    prefecture: r.prefecture,
    city: r.city,
    website: r.website,
  }),
  snapshot: (o) => ({
    externalId: o.externalId,
    type: o.type,
    name: o.name,
    description: o.description,
    prefecture: o.prefecture,
    city: o.city,
    website: o.website,
  }),
};

export const programMapper: KindMapper<ProgramRecord, Program> = {
  auditType: 'program',
  columns: (r) => ({ code: r.externalId, name: text(r.name), description: text(r.description) }),
  snapshot: (p) => ({ code: p.code, name: p.name, description: p.description }),
};

export const personMapper: KindMapper<PersonRecord, Person> = {
  auditType: 'person',
  columns: (r, keys) => ({
    externalId: r.externalId,
    name: text(r.name),
    organizationId: idOf(keys.organization, 'organization', r.organization),
    role: r.role,
    title: r.title,
    email: r.email,
  }),
  snapshot: (p) => ({
    externalId: p.externalId,
    name: p.name,
    organizationId: p.organizationId,
    role: p.role,
    title: p.title,
    email: p.email,
  }),
};

export const needMapper: KindMapper<NeedRecord, CompanyNeed> = {
  auditType: 'need',
  columns: (r, keys) => ({
    externalId: r.externalId,
    companyId: idOf(keys.organization, 'organization', r.company),
    title: text(r.title),
    description: text(r.description),
    fields: r.fields,
    desiredCollaboration: r.desiredCollaboration,
    trlMin: r.trlRange?.min ?? null,
    trlMax: r.trlRange?.max ?? null,
    programCodes: r.programs,
    confidentiality: r.confidentiality as NeedConfidentiality,
    status: r.status as NeedStatus,
    deadline: r.deadline ? r.deadline.slice(0, 10) : null,
  }),
  snapshot: (n) => ({
    externalId: n.externalId,
    companyId: n.companyId,
    title: n.title,
    description: n.description,
    fields: n.fields,
    desiredCollaboration: n.desiredCollaboration,
    trlMin: n.trlMin,
    trlMax: n.trlMax,
    programCodes: n.programCodes,
    confidentiality: n.confidentiality,
    status: n.status,
    deadline: n.deadline,
  }),
};

/** A published seed without a date keeps the one it has, or gets today's; its review falls due a period later. */
function publication(r: SeedRecord, reviewMonths: number, existing?: ResearchSeed) {
  if (r.status !== 'published' && !r.publishedAt)
    return { publishedAt: null, reviewDueAt: existing?.reviewDueAt ?? null };
  const publishedAt = r.publishedAt ? new Date(r.publishedAt) : (existing?.publishedAt ?? new Date());
  const due = new Date(publishedAt);
  due.setMonth(due.getMonth() + reviewMonths);
  return { publishedAt, reviewDueAt: existing?.reviewDueAt ?? due };
}

export const seedMapper: KindMapper<SeedRecord, ResearchSeed> = {
  auditType: 'seed',
  columns: (r, keys, existing) => ({
    externalId: r.externalId,
    title: text(r.title),
    summary: text(r.summary),
    keywords: r.keywords,
    fields: r.fields,
    institutionId: idOf(keys.organization, 'organization', r.institution),
    trl: r.trl,
    ipStatus: r.ipStatus,
    patents: r.patents,
    collaborationTypes: r.collaborationTypes,
    applications: r.applications,
    programCodes: r.programs,
    status: r.status as SeedStatus,
    ...publication(r, keys.reviewMonths, existing),
  }),
  snapshot: (s) => ({
    externalId: s.externalId,
    title: s.title,
    summary: s.summary,
    keywords: s.keywords,
    fields: s.fields,
    institutionId: s.institutionId,
    trl: s.trl,
    ipStatus: s.ipStatus,
    patents: s.patents,
    collaborationTypes: s.collaborationTypes,
    applications: s.applications,
    programCodes: s.programCodes,
    status: s.status,
    publishedAt: s.publishedAt,
  }),
  researchers: (r, keys) => r.researchers.map((key) => idOf(keys.person, 'person', key)),
};

export const MAPPERS: Record<RecordKind, KindMapper<never, { id: string }>> = {
  organization: organizationMapper as unknown as KindMapper<never, { id: string }>,
  program: programMapper as unknown as KindMapper<never, { id: string }>,
  person: personMapper as unknown as KindMapper<never, { id: string }>,
  need: needMapper as unknown as KindMapper<never, { id: string }>,
  seed: seedMapper as unknown as KindMapper<never, { id: string }>,
};
