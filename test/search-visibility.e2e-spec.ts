import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionService } from '#libs/identity';
import { needVisibilityFilter, SEARCH_ENGINE, type SearchEngine } from '#libs/search';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  publishedSeed,
  signInAdmin,
  signUpAs,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import {
  SEARCH_NEEDS,
  SEARCH_SEEDS,
  waitForIndex,
  type NeedSearchView,
  type SeedSearchView,
} from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The catalog's read rules (lists over SQL) and the search index's filter
 * (hits, totals, facet counts) must give every viewer the same records: one
 * rule, two translations. Records of every status and confidentiality, at
 * two institutions and two companies, seen by every kind of viewer.
 */

const SEED_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const NEED_STATUSES = ['OPEN', 'CLOSED'];

const CREATE_SEED = 'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }';
const PUBLISH_SEED = 'mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { id version } }';
const ARCHIVE_SEED = 'mutation ($input: RecordVersionInput!) { archiveSeed(input: $input) { id version } }';
const CREATE_NEED = 'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }';
const CLOSE_NEED = 'mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { id version } }';
const SEEDS = `query ($statuses: [SeedStatus!]) {
  seeds(statuses: $statuses, first: 100) { totalCount edges { node { id institution { id } } } }
}`;
const NEEDS = `query ($statuses: [NeedStatus!]) {
  needs(statuses: $statuses, first: 100) { totalCount edges { node { id company { id } } } }
}`;

interface Listed {
  totalCount: number;
  edges: { node: { id: string; institution?: { id: string }; company?: { id: string } } }[];
}
type Written = { id: string; version: number };

let app: TestApp;
let engine: SearchEngine;
let sessions: SessionService;
let admin: string;
let coordinator: Account;
let institutionA: OrganizationView;
let institutionB: OrganizationView;
let company1: OrganizationView;
let company2: OrganizationView;
const viewers: Record<string, string | undefined> = {};
const seeds: Record<string, string> = {};
const needs: Record<string, string> = {};

const seedInput = (institutionId: string, title: string, researcherIds?: string[]) => ({
  title: { en: title },
  summary: { en: 'A seed to test who finds it.' },
  fields: ['metabolomics'],
  institutionId,
  trl: 4,
  collaborationTypes: ['joint-research'],
  ...(researcherIds ? { researcherIds } : {}),
});

const write = async (mutation: string, input: object, token: string): Promise<Written> =>
  Object.values(dataOf(await app.gql<Record<string, Written>>(mutation, { input }, token)))[0];

/** A seed moved to `status` by `token` (the writer is listed on it when a researcher). */
async function seed(token: string, status: string, input: Record<string, unknown>): Promise<string> {
  if (status === 'DRAFT') return (await write(CREATE_SEED, input, token)).id;
  const created = await write(CREATE_SEED, input, token);
  const published = await write(PUBLISH_SEED, { id: created.id, version: created.version }, token);
  if (status === 'ARCHIVED') await write(ARCHIVE_SEED, { id: created.id, version: published.version }, token);
  return created.id;
}

async function need(token: string, companyId: string, confidentiality: string, closed = false) {
  const created = await write(
    CREATE_NEED,
    { companyId, confidentiality, title: { ja: `ニーズ ${confidentiality}` }, description: { ja: '説明' } },
    token,
  );
  if (closed) await write(CLOSE_NEED, { id: created.id, version: created.version }, token);
  return created.id;
}

/** The directory id of the person behind a researcher's account, from a seed they wrote. */
async function personOf(seedId: string): Promise<string> {
  const { seed: found } = dataOf(
    await app.gql<{ seed: { researchers: { id: string }[] } }>(
      'query ($id: ID!) { seed(id: $id) { researchers { id } } }',
      { id: seedId },
      coordinator.accessToken,
    ),
  );
  expect(found.researchers).toHaveLength(1);
  return found.researchers[0].id;
}

const countBy = (ids: (string | undefined)[]) =>
  ids.reduce<Record<string, number>>((counts, id) => ({ ...counts, [id!]: (counts[id!] ?? 0) + 1 }), {});
