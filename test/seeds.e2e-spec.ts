import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queriesIssued } from '#libs/core';
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
import { startTestApp, type TestApp } from './support/test-app.js';

interface SeedView {
  id: string;
  version: number;
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  title: { ja: string | null; en: string | null };
  trl: number | null;
  fields: string[];
  collaborationTypes: string[];
  publishedAt: string | null;
  reviewDueAt: string | null;
  needsReview: boolean | null;
  institution: { id: string; name: { ja: string | null } };
  researchers: { id: string; name: { ja: string | null; en: string | null } }[];
  programs: { code: string; name: { ja: string | null } }[];
}

const SEED_FIELDS = `id version status title { ja en } trl fields collaborationTypes publishedAt reviewDueAt needsReview
  institution { id name { ja } } researchers { id name { ja en } } programs { code name { ja } }`;
const CREATE = `mutation ($input: CreateSeedInput!) { createSeed(input: $input) { ${SEED_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateSeedInput!) { updateSeed(input: $input) { ${SEED_FIELDS} } }`;
const PUBLISH = `mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { ${SEED_FIELDS} } }`;
const ARCHIVE = `mutation ($input: RecordVersionInput!) { archiveSeed(input: $input) { ${SEED_FIELDS} } }`;
const RENEW = `mutation ($input: RecordVersionInput!) { renewSeed(input: $input) { ${SEED_FIELDS} } }`;
const SEED = `query ($id: ID!) { seed(id: $id) { ${SEED_FIELDS} } }`;
const SEEDS = `query ($fields: [String!], $trlMin: Int, $trlMax: Int, $collaborationTypes: [String!], $programCodes: [String!], $institutionIds: [ID!], $statuses: [SeedStatus!], $first: Int) {
  seeds(fields: $fields, trlMin: $trlMin, trlMax: $trlMax, collaborationTypes: $collaborationTypes, programCodes: $programCodes, institutionIds: $institutionIds, statuses: $statuses, first: $first) {
    totalCount edges { node { ${SEED_FIELDS} } }
  }
}`;

let app: TestApp;
let coordinator: Account;
let iab: OrganizationView;
let yamagata: OrganizationView;
let researcher: Account;
let colleague: Account;

const seedCount = async () =>
  Number((await app.db.query('SELECT count(*) FROM research_seed')).rows[0].count);
const draft = (overrides: Record<string, unknown> = {}) => ({
  title: { ja: 'CE-MSによる網羅的代謝物測定', en: 'Comprehensive metabolite profiling by CE-MS' },
  summary: { ja: '血液や食品中の数百種類の代謝物を一度に測定します。' },
  fields: ['metabolomics'],
  institutionId: iab.id,
  ...overrides,
});
const create = async (account: Account, overrides: Record<string, unknown> = {}) =>
  dataOf(await app.gql<{ createSeed: SeedView }>(CREATE, { input: draft(overrides) }, account.accessToken))
    .createSeed;

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  iab = await createOrganization(app, admin, 'research-institute', {
    name: { ja: '慶應義塾大学先端生命科学研究所' },
  });
  yamagata = await createOrganization(app, admin, 'university', { name: { ja: '山形大学農学部' } });
  researcher = await signUpAs(app, 'RESEARCHER', iab.id, { name: { ja: '冨田 花子', en: 'Hanako Tomita' } });
  colleague = await signUpAs(app, 'RESEARCHER', iab.id);
  await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'approve');
  await decideAffiliation(app, coordinator.accessToken, colleague.userId, 'approve');
  for (const [code, ja] of [
    ['prog-metabolome', 'メタボローム事業化支援'],
    ['prog-kampo', '鶴岡漢方プロジェクト'],
  ]) {
    dataOf(
      await app.gql(
        'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { code, name: { ja } } },
        coordinator.accessToken,
      ),
    );
  }
});
afterAll(async () => {
  await app?.close();
});

