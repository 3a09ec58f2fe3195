import type { Filter } from '../engine/search-engine.js';
import type { NeedSearchFilter } from './dto/need-search-filter.input.js';
import type { SeedSearchFilter } from './dto/seed-search-filter.input.js';

export const inList = (attribute: string, values: (string | number)[] | undefined): Filter[] =>
  values?.length ? [{ attribute, in: values }] : [];

/** The typed filters of a seed search as index conditions (the viewer's visibility comes on top). */
export function seedFilters(filter: SeedSearchFilter): Filter[] {
  return [
    ...inList('fields', filter.fields),
    ...inList('institution', filter.institutionIds),
    ...inList('prefecture', filter.prefectures),
    ...inList('ipStatus', filter.ipStatuses),
    ...inList('collaborationTypes', filter.collaborationTypes),
    ...inList('programs', filter.programs),
    ...(filter.trlMin !== undefined || filter.trlMax !== undefined
      ? [{ attribute: 'trl', min: filter.trlMin, max: filter.trlMax }]
      : []),
  ];
}

export function needFilters(filter: NeedSearchFilter): Filter[] {
  return [
    ...inList('fields', filter.fields),
    ...inList('ownerCompany', filter.companyIds),
    ...inList('collaborationTypes', filter.collaborationTypes),
    ...inList('programs', filter.programs),
  ];
}