const facetCounts = (facets: SeedSearchView['facets'], attribute: string) =>
  Object.fromEntries(
    (facets.find((facet) => facet.attribute === attribute)?.values ?? []).map((v) => [v.value, v.count]),
  );
const names = (ids: string[], records: Record<string, string>) =>
  Object.entries(records)
    .filter(([, id]) => ids.includes(id))
    .map(([name]) => name)
    .sort();

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  engine = app.api.app.get<symbol, SearchEngine>(SEARCH_ENGINE, { strict: false });
  sessions = app.api.app.get(SessionService, { strict: false });
  admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  institutionA = await createOrganization(app, admin, 'university', { name: { ja: '大学A', en: 'A' } });
  institutionB = await createOrganization(app, admin, 'university', { name: { ja: '大学B', en: 'B' } });
  company1 = await createOrganization(app, admin, 'company', { name: { ja: '会社1', en: 'Company 1' } });
  company2 = await createOrganization(app, admin, 'company', { name: { ja: '会社2', en: 'Company 2' } });
  const pending = await signUpAs(app, 'RESEARCHER', institutionA.id);
  const researcherA = await signUpAs(app, 'RESEARCHER', institutionA.id);
  const researcherB = await signUpAs(app, 'RESEARCHER', institutionB.id);
  const member1 = await signUpAs(app, 'COMPANY_MEMBER', company1.id);
  const member2 = await signUpAs(app, 'COMPANY_MEMBER', company2.id);
  for (const account of [researcherA, researcherB, member1, member2])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  // the viewer is read per request: tokens from sign-up carry the approval from now on
  Object.assign(viewers, {
    anonymous: undefined,
    'pending researcher of A': pending.accessToken,
    'researcher of A': researcherA.accessToken,
    'researcher of B': researcherB.accessToken,
    'member of company 1': member1.accessToken,
    'member of company 2': member2.accessToken,
    coordinator: coordinator.accessToken,
    admin,
  });

  const [a, b, staff] = [researcherA.accessToken, researcherB.accessToken, coordinator.accessToken];
  seeds['A draft, lists A'] = await seed(a, 'DRAFT', seedInput(institutionA.id, 'draft by A'));
  seeds['A published, lists A'] = (
    await publishedSeed(app, researcherA, seedInput(institutionA.id, 'pub'))
  ).id;
  seeds['A archived, lists A'] = await seed(a, 'ARCHIVED', seedInput(institutionA.id, 'archived by A'));
  seeds['A draft, lists nobody'] = await seed(staff, 'DRAFT', seedInput(institutionA.id, 'unlisted'));
  seeds['B draft, lists B'] = await seed(b, 'DRAFT', seedInput(institutionB.id, 'draft by B'));
  seeds['B published, lists nobody'] = await seed(staff, 'PUBLISHED', seedInput(institutionB.id, 'pub B'));
  const personA = await personOf(seeds['A draft, lists A']);
  const personB = await personOf(seeds['B draft, lists B']);
  seeds['A draft, lists B'] = await seed(staff, 'DRAFT', seedInput(institutionA.id, 'x', [personB]));
  seeds['A archived, lists B'] = await seed(staff, 'ARCHIVED', seedInput(institutionA.id, 'y', [personB]));
  seeds['A draft, lists A and B'] = await seed(
    staff,
    'DRAFT',
    seedInput(institutionA.id, 'z', [personA, personB]),
  );

  for (const [company, member] of [
    [company1, member1],
    [company2, member2],
  ] as const) {
    const n = company === company1 ? 1 : 2;
    needs[`${n} public`] = await need(member.accessToken, company.id, 'PUBLIC');
    needs[`${n} coordinators`] = await need(member.accessToken, company.id, 'COORDINATORS');
    needs[`${n} public closed`] = await need(member.accessToken, company.id, 'PUBLIC', true);
    needs[`${n} coordinators closed`] = await need(member.accessToken, company.id, 'COORDINATORS', true);
  }
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

