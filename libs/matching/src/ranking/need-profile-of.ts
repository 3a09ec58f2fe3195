import type { CompanyNeed } from '#libs/catalog';
import type { Organization } from '#libs/directory';
import type { NeedProfile } from './need-profile.js';

/** What the matcher reads of a stored need, with its company's place. */
export function needProfileOf(
  need: CompanyNeed,
  company: Pick<Organization, 'prefecture' | 'city'> | null,
): NeedProfile {
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