describe('a researcher writing a seed', () => {
  it('creates a draft for their institution, listed on it, that others cannot see yet', async () => {
    const seed = await create(researcher, { programCodes: ['prog-metabolome'] });
    expect(seed).toMatchObject({
      status: 'DRAFT',
      version: 1,
      institution: { id: iab.id },
      programs: [{ code: 'prog-metabolome' }],
    });
    expect(seed.researchers.map((person) => person.name)).toEqual([{ ja: '冨田 花子', en: 'Hanako Tomita' }]);

    expectError(await app.gql(SEED, { id: seed.id }), 'NOT_FOUND');
    expectError(await app.gql(SEED, { id: seed.id }, colleague.accessToken), 'NOT_FOUND');
    const hidden = dataOf(
      await app.gql<{ seeds: { edges: { node: SeedView }[] } }>(SEEDS, { statuses: ['DRAFT'] }),
    ).seeds;
    expect(hidden.edges.map((edge) => edge.node.id)).not.toContain(seed.id);
    expect(
      dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id }, researcher.accessToken)).seed.id,
    ).toBe(seed.id);
    expect(
      dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id }, coordinator.accessToken)).seed.id,
    ).toBe(seed.id);
  });

  it('cannot write for another institution, nor as a pending or company account; nothing is written', async () => {
    const before = await seedCount();
    expectError(
      await app.gql(CREATE, { input: draft({ institutionId: yamagata.id }) }, researcher.accessToken),
      'FORBIDDEN',
      {
        reason: 'NOT_YOUR_INSTITUTION',
        path: 'input.institutionId',
      },
    );
    const pending = await signUpAs(app, 'RESEARCHER', iab.id);
    expectError(await app.gql(CREATE, { input: draft() }, pending.accessToken), 'FORBIDDEN', {
      reason: 'AFFILIATION_PENDING',
    });
    expectError(await app.gql(CREATE, { input: draft() }), 'UNAUTHENTICATED');
    expect(await seedCount()).toBe(before);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await seedCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ fields: ['astrology'] }, 'input.fields'],
      [{ fields: [] }, 'input.fields'],
      [{ trl: 10 }, 'input.trl'],
      [{ trl: 0 }, 'input.trl'],
      [{ title: { ja: '', en: ' ' } }, 'input.title.ja'],
      [{ title: { ja: 'あ'.repeat(301) } }, 'input.title.ja'],
      [{ collaborationTypes: ['bribery'] }, 'input.collaborationTypes'],
      [{ ipStatus: 'maybe' }, 'input.ipStatus'],
      [{ keywords: Array(51).fill('x') }, 'input.keywords'],
      [{ programCodes: ['no-such-program'] }, 'input.programCodes'],
      [{ researcherIds: ['00000000-0000-4000-8000-000000000000'] }, 'input.researcherIds'],
    ];
    for (const [overrides, path] of cases) {
      expectError(
        await app.gql(CREATE, { input: draft(overrides) }, researcher.accessToken),
        'BAD_USER_INPUT',
        { path },
      );
    }
    expect(await seedCount()).toBe(before);
  });
});

describe('a researcher’s first seeds written at once', () => {
  it('all land, with one directory person for the researcher', async () => {
    const newcomer = await signUpAs(app, 'RESEARCHER', iab.id);
    await decideAffiliation(app, coordinator.accessToken, newcomer.userId, 'approve');
    const seeds = await Promise.all(Array.from({ length: 6 }, () => create(newcomer)));
    expect(new Set(seeds.map((seed) => seed.id)).size).toBe(6);
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM person WHERE user_id = $1', [
      newcomer.userId,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });
});

