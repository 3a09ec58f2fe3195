import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  signInAdmin,
  signUpAs,
  until,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let coordinator: Account;
let member: Account;
let researcher: Account;
let company: OrganizationView;
let institute: string;

const autoProposals = async (needId: string) =>
  (
    await app.db.query(
      `SELECT p.seed_id, p.score, s.external_id FROM match_proposal p JOIN research_seed s ON s.id = p.seed_id WHERE p.need_id = $1 AND p.created_by_user_id IS NULL ORDER BY p.score DESC`,
      [needId],
    )
  ).rows as { seed_id: string; score: number; external_id: string | null }[];

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  company = await createOrganization(app, admin, 'company', {
    name: { ja: '鶴岡酒造', en: 'Tsuruoka Brewery' },
    prefecture: '山形県',
    city: '鶴岡市',
  });
  institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`)).rows[0]
    .id as string;
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  for (const account of [member, researcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

describe('automatic re-matching', () => {
  it('files proposals for a new need above the threshold, once per pair, and tells the company', async () => {
    const need = dataOf(
      await app.gql<{ createNeed: { id: string; version: number } }>(
        'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
        {
          input: {
            companyId: company.id,
            title: { ja: '日本酒の香りと味のばらつきを減らしたい' },
            description: {
              ja: 'タンクごとに吟醸香や味が変わる。成分を分析して原因を突き止め、製造条件の改善につなげたい。',
            },
            fields: ['fermentation-bioprocess'],
            desiredCollaboration: ['joint-research', 'contract-research'],
            trlMin: 4,
            trlMax: 9,
          },
        },
        member.accessToken,
      ),
    ).createNeed;
    const filed = await until(async () =>
      (await autoProposals(need.id)).length ? autoProposals(need.id) : undefined,
    );
    expect(filed.every((proposal) => proposal.score >= 0.6)).toBe(true);
    expect(filed.length).toBeLessThanOrEqual(3);
    expect(filed.map((proposal) => proposal.external_id)).toContain('seed-iab-008');
    const kinds = (
      await app.db.query(`SELECT kind FROM notification WHERE user_id = $1`, [member.userId])
    ).rows.map((row) => row.kind);
    expect(kinds).toContain('new-candidate');

    // editing the need re-matches, but never files a pair twice
    dataOf(
      await app.gql(
        'mutation ($input: UpdateNeedInput!) { updateNeed(input: $input) { id } }',
        {
          input: {
            id: need.id,
            version: need.version,
            title: { ja: '日本酒の香りと味のばらつきを減らしたい（再掲）' },
          },
        },
        member.accessToken,
      ),
    );
    await waitForIndex(app);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await autoProposals(need.id);
    expect(new Set(again.map((proposal) => proposal.seed_id)).size).toBe(again.length);
    expect(again.length).toBeGreaterThanOrEqual(filed.length);
  });

  it('files proposals when a seed is published for the open needs it answers', async () => {
    const need = (await app.db.query(`SELECT id FROM company_need WHERE company_id = $1`, [company.id]))
      .rows[0].id as string;
    const seed = dataOf(
      await app.gql<{ createSeed: { id: string; version: number } }>(
        'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }',
        {
          input: {
            title: {
              ja: '日本酒の吟醸香のばらつきを成分分析で解明',
              en: 'Explaining sake aroma variation by component analysis',
            },
            summary: { ja: 'タンクごとの吟醸香や味の違いを成分分析し、製造条件の改善につなげる。' },
            fields: ['fermentation-bioprocess'],
            institutionId: institute,
            trl: 5,
            collaborationTypes: ['joint-research', 'contract-research'],
          },
        },
        researcher.accessToken,
      ),
    ).createSeed;
    await waitForIndex(app);
    expect(
      (await app.db.query(`SELECT count(*)::int AS n FROM match_proposal WHERE seed_id = $1`, [seed.id]))
        .rows[0].n,
    ).toBe(0); // a draft is not proposed
    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { id } }',
        { input: { id: seed.id, version: seed.version } },
        researcher.accessToken,
      ),
    );
    const filed = await until(async () => {
      const rows = (await app.db.query(`SELECT need_id FROM match_proposal WHERE seed_id = $1`, [seed.id]))
        .rows;
      return rows.length ? rows : undefined;
    });
    expect(filed.map((row) => row.need_id)).toContain(need);
  });
});

describe('saved searches', () => {
  const SAVE = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id name query } }`;

  it('tells a company member once when a newly published seed matches a saved search', async () => {
    const saved = dataOf(
      await app.gql<{ saveSearch: { id: string } }>(
        SAVE,
        { input: { name: '麹の研究', query: '麹菌 ', filter: { fields: ['fermentation-bioprocess'] } } },
        member.accessToken,
      ),
    ).saveSearch;
    expect(
      dataOf(
        await app.gql<{ savedSearches: { id: string }[] }>(
          '{ savedSearches { id name } }',
          {},
          member.accessToken,
        ),
      ).savedSearches.map((s) => s.id),
    ).toEqual([saved.id]);
    const matches = async () =>
      (
        await app.db.query(
          `SELECT kind, seed_id FROM notification WHERE user_id = $1 AND kind = 'saved-search-match'`,
          [member.userId],
        )
      ).rows as { seed_id: string }[];
    const before = (await matches()).length;

    const seed = dataOf(
      await app.gql<{ createSeed: { id: string; version: number } }>(
        'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }',
        {
          input: {
            title: {
              ja: '麹菌の酵素活性を高める培養法',
              en: 'Culturing koji mould for higher enzyme activity',
            },
            summary: { ja: '麹菌の培養条件を最適化する。' },
            fields: ['fermentation-bioprocess'],
            institutionId: institute,
            trl: 4,
            collaborationTypes: ['joint-research'],
          },
        },
        researcher.accessToken,
      ),
    ).createSeed;
    const published = dataOf(
      await app.gql<{ publishSeed: { version: number } }>(
        'mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { version } }',
        { input: { id: seed.id, version: seed.version } },
        researcher.accessToken,
      ),
    ).publishSeed;
    const found = await until(async () =>
      (await matches()).some((n) => n.seed_id === seed.id) ? matches() : undefined,
    );
    expect(found.length).toBe(before + 1);

    // renewing the seed changes it again; the saved search is not told twice
    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { renewSeed(input: $input) { id } }',
        { input: { id: seed.id, version: published.version } },
        researcher.accessToken,
      ),
    );
    await waitForIndex(app);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await matches()).filter((n) => n.seed_id === seed.id)).toHaveLength(1);
  });

  it('keeps saved searches to their owner', async () => {
    const other = await signUpAs(app, 'COMPANY_MEMBER', company.id);
    await decideAffiliation(app, coordinator.accessToken, other.userId, 'approve');
    expect(
      dataOf(await app.gql<{ savedSearches: unknown[] }>('{ savedSearches { id } }', {}, other.accessToken))
        .savedSearches,
    ).toEqual([]);
    const mine = dataOf(
      await app.gql<{ savedSearches: { id: string }[] }>('{ savedSearches { id } }', {}, member.accessToken),
    ).savedSearches[0].id;
    const DELETE = 'mutation ($id: ID!) { deleteSavedSearch(id: $id) }';
    expect((await app.gql(DELETE, { id: mine }, other.accessToken)).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(
      dataOf(await app.gql<{ deleteSavedSearch: boolean }>(DELETE, { id: mine }, member.accessToken))
        .deleteSavedSearch,
    ).toBe(true);
    expect(
      (await app.gql(SAVE, { input: { name: '', query: 'x' } }, member.accessToken)).errors?.[0].extensions
        .code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await app.gql(SAVE, { input: { name: 'x', query: 'x' } }, researcher.accessToken)).errors?.[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });
});