/** The seeds the catalog lists for the viewer (SQL), with their institutions. */
async function listedSeeds(token: string | undefined) {
  return dataOf(await app.gql<{ seeds: Listed }>(SEEDS, { statuses: SEED_STATUSES }, token)).seeds;
}

async function listedNeeds(token: string | undefined) {
  return dataOf(await app.gql<{ needs: Listed }>(NEEDS, { statuses: NEED_STATUSES }, token)).needs;
}

describe('search finds what the catalog lets each viewer read', () => {
  it.each([
    'anonymous',
    'pending researcher of A',
    'researcher of A',
    'researcher of B',
    'member of company 1',
    'member of company 2',
    'coordinator',
    'admin',
  ])('seeds, as %s: the same ids, total and institution counts', async (viewer) => {
    const token = viewers[viewer];
    const listed = await listedSeeds(token);
    const found = dataOf(
      await app.gql<{ searchSeeds: SeedSearchView }>(
        SEARCH_SEEDS,
        { query: '', filter: { statuses: SEED_STATUSES }, first: 50 },
        token,
      ),
    ).searchSeeds;
    const sqlIds = listed.edges.map((edge) => edge.node.id);
    const indexIds = found.hits.map((hit) => hit.seed.id);
    expect(names(indexIds, seeds)).toEqual(names(sqlIds, seeds));
    expect(indexIds.sort()).toEqual(sqlIds.sort());
    expect(found.totalHits).toBe(listed.totalCount);
    expect(facetCounts(found.facets, 'institution')).toEqual(
      countBy(listed.edges.map((edge) => edge.node.institution?.id)),
    );
  });

  it.each([
    'anonymous',
    'pending researcher of A',
    'researcher of A',
    'researcher of B',
    'member of company 1',
    'member of company 2',
    'coordinator',
    'admin',
  ])('needs, as %s: the same ids, total and company counts', async (viewer) => {
    const token = viewers[viewer];
    const listed = await listedNeeds(token);
    const sqlIds = listed.edges.map((edge) => edge.node.id);
    const response = await app.gql<{ searchNeeds: NeedSearchView }>(
      SEARCH_NEEDS,
      { query: '', filter: { statuses: NEED_STATUSES }, first: 50 },
      token,
    );
    let indexIds: string[];
    let total: number;
    let companies: Record<string, number>;
    if (response.errors?.length) {
      // searchNeeds is for companies and staff; the index still must hide from others what SQL hides
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(response.errors[0].extensions.code);
      const result = await engine.search('needs', {
        query: '',
        filter: {
          all: [
            { attribute: 'status', in: ['open', 'closed'] },
            needVisibilityFilter(await sessions.authenticate(token && `Bearer ${token}`)),
          ],
        },
        facets: ['ownerCompany'],
        offset: 0,
        limit: 50,
        highlight: false,
      });
      indexIds = result.hits.map((hit) => hit.id);
      total = result.totalHits;
      companies = result.facetDistribution.ownerCompany ?? {};
    } else {
      const found = dataOf(response).searchNeeds;
      indexIds = found.hits.map((hit) => hit.need.id);
      total = found.totalHits;
      companies = facetCounts(found.facets as SeedSearchView['facets'], 'ownerCompany');
    }
    expect(names(indexIds, needs)).toEqual(names(sqlIds, needs));
    expect(indexIds.sort()).toEqual(sqlIds.sort());
    expect(total).toBe(listed.totalCount);
    expect(companies).toEqual(countBy(listed.edges.map((edge) => edge.node.company?.id)));
  });

  it('hides a draft at institution A from a researcher of B listed on it, in both paths', async () => {
    const token = viewers['researcher of B'];
    const sql = (await listedSeeds(token)).edges.map((edge) => edge.node.id);
    expect(names(sql, seeds)).toEqual([
      'A published, lists A',
      'B draft, lists B',
      'B published, lists nobody',
    ]);
    const own = (await listedSeeds(viewers['researcher of A'])).edges.map((edge) => edge.node.id);
    expect(names(own, seeds)).toEqual([
      'A archived, lists A',
      'A draft, lists A',
      'A draft, lists A and B',
      'A published, lists A',
      'B published, lists nobody',
    ]);
  });
});
