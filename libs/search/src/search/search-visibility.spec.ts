import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, meetsCondition, type AffiliationStatus, type Role, type Viewer } from '#libs/core';
import {
  NeedConfidentiality,
  needReadCondition,
  seedReadCondition,
  SeedStatus,
  type CompanyNeed,
  type ResearchSeed,
} from '#libs/catalog';
import type { Organization } from '#libs/directory';
import { needDocument, seedDocument } from '../documents/search-documents.js';
import type { Filter } from '../engine/search-engine.js';
import {
  indexFilter,
  needVisibilityFilter,
  seedVisibilityFilter,
  seesEverything,
} from './search-visibility.js';

const user = (
  role: Role,
  affiliation: AffiliationStatus = 'approved',
  organizationId: string | null = 'org-a',
  userId = `user-${role}-${organizationId}`,
): Viewer => ({ kind: 'user', userId, role, organizationId, affiliation, sessionId: 'session-1' });

const VIEWERS: Record<string, Viewer> = {
  anonymous: ANONYMOUS,
  'broken token': { kind: 'invalid-token' },
  'pending researcher of A': user('researcher', 'pending', 'org-a', 'ra'),
  'researcher of A': user('researcher', 'approved', 'org-a', 'ra'),
  'researcher of B': user('researcher', 'approved', 'org-b', 'rb'),
  'researcher without organization': user('researcher', 'approved', null, 'ra'),
  'member of company 1': user('company-member', 'approved', 'co-1'),
  'pending member of company 1': user('company-member', 'pending', 'co-1'),
  'member of company 2': user('company-member', 'approved', 'co-2'),
  coordinator: user('coordinator'),
  'admin without organization': user('admin', 'pending', null),
};

const organization = (id: string) =>
  ({ id, name: { ja: id, en: id }, prefecture: null, city: null }) as Organization;

/** Every status at both institutions, listing nobody, A's researcher, B's researcher, or both. */
const SEEDS = Object.values(SeedStatus).flatMap((status) =>
  ['org-a', 'org-b'].flatMap((institutionId) =>
    [[], ['ra'], ['rb'], ['ra', 'rb']].map((listed) => ({
      seed: {
        id: `${status}-${institutionId}-${listed.join('+')}`,
        title: { ja: null, en: 't' },
        summary: { ja: null, en: null },
        keywords: [],
        applications: [],
        fields: [],
        institutionId,
        trl: null,
        ipStatus: 'none',
        collaborationTypes: [],
        programCodes: [],
        status,
        publishedAt: null,
      } as unknown as ResearchSeed,
      listed,
    })),
  ),
);

const NEEDS = Object.values(NeedConfidentiality).flatMap((confidentiality) =>
  ['co-1', 'co-2'].map(
    (companyId) =>
      ({
        id: `${confidentiality}-${companyId}`,
        title: { ja: 't', en: null },
        description: { ja: null, en: null },
        fields: [],
        companyId,
        trlMin: null,
        trlMax: null,
        desiredCollaboration: [],
        programCodes: [],
        status: 'open',
        confidentiality,
        createdAt: new Date(0),
      }) as unknown as CompanyNeed,
  ),
);

/** The engines' reading of a filter over one document. */
function matches(filter: Filter, document: Record<string, unknown>): boolean {
  if ('all' in filter) return filter.all.every((part) => matches(part, document));
  if ('any' in filter) return filter.any.some((part) => matches(part, document));
  if (!('in' in filter)) throw new Error('no ranges in visibility filters');
  const value = document[filter.attribute];
  return (Array.isArray(value) ? value : [value]).some((one) => filter.in.includes(one));
}

describe('the index filter derived from the catalog read rules', () => {
  it('renames each attribute and keeps the structure and values', () => {
    const condition = {
      any: [
        { attribute: 'confidentiality', in: ['public'] },
        { all: [{ attribute: 'company', in: ['co-1'] }] },
      ],
    };
    expect(indexFilter(condition, { confidentiality: 'visibility', company: 'ownerCompany' })).toEqual({
      any: [
        { attribute: 'visibility', in: ['public'] },
        { all: [{ attribute: 'ownerCompany', in: ['co-1'] }] },
      ],
    });
  });

  it('refuses a rule over an attribute the index does not hold', () => {
    expect(() => indexFilter({ attribute: 'secret', in: ['x'] }, { status: 'status' })).toThrow(/secret/);
  });

  it('lets staff find everything', () => {
    expect(seedVisibilityFilter(VIEWERS.coordinator)).toEqual({ all: [] });
    expect(needVisibilityFilter(VIEWERS['admin without organization'])).toEqual({ all: [] });
  });

  it.each(Object.keys(VIEWERS))('finds exactly the seeds the catalog lets %s read', (name) => {
    const viewer = VIEWERS[name];
    for (const { seed, listed } of SEEDS) {
      const catalog = meetsCondition(seedReadCondition(viewer), {
        status: seed.status,
        institution: seed.institutionId,
        listedUserIds: listed,
      });
      const document = seedDocument(seed, organization(seed.institutionId), listed);
      expect({ seed: seed.id, found: matches(seedVisibilityFilter(viewer), document) }).toEqual({
        seed: seed.id,
        found: catalog,
      });
    }
  });

  it.each(Object.keys(VIEWERS))('finds exactly the needs the catalog lets %s read', (name) => {
    const viewer = VIEWERS[name];
    for (const need of NEEDS) {
      const catalog = meetsCondition(needReadCondition(viewer), {
        confidentiality: need.confidentiality,
        company: need.companyId,
      });
      const document = needDocument(need, organization(need.companyId));
      expect({ need: need.id, found: matches(needVisibilityFilter(viewer), document) }).toEqual({
        need: need.id,
        found: catalog,
      });
    }
  });

  it("keeps a draft from a listed researcher of another institution, as the catalog's rule does", () => {
    const draft = SEEDS.find(({ seed }) => seed.id === 'draft-org-a-rb')!;
    const document = seedDocument(draft.seed, organization('org-a'), draft.listed);
    expect(matches(seedVisibilityFilter(VIEWERS['researcher of B']), document)).toBe(false);
    expect(matches(seedVisibilityFilter(VIEWERS['researcher of A']), document)).toBe(false);
    const own = SEEDS.find(({ seed }) => seed.id === 'draft-org-a-ra')!;
    expect(
      matches(
        seedVisibilityFilter(VIEWERS['researcher of A']),
        seedDocument(own.seed, organization('org-a'), own.listed),
      ),
    ).toBe(true);
  });
});

describe("who is told the engine's processing time", () => {
  it('is only a viewer who may see every seed or every need', () => {
    const told = (index: 'seeds' | 'needs') =>
      Object.entries(VIEWERS)
        .filter(([, viewer]) => seesEverything(index, viewer))
        .map(([name]) => name);
    expect(told('seeds')).toEqual(['coordinator', 'admin without organization']);
    expect(told('needs')).toEqual(['coordinator', 'admin without organization']);
  });
});