describe('publishing', () => {
  it('needs a TRL and a collaboration type, then shows the seed to everyone with a review date', async () => {
    const seed = await create(researcher);
    const refused = expectError(
      await app.gql(PUBLISH, { input: { id: seed.id, version: seed.version } }, researcher.accessToken),
      'BAD_USER_INPUT',
      {
        reason: 'SEED_NOT_PUBLISHABLE',
      },
    );
    expect(refused.extensions.fields).toEqual([
      { path: 'trl', messages: expect.any(Array) },
      { path: 'collaborationTypes', messages: expect.any(Array) },
    ]);

    const edited = dataOf(
      await app.gql<{ updateSeed: SeedView }>(
        UPDATE,
        { input: { id: seed.id, version: seed.version, trl: 6, collaborationTypes: ['joint-research'] } },
        researcher.accessToken,
      ),
    ).updateSeed;
    const published = dataOf(
      await app.gql<{ publishSeed: SeedView }>(
        PUBLISH,
        { input: { id: seed.id, version: edited.version } },
        researcher.accessToken,
      ),
    ).publishSeed;
    expect(published.status).toBe('PUBLISHED');
    const months =
      (Date.parse(published.reviewDueAt!) - Date.parse(published.publishedAt!)) / (30.44 * 24 * 3600 * 1000);
    expect(Math.round(months)).toBe(12);
    expect(dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id })).seed.needsReview).toBeNull();
    expect(
      dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id }, coordinator.accessToken)).seed
        .needsReview,
    ).toBe(false);

    // past the review date: flagged for its researchers and coordinators, still public; renewing clears it
    await app.db.query(`UPDATE research_seed SET review_due_at = now() - interval '1 day' WHERE id = $1`, [
      seed.id,
    ]);
    expect(
      dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id }, researcher.accessToken)).seed
        .needsReview,
    ).toBe(true);
    expect(dataOf(await app.gql<{ seed: SeedView }>(SEED, { id: seed.id })).seed.id).toBe(seed.id);
    const renewed = dataOf(
      await app.gql<{ renewSeed: SeedView }>(
        RENEW,
        { input: { id: seed.id, version: published.version } },
        researcher.accessToken,
      ),
    ).renewSeed;
    expect(renewed.needsReview).toBe(false);

    const archived = dataOf(
      await app.gql<{ archiveSeed: SeedView }>(
        ARCHIVE,
        { input: { id: seed.id, version: renewed.version } },
        researcher.accessToken,
      ),
    ).archiveSeed;
    expect(archived.status).toBe('ARCHIVED');
    expectError(await app.gql(SEED, { id: seed.id }), 'NOT_FOUND');
    expectError(
      await app.gql(RENEW, { input: { id: seed.id, version: archived.version } }, researcher.accessToken),
      'CONFLICT',
      { reason: 'ILLEGAL_STATUS_CHANGE' },
    );
  });
});

