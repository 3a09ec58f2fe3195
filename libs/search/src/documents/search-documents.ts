import { taxonomyLabel } from '#libs/core';
import { SeedStatus, type CompanyNeed, type ResearchSeed } from '#libs/catalog';
import type { Organization } from '#libs/directory';

/** The documents Kyoso indexes; built by the outbox relay from the database's current state. */

export interface SeedSearchDocument {
  [attribute: string]: string | number | boolean | string[] | null;
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  keywords: string[];
  summaryJa: string | null;
  summaryEn: string | null;
  applications: string[];
  /** Labels of the field codes, ja and en, so a field's name finds its seeds. */
  fieldNames: string[];
  institutionNameJa: string | null;
  institutionNameEn: string | null;
  fields: string[];
  institution: string;
  prefecture: string | null;
  /** The institution's city: matching favours partners nearby. */
  city: string | null;
  trl: number | null;
  ipStatus: string;
  collaborationTypes: string[];
  programs: string[];
  /** draft, published, archived */
  status: string;
  /** public when published; restricted otherwise (kept for readers of the index; filters use the catalog's rule) */
  visibility: 'public' | 'restricted';
  /** Accounts of the researchers listed on the seed: they see it whatever its status. */
  listedUserIds: string[];
  /** Epoch milliseconds; null for a draft. */
  publishedAt: number | null;
}

export interface NeedSearchDocument {
  [attribute: string]: string | number | boolean | string[] | null;
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  descriptionJa: string | null;
  descriptionEn: string | null;
  fieldNames: string[];
  companyNameJa: string | null;
  companyNameEn: string | null;
  fields: string[];
  ownerCompany: string;
  prefecture: string | null;
  trlMin: number | null;
  trlMax: number | null;
  collaborationTypes: string[];
  programs: string[];
  /** open, closed */
  status: string;
  /** The need's confidentiality: public, or coordinators (only the company and staff) */
  visibility: 'public' | 'coordinators';
  /** Epoch milliseconds of posting. */
  publishedAt: number;
}

const fieldNames = (codes: string[]) => codes.flatMap((code) => Object.values(taxonomyLabel('fields', code)));

/** A seed's document: the seed, its institution, and the accounts of the researchers listed on it. */
export function seedDocument(
  seed: ResearchSeed,
  institution: Organization,
  listedUserIds: string[],
): SeedSearchDocument {
  return {
    id: seed.id,
    titleJa: seed.title.ja,
    titleEn: seed.title.en,
    keywords: seed.keywords,
    summaryJa: seed.summary.ja,
    summaryEn: seed.summary.en,
    applications: seed.applications,
    fieldNames: fieldNames(seed.fields),
    institutionNameJa: institution.name.ja,
    institutionNameEn: institution.name.en,
    fields: seed.fields,
    institution: seed.institutionId,
    prefecture: institution.prefecture,
    city: institution.city,
    trl: seed.trl,
    ipStatus: seed.ipStatus,
    collaborationTypes: seed.collaborationTypes,
    programs: seed.programCodes,
    status: seed.status,
    visibility: seed.status === SeedStatus.PUBLISHED ? 'public' : 'restricted',
    listedUserIds,
    publishedAt: seed.publishedAt ? seed.publishedAt.getTime() : null,
  };
}

/** A need's document: the need and its company. */
export function needDocument(need: CompanyNeed, company: Organization): NeedSearchDocument {
  return {
    id: need.id,
    titleJa: need.title.ja,
    titleEn: need.title.en,
    descriptionJa: need.description.ja,
    descriptionEn: need.description.en,
    fieldNames: fieldNames(need.fields),
    companyNameJa: company.name.ja,
    companyNameEn: company.name.en,
    fields: need.fields,
    ownerCompany: need.companyId,
    prefecture: company.prefecture,
    trlMin: need.trlMin,
    trlMax: need.trlMax,
    collaborationTypes: need.desiredCollaboration,
    programs: need.programCodes,
    status: need.status,
    visibility: need.confidentiality,
    publishedAt: need.createdAt.getTime(),
  };
}
