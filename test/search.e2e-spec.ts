import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  signInAdmin,
  signUpAs,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import {
  SEARCH_NEEDS,
  SEARCH_SEEDS,
  searchHealth,
  waitForIndex,
  type NeedSearchView,
  type SeedSearchView,
} from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let admin: string;
let coordinator: Account;
let iab: OrganizationView;
let researcher: Account;
let company: OrganizationView;
let rival: OrganizationView;
let member: Account;
let rivalMember: Account;

const searchSeeds = async (variables: Record<string, unknown>, token?: string) =>
  dataOf(await app.gql<{ searchSeeds: SeedSearchView }>(SEARCH_SEEDS, { query: '', ...variables }, token))
    .searchSeeds;
const externalIds = async (query: string, token?: string) =>
  (await searchSeeds({ query, first: 50 }, token)).hits.map((hit) => hit.seed.externalId);
const searchNeeds = async (variables: Record<string, unknown>, token: string) =>
  dataOf(await app.gql<{ searchNeeds: NeedSearchView }>(SEARCH_NEEDS, { query: '', ...variables }, token))
    .searchNeeds;

const SEED_INPUT = (title: Record<string, string>) => ({
  title,
  summary: { ja: 'ダミーの概要です。', en: 'A short summary.' },
  fields: ['metabolomics'],
  institutionId: iab.id,
  trl: 4,
  collaborationTypes: ['joint-research'],
});

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true' });
  admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  iab = await createOrganization(app, admin, 'research-institute', {
    name: { ja: '鶴岡先端研究所', en: 'Tsuruoka Advanced Institute' },
    prefecture: '山形県',
  });
  company = await createOrganization(app, admin, 'company', {
    name: { ja: '庄内醸造', en: 'Shonai Brewing' },
  });
  rival = await createOrganization(app, admin, 'company', { name: { ja: '月山食品', en: 'Gassan Foods' } });
  researcher = await signUpAs(app, 'RESEARCHER', iab.id);
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  rivalMember = await signUpAs(app, 'COMPANY_MEMBER', rival.id);
  for (const account of [researcher, member, rivalMember])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

