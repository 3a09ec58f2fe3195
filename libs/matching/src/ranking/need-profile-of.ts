import type { EntityManager } from 'typeorm';
import type { CompanyNeed } from '#libs/catalog';
import { Organization } from '#libs/directory';
import type { NeedProfile } from './need-profile.js';

/** What the matcher reads of a stored need, with its company's place. */
export async function needProfileOf(manager: EntityManager, need: CompanyNeed): Promise<NeedProfile> {
  const company = await manager.findOneBy(Organization, { id: need.companyId });
  return {
    title: need.title,
    description: need.description,
    fields: need.fields,
    desiredCollaboration: need.desiredCollaboration,
    trlMin: need.trlMin,
    trlMax: need.trlMax,
    programs: need.programCodes,
    prefecture: company?.prefecture ?? null,
    city: company?.city ?? null,
  };
}
