import type { EntityManager } from 'typeorm';
import { taxonomyLabel, type ChangeTopic } from '#libs/core';
import { NEED_CHANGES, PROGRAM_CHANGES, SEED_CHANGES } from '#libs/catalog';
import { ORGANIZATION_CHANGES } from '#libs/directory';
import type { NeedSearchDocument, SeedSearchDocument } from './search-documents.js';

/**
 * Builds search documents from the database's current state. One query per
 * kind and batch: the relay and reindex call these with thousands of ids.
 * Raw SQL because a seed's document spans four tables; the column names are
 * the catalog's and directory's migrations'.
 */

const fieldNames = (codes: string[]) => codes.flatMap((code) => Object.values(taxonomyLabel('fields', code)));
const epoch = (value: Date | string | null) => (value === null ? null : new Date(value).getTime());

interface SeedRow {
  id: string;
  title_ja: string | null;
  title_en: string | null;
  summary_ja: string | null;
  summary_en: string | null;
  keywords: string[];
  applications: string[];
  fields: string[];
  institution_id: string;
  trl: number | null;
  ip_status: string;
  collaboration_types: string[];
  program_codes: string[];
  status: string;
  published_at: Date | null;
  institution_ja: string | null;
  institution_en: string | null;
  prefecture: string | null;
  city: string | null;
  listed_user_ids: string[];
}

export async function loadSeedDocuments(
  manager: EntityManager,
  ids: string[],
): Promise<SeedSearchDocument[]> {
  if (ids.length === 0) return [];
  const rows: SeedRow[] = await manager.query(
    `SELECT s.id, s.title_ja, s.title_en, s.summary_ja, s.summary_en, s.keywords, s.applications, s.fields, s.institution_id,
            s.trl, s.ip_status, s.collaboration_types, s.program_codes, s.status, s.published_at,
            o.name_ja AS institution_ja, o.name_en AS institution_en, o.prefecture, o.city,
            coalesce((SELECT array_agg(DISTINCT p.user_id::text) FROM seed_researcher sr JOIN person p ON p.id = sr.person_id
                      WHERE sr.seed_id = s.id AND p.user_id IS NOT NULL), '{}') AS listed_user_ids
       FROM research_seed s JOIN organization o ON o.id = s.institution_id
      WHERE s.id = ANY($1)`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id,
    titleJa: row.title_ja,
    titleEn: row.title_en,
    keywords: row.keywords,
    summaryJa: row.summary_ja,
    summaryEn: row.summary_en,
    applications: row.applications,
    fieldNames: fieldNames(row.fields),
    institutionNameJa: row.institution_ja,
    institutionNameEn: row.institution_en,
    fields: row.fields,
    institution: row.institution_id,
    prefecture: row.prefecture,
    city: row.city,
    trl: row.trl,
    ipStatus: row.ip_status,
    collaborationTypes: row.collaboration_types,
    programs: row.program_codes,
    status: row.status,
    visibility: row.status === 'published' ? 'public' : 'restricted',
    listedUserIds: row.listed_user_ids,
    publishedAt: epoch(row.published_at),
  }));
}

interface NeedRow {
  id: string;
  title_ja: string | null;
  title_en: string | null;
  description_ja: string | null;
  description_en: string | null;
  fields: string[];
  company_id: string;
  trl_min: number | null;
  trl_max: number | null;
  desired_collaboration: string[];
  program_codes: string[];
  status: string;
  confidentiality: string;
  created_at: Date;
  company_ja: string | null;
  company_en: string | null;
  prefecture: string | null;
}

export async function loadNeedDocuments(
  manager: EntityManager,
  ids: string[],
): Promise<NeedSearchDocument[]> {
  if (ids.length === 0) return [];
  const rows: NeedRow[] = await manager.query(
    `SELECT n.id, n.title_ja, n.title_en, n.description_ja, n.description_en, n.fields, n.company_id, n.trl_min, n.trl_max,
            n.desired_collaboration, n.program_codes, n.status, n.confidentiality, n.created_at,
            o.name_ja AS company_ja, o.name_en AS company_en, o.prefecture
       FROM company_need n JOIN organization o ON o.id = n.company_id
      WHERE n.id = ANY($1)`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id,
    titleJa: row.title_ja,
    titleEn: row.title_en,
    descriptionJa: row.description_ja,
    descriptionEn: row.description_en,
    fieldNames: fieldNames(row.fields),
    companyNameJa: row.company_ja,
    companyNameEn: row.company_en,
    fields: row.fields,
    ownerCompany: row.company_id,
    prefecture: row.prefecture,
    trlMin: row.trl_min,
    trlMax: row.trl_max,
    collaborationTypes: row.desired_collaboration,
    programs: row.program_codes,
    status: row.status,
    visibility: row.confidentiality === 'public' ? 'public' : 'coordinators',
    publishedAt: new Date(row.created_at).getTime(),
  }));
}

/** Which seeds and needs a batch of changes touches: organizations and programs fan out to their records. */
export async function affectedRecords(
  manager: EntityManager,
  changes: { topic: string; entityId: string }[],
): Promise<{ seeds: string[]; needs: string[] }> {
  const of = (topic: ChangeTopic) => [
    ...new Set(changes.filter((change) => change.topic === topic).map((change) => change.entityId)),
  ];
  const seeds = new Set(of(SEED_CHANGES));
  const needs = new Set(of(NEED_CHANGES));
  const organizations = of(ORGANIZATION_CHANGES);
  const programs = of(PROGRAM_CHANGES);
  if (organizations.length) {
    for (const row of await manager.query(`SELECT id FROM research_seed WHERE institution_id = ANY($1)`, [
      organizations,
    ]))
      seeds.add(row.id);
    for (const row of await manager.query(`SELECT id FROM company_need WHERE company_id = ANY($1)`, [
      organizations,
    ]))
      needs.add(row.id);
  }
  if (programs.length) {
    const codes = `(SELECT array_agg(code) FROM program WHERE id = ANY($1))`;
    for (const row of await manager.query(`SELECT id FROM research_seed WHERE program_codes && ${codes}`, [
      programs,
    ]))
      seeds.add(row.id);
    for (const row of await manager.query(`SELECT id FROM company_need WHERE program_codes && ${codes}`, [
      programs,
    ]))
      needs.add(row.id);
  }
  return { seeds: [...seeds], needs: [...needs] };
}