describe('searching seeds over GraphQL', () => {
  it('finds Japanese and English seeds of the demo catalogue with highlights, facets and totals', async () => {
    const result = await searchSeeds({ query: 'だだちゃ豆' });
    expect(result.hits.map((hit) => hit.seed.externalId)).toContain('seed-yua-002');
    const hit = result.hits.find((h) => h.seed.externalId === 'seed-yua-002')!;
    expect(hit.title).toMatchObject({ language: 'JA' });
    expect(hit.title!.fragments.filter((f) => f.matched).map((f) => f.text)).toEqual(['だだちゃ豆']);
    expect(result.totalHits).toBe(result.hits.length);
    expect(result.processingTimeMs).toBeNull(); // a visitor does not see every seed: the time is not theirs to know
    const fields = result.facets.find((facet) => facet.attribute === 'fields')!;
    expect(fields.values.reduce((sum, value) => sum + value.count, 0)).toBeGreaterThanOrEqual(
      result.totalHits,
    );
    expect(fields.values[0].label?.ja).toBeTruthy();
    const institutions = result.facets.find((facet) => facet.attribute === 'institution')!;
    expect(institutions.values[0].label?.ja).toBeTruthy();

    const english = await searchSeeds({ query: 'nanopore' });
    expect(english.hits.map((h) => h.seed.externalId)).toEqual(['seed-iab-013']);
    expect(english.hits[0].title).toMatchObject({ language: 'EN' });
  });

  it('crosses languages through the glossary, both ways', async () => {
    // each record is in the other language only; the query's words are nowhere in it
    expect(await externalIds('ナノポア')).toEqual(['seed-iab-013']);
    expect(await externalIds('デジタルツイン')).toEqual(['seed-yue-010']);
    expect(await externalIds('ethyl caproate ')).toEqual(['seed-yitc-001']);
    expect(await externalIds('gasification ')).toEqual(['seed-nit-002']);
  });

  it('matches as people type: prefixes, a typo, full width and kana variants', async () => {
    expect(await externalIds('メタボ')).toContain('seed-iab-008');
    expect(await externalIds('metab')).toContain('seed-iab-009');
    expect(await externalIds('nanopoer ')).toContain('seed-iab-013');
    expect(await externalIds('ＮＡＮＯＰＯＲＥ')).toContain('seed-iab-013');
    expect(await externalIds('めたぼろーむ')).toContain('seed-iab-008');
  });

  it('filters, browses with an empty query and pages without overlap', async () => {
    const filtered = await searchSeeds({ filter: { fields: ['metabolomics'], trlMin: 5 }, first: 50 });
    expect(filtered.totalHits).toBeGreaterThan(0);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM research_seed WHERE status = 'published' AND 'metabolomics' = ANY(fields) AND trl >= 5`,
    );
    expect(filtered.totalHits).toBe(rows[0].n);

    const first = await searchSeeds({ first: 10 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await searchSeeds({ first: 10, after: first.pageInfo.endCursor });
    const seen = new Set(first.hits.map((hit) => hit.seed.id));
    expect(second.hits).toHaveLength(10);
    expect(second.hits.some((hit) => seen.has(hit.seed.id))).toBe(false);
    const published = (
      await app.db.query(`SELECT count(*)::int AS n FROM research_seed WHERE status = 'published'`)
    ).rows[0].n;
    expect(first.totalHits).toBe(published);
  });

  it('follows writes: a published seed appears, a draft only for its researchers, an archived one disappears', async () => {
    const created = dataOf(
      await app.gql<{ createSeed: { id: string; version: number } }>(
        'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }',
        { input: SEED_INPUT({ ja: '月山筍の保存技術', en: 'Preserving Gassan bamboo shoots' }) },
        researcher.accessToken,
      ),
    ).createSeed;
    await waitForIndex(app);
    const ids = async (token?: string) =>
      (
        await searchSeeds({ query: 'bamboo shoots', filter: { statuses: ['DRAFT', 'PUBLISHED'] } }, token)
      ).hits.map((hit) => hit.seed.id);
    expect(await ids()).toEqual([]);
    expect(await ids(researcher.accessToken)).toEqual([created.id]);
    expect(await ids(coordinator.accessToken)).toEqual([created.id]);

    const published = dataOf(
      await app.gql<{ publishSeed: { version: number } }>(
        'mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { version } }',
        { input: { id: created.id, version: created.version } },
        researcher.accessToken,
      ),
    ).publishSeed;
    await waitForIndex(app);
    expect(await ids()).toEqual([created.id]);
    expect(await ids(member.accessToken)).toEqual([created.id]);

    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { archiveSeed(input: $input) { id } }',
        { input: { id: created.id, version: published.version } },
        researcher.accessToken,
      ),
    );
    await waitForIndex(app);
    expect(await ids()).toEqual([]);
  });

  it('follows an organization rename into its seeds', async () => {
    dataOf(
      await app.gql(
        'mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }',
        {
          input: {
            id: iab.id,
            version: iab.version,
            name: { ja: '鶴岡先端研究所', en: 'Kyoso Renamed Bioinstitute' },
          },
        },
        admin,
      ),
    );
    await waitForIndex(app);
    const renamed = await searchSeeds(
      { query: 'bioinstitute', filter: { statuses: ['ARCHIVED'] } },
      coordinator.accessToken,
    );
    expect(renamed.hits.map((hit) => hit.seed.title.en)).toEqual(['Preserving Gassan bamboo shoots']);
  });

  it('refuses bad input with the field named, never a 500', async () => {
    expectError(await app.gql(SEARCH_SEEDS, { query: 'x'.repeat(201) }), 'BAD_USER_INPUT', { path: 'query' });
    expectError(await app.gql(SEARCH_SEEDS, { query: 'silk', first: 0 }), 'BAD_USER_INPUT', {
      path: 'first',
    });
    expectError(await app.gql(SEARCH_SEEDS, { query: 'silk', after: 'not-a-cursor' }), 'BAD_USER_INPUT', {
      path: 'after',
    });
    expectError(
      await app.gql(SEARCH_SEEDS, { query: 'silk', filter: { fields: ['astrology'] } }),
      'BAD_USER_INPUT',
      { path: 'filter.fields' },
    );
    expectError(await app.gql(SEARCH_SEEDS, { query: 'silk', filter: { trlMin: 12 } }), 'BAD_USER_INPUT', {
      path: 'filter.trlMin',
    });
    for (const hostile of ['"', 'silk" OR "x', 'NEAR(a b)', '*', ')(', "'; DROP TABLE research_seed; --"]) {
      expect((await app.gql(SEARCH_SEEDS, { query: hostile })).errors).toBeUndefined();
    }
  });
});

describe('searching needs: confidentiality holds in hits and in facet counts', () => {
  let secret: string;
  let publicNeed: string;

  beforeAll(async () => {
    const post = async (
      token: string,
      companyId: string,
      title: Record<string, string>,
      confidentiality: string,
    ) =>
      dataOf(
        await app.gql<{ createNeed: { id: string } }>(
          'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
          {
            input: {
              companyId,
              title,
              description: { ja: '酒粕の新しい用途を探しています。' },
              fields: ['food-science'],
              confidentiality,
            },
          },
          token,
        ),
      ).createNeed.id;
    secret = await post(member.accessToken, company.id, { ja: '酒粕アップサイクル（極秘）' }, 'COORDINATORS');
    publicNeed = await post(rivalMember.accessToken, rival.id, { ja: '酒粕の公開ニーズ' }, 'PUBLIC');
    await waitForIndex(app);
  });

  it('shows a confidential need to coordinators and its own company only', async () => {
    const ids = async (token: string) =>
      (await searchNeeds({ query: '酒粕' }, token)).hits.map((hit) => hit.need.id);
    expect(await ids(coordinator.accessToken)).toContain(secret);
    expect(await ids(member.accessToken)).toContain(secret);
    expect(await ids(rivalMember.accessToken)).not.toContain(secret);
    expect(await ids(rivalMember.accessToken)).toContain(publicNeed);
  });

  it('does not count it in the facets of someone who may not see it', async () => {
    const both = { companyIds: [company.id, rival.id] };
    const facet = (result: NeedSearchView, attribute: string) =>
      Object.fromEntries(
        result.facets.find((f) => f.attribute === attribute)!.values.map((v) => [v.value, v.count]),
      );
    const theirs = await searchNeeds({ query: '酒粕', filter: both }, rivalMember.accessToken);
    expect(theirs.totalHits).toBe(1);
    expect(facet(theirs, 'ownerCompany')).toEqual({ [rival.id]: 1 });
    expect(facet(theirs, 'fields')).toEqual({ 'food-science': 1 });
    const all = await searchNeeds({ query: '酒粕', filter: both }, coordinator.accessToken);
    expect(all.totalHits).toBe(2);
    expect(facet(all, 'ownerCompany')).toEqual({ [rival.id]: 1, [company.id]: 1 });
    expect(facet(all, 'fields')).toEqual({ 'food-science': 2 });
  });

  it('is not for researchers or visitors', async () => {
    expectError(await app.gql(SEARCH_NEEDS, { query: '酒粕' }, researcher.accessToken), 'FORBIDDEN');
    expectError(await app.gql(SEARCH_NEEDS, { query: '酒粕' }), 'UNAUTHENTICATED');
  });
});

describe('/health', () => {
  it('reports the engine, its documents and the outbox lag', async () => {
    const health = await waitForIndex(app);
    expect(health).toMatchObject({
      status: 'up',
      engine: 'embedded',
      outbox: { pending: 0, oldestPendingSeconds: null },
    });
    const seeds = (await app.db.query('SELECT count(*)::int AS n FROM research_seed')).rows[0].n;
    expect(health.indexes?.seeds.documents).toBe(seeds);
    expect((await searchHealth(app)).lastAppliedChange).toBeGreaterThan(0);
  });
});
