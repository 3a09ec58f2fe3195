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
  /** public when published; restricted otherwise (only listed researchers and staff) */
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
  /** public, or coordinators (only the company and staff) */
  visibility: 'public' | 'coordinators';
  /** Epoch milliseconds of posting. */
  publishedAt: number;
}