describe('editing', () => {
  it('is for the listed researchers and coordinators; a stale version changes nothing; every change is audited', async () => {
    const seed = await create(researcher);
    // someone else's draft answers exactly as an id that does not exist: its existence does not show
    const onDraft = await app.gql(
      UPDATE,
      { input: { id: seed.id, version: 1, trl: 3 } },
      colleague.accessToken,
    );
    expectError(onDraft, 'NOT_FOUND', { reason: 'SEED_NOT_FOUND', path: 'input.id' });
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const onNothing = await app.gql(
      UPDATE,
      { input: { id: unknownId, version: 1, trl: 3 } },
      colleague.accessToken,
    );
    expect(JSON.stringify(onDraft).replaceAll(seed.id, unknownId)).toBe(JSON.stringify(onNothing));

    const byCoordinator = dataOf(
      await app.gql<{ updateSeed: SeedView }>(
        UPDATE,
        { input: { id: seed.id, version: 1, trl: 4 } },
        coordinator.accessToken,
      ),
    ).updateSeed;
    expect(byCoordinator).toMatchObject({ trl: 4, version: 2 });

    expectError(
      await app.gql(UPDATE, { input: { id: seed.id, version: 1, trl: 9 } }, researcher.accessToken),
      'CONFLICT',
      { reason: 'STALE_VERSION', path: 'input.version' },
    );
    expect(
      (await app.db.query('SELECT trl, version FROM research_seed WHERE id = $1', [seed.id])).rows[0],
    ).toEqual({ trl: 4, version: 2 });

    const { rows } = await app.db.query(
      'SELECT actor_user_id, action, changes FROM audit_entry WHERE entity_id = $1 ORDER BY at',
      [seed.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['created', 'updated']);
    expect(rows[1]).toEqual({
      actor_user_id: coordinator.userId,
      action: 'updated',
      changes: { trl: { before: null, after: 4 } },
    });
    expect(rows[0].actor_user_id).toBe(researcher.userId);
  });

  it('answers NOT_FOUND for an unknown seed', async () => {
    expectError(
      await app.gql(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000000', version: 1 } },
        coordinator.accessToken,
      ),
      'NOT_FOUND',
    );
    expectError(await app.gql(SEED, { id: 'not-a-uuid' }), 'NOT_FOUND', { path: 'id' });
    expectError(await app.gql('{ seed(externalId: "nothing-here") { id } }'), 'NOT_FOUND', {
      path: 'externalId',
    });
    expectError(await app.gql('{ need(id: "not-a-uuid") { id } }'), 'NOT_FOUND', { path: 'id' });
  });
});

describe('listing published seeds', () => {
  it('filters by fields, TRL range, collaboration types, programs and institution', async () => {
    const publish = async (account: Account, overrides: Record<string, unknown>) => {
      const seed = await create(account, { collaborationTypes: ['joint-research'], trl: 5, ...overrides });
      return dataOf(
        await app.gql<{ publishSeed: SeedView }>(
          PUBLISH,
          { input: { id: seed.id, version: seed.version } },
          account.accessToken,
        ),
      ).publishSeed;
    };
    const silk = await publish(researcher, {
      fields: ['structural-proteins'],
      trl: 7,
      collaborationTypes: ['licensing'],
      title: { en: 'Spider silk protein fibres' },
    });
    const kampo = await publish(researcher, {
      fields: ['metabolomics'],
      trl: 3,
      programCodes: ['prog-kampo'],
      title: { ja: '漢方生薬の代謝物プロファイル' },
    });
    const ids = async (variables: Record<string, unknown>) =>
      dataOf(
        await app.gql<{ seeds: { edges: { node: SeedView }[] } }>(SEEDS, { first: 100, ...variables }),
      ).seeds.edges.map((edge) => edge.node.id);

    expect(await ids({ fields: ['structural-proteins'] })).toEqual([silk.id]);
    expect(await ids({ trlMin: 6, trlMax: 9 })).toContain(silk.id);
    expect(await ids({ trlMin: 6, trlMax: 9 })).not.toContain(kampo.id);
    expect(await ids({ collaborationTypes: ['licensing'] })).toEqual([silk.id]);
    expect(await ids({ programCodes: ['prog-kampo'] })).toEqual([kampo.id]);
    expect(await ids({ institutionIds: [yamagata.id] })).toEqual([]);
    expectError(await app.gql(SEEDS, { fields: ['astrology'] }), 'BAD_USER_INPUT', { path: 'fields' });
  });

  it('loads institutions, researchers and programs of a page in a bounded number of queries', async () => {
    const count = async (first: number) => {
      const before = queriesIssued();
      // every seed on these pages has institution, researchers and programs to load
      const page = dataOf(
        await app.gql<{ seeds: { edges: unknown[] } }>(SEEDS, { first, programCodes: ['prog-metabolome'] }),
      );
      return { queries: queriesIssued() - before, rows: page.seeds.edges.length };
    };
    for (let i = 0; i < 4; i++) {
      const seed = await create(researcher, {
        trl: 4,
        collaborationTypes: ['contract-research'],
        programCodes: ['prog-metabolome', 'prog-kampo'],
      });
      dataOf(
        await app.gql(PUBLISH, { input: { id: seed.id, version: seed.version } }, researcher.accessToken),
      );
    }
    const one = await count(1);
    const all = await count(50);
    expect(all.rows).toBeGreaterThanOrEqual(4);
    expect(all.queries).toBe(one.queries);
  });
});

describe('programs', () => {
  it('are read by anyone, written by coordinators, with unique codes', async () => {
    const programs = dataOf(
      await app.gql<{ programs: { totalCount: number } }>('{ programs { totalCount } }'),
    ).programs;
    expect(programs.totalCount).toBeGreaterThanOrEqual(2);
    const input = { code: 'prog-kampo', name: { ja: '重複' } };
    expectError(
      await app.gql(
        'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input },
        coordinator.accessToken,
      ),
      'CONFLICT',
      {
        path: 'input.code',
      },
    );
    expectError(
      await app.gql(
        'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { code: 'x y', name: { ja: 'x' } } },
        coordinator.accessToken,
      ),
      'BAD_USER_INPUT',
      {
        path: 'input.code',
      },
    );
    expectError(
      await app.gql(
        'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { code: 'prog-new', name: { ja: 'x' } } },
        researcher.accessToken,
      ),
      'FORBIDDEN',
    );
    const kampo = dataOf(
      await app.gql<{ program: { name: { ja: string } } }>('{ program(code: "prog-kampo") { name { ja } } }'),
    ).program;
    expect(kampo.name.ja).toBe('鶴岡漢方プロジェクト');
  });
});
