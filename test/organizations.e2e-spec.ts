import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectRoot } from '#libs/core';
import {
  adminEnv,
  countRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  fieldPaths,
  ORGANIZATION_FIELDS,
  signInAdmin,
  signUpAs,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let adminToken: string;
let coordinator: Account;
let pendingResearcher: Account;
let approvedResearcher: Account;
let approvedMember: Account;
let home: OrganizationView;

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  adminToken = await signInAdmin(app);
  coordinator = await createStaff(app, adminToken, 'COORDINATOR');
  home = await createOrganization(app, adminToken, 'university', {
    name: { ja: '慶應義塾大学', en: 'Keio University' },
  });
  const employer = await createOrganization(app, adminToken, 'company');
  pendingResearcher = await signUpAs(app, 'RESEARCHER', home.id);
  approvedResearcher = await signUpAs(app, 'RESEARCHER', home.id);
  approvedMember = await signUpAs(app, 'COMPANY_MEMBER', employer.id);
  await decideAffiliation(app, coordinator.accessToken, approvedResearcher.userId, 'approve');
  await decideAffiliation(app, coordinator.accessToken, approvedMember.userId, 'approve');
});
afterAll(async () => {
  await app?.close();
});

interface OrganizationsPage {
  organizations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: OrganizationView }[];
  };
}

const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const ONE = `query ($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;
const LIST = `query ($first: Int, $after: String, $types: [String!], $prefecture: String, $nameContains: String) {
  organizations(first: $first, after: $after, types: $types, prefecture: $prefecture, nameContains: $nameContains) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${ORGANIZATION_FIELDS} } }
  }
}`;

const list = (args: Record<string, unknown>, token?: string) => app.gql<OrganizationsPage>(LIST, args, token);
const create = (input: Record<string, unknown>, token: string | undefined = coordinator.accessToken) =>
  app.gql<{ createOrganization: OrganizationView }>(CREATE, { input }, token);
const update = (input: Record<string, unknown>, token: string = coordinator.accessToken) =>
  app.gql<{ updateOrganization: OrganizationView }>(UPDATE, { input }, token);

/** A prefecture no other test uses, so a filtered list holds only this test's organizations. */
const isolatedPrefecture = () => `県${randomBytes(4).toString('hex')}`;

async function organizationRow(id: string) {
  const { rows } = await app.db.query('SELECT * FROM organization WHERE id = $1', [id]);
  return rows[0] as Record<string, unknown> | undefined;
}

describe('reading organizations', () => {
  it('lists the organization types with Japanese and English labels to anyone', async () => {
    const types = dataOf(
      await app.gql<{ organizationTypes: { code: string; label: { ja: string; en: string } }[] }>(
        '{ organizationTypes { code label { ja en } } }',
      ),
    ).organizationTypes;
    const taxonomy = JSON.parse(readFileSync(join(projectRoot(), 'data', 'taxonomy.json'), 'utf8')) as {
      organizationTypes: { code: string; ja: string; en: string }[];
    };
    expect(types).toEqual(
      taxonomy.organizationTypes.map(({ code, ja, en }) => ({ code, label: { ja, en } })),
    );
    expect(types).toContainEqual({ code: 'university', label: { ja: '大学', en: 'University' } });
    for (const { label } of types) {
      expect(label.ja.length).toBeGreaterThan(0);
      expect(label.en.length).toBeGreaterThan(0);
    }
  });

  it('shows one organization, with its type label, to an anonymous visitor', async () => {
    const organization = dataOf(
      await app.gql<{ organization: OrganizationView }>(ONE, { id: home.id }),
    ).organization;
    expect(organization).toEqual(home);
    expect(organization.typeLabel).toEqual({ ja: '大学', en: 'University' });
    expect(organization.version).toBe(1);
  });

  it('lists organizations to an anonymous visitor', async () => {
    const page = dataOf(await list({ first: 100 })).organizations;
    expect(page.edges.map((edge) => edge.node.id)).toContain(home.id);
    expect(page.totalCount).toBe(await countRows(app, 'organization'));
  });

  it('answers an unknown id with NOT_FOUND', async () => {
    const error = expectError(await app.gql(ONE, { id: randomUUID() }), 'NOT_FOUND', {
      reason: 'ORGANIZATION_NOT_FOUND',
    });
    expect(fieldPaths(error)).toEqual(['id']);
    // Any string is a GraphQL ID; one that is not even a UUID names no organization either.
    expectError(await app.gql(ONE, { id: 'tsuruoka' }), 'NOT_FOUND', { reason: 'ORGANIZATION_NOT_FOUND' });
  });
});

describe('creating organizations', () => {
  it('is refused to visitors, researchers and company members, writing nothing', async () => {
    const before = await countRows(app, 'organization');
    const input = { type: 'university', name: { ja: '無許可大学' } };
    expectError(await app.gql(CREATE, { input }), 'UNAUTHENTICATED', { reason: 'NOT_SIGNED_IN' });
    expectError(await create(input, 'garbage-token'), 'UNAUTHENTICATED');
    expectError(await create(input, pendingResearcher.accessToken), 'FORBIDDEN', {
      reason: 'AFFILIATION_PENDING',
    });
    expectError(await create(input, approvedResearcher.accessToken), 'FORBIDDEN', { reason: 'NOT_ALLOWED' });
    expectError(await create(input, approvedMember.accessToken), 'FORBIDDEN', { reason: 'NOT_ALLOWED' });
    expect(await countRows(app, 'organization')).toBe(before);
    const { rows } = await app.db.query(`SELECT 1 FROM organization WHERE name_ja = '無許可大学'`);
    expect(rows).toHaveLength(0);
  });

  it('is open to coordinators and admins, storing trimmed values', async () => {
    const created = dataOf(
      await create({
        type: 'research-institute',
        name: { ja: '  鶴岡サイエンスパーク研究所 ', en: 'Tsuruoka Science Park Institute' },
        description: { ja: 'バイオの研究拠点', en: 'A bioscience hub' },
        prefecture: ' 山形県 ',
        city: '鶴岡市',
        website: 'https://example.jp/lab',
        externalId: `ext-${randomUUID()}`,
      }),
    ).createOrganization;
    expect(created).toMatchObject({
      type: 'research-institute',
      typeLabel: { ja: '研究所', en: 'Research institute' },
      name: { ja: '鶴岡サイエンスパーク研究所', en: 'Tsuruoka Science Park Institute' },
      description: { ja: 'バイオの研究拠点', en: 'A bioscience hub' },
      prefecture: '山形県',
      city: '鶴岡市',
      website: 'https://example.jp/lab',
      version: 1,
    });
    expect(await organizationRow(created.id)).toMatchObject({
      name_ja: '鶴岡サイエンスパーク研究所',
      prefecture: '山形県',
      version: 1,
    });

    const byAdmin = dataOf(
      await create({ type: 'government', name: { ja: '鶴岡市役所' } }, adminToken),
    ).createOrganization;
    expect(byAdmin).toMatchObject({
      type: 'government',
      description: { ja: null, en: null },
      prefecture: null,
      website: null,
      externalId: null,
    });
  });

  it('accepts a Japanese-only name and an English-only name', async () => {
    const japanese = dataOf(
      await create({ type: 'college', name: { ja: '鶴岡工業高等専門学校' } }),
    ).createOrganization;
    expect(japanese.name).toEqual({ ja: '鶴岡工業高等専門学校', en: null });
    const english = dataOf(await create({ type: 'startup', name: { en: 'Spiber Inc.' } })).createOrganization;
    expect(english.name).toEqual({ ja: null, en: 'Spiber Inc.' });
    expect(await organizationRow(english.id)).toMatchObject({ name_ja: null, name_en: 'Spiber Inc.' });
  });

  it.each([
    ['an unknown type', { type: 'castle' }, 'input.type'],
    ['a type in the wrong case', { type: 'University' }, 'input.type'],
    ['a website that is no URL', { website: 'not a url' }, 'input.website'],
    ['a website without a protocol', { website: 'example.jp' }, 'input.website'],
    ['an ftp website', { website: 'ftp://example.jp/' }, 'input.website'],
    ['a javascript: website', { website: 'javascript:alert(1)' }, 'input.website'],
    ['an empty name', { name: { ja: '', en: '' } }, 'input.name.ja'],
    ['no name at all', { name: {} }, 'input.name.ja'],
    ['a name over 200 characters', { name: { en: 'n'.repeat(201) } }, 'input.name.en'],
    [
      'a description over 5000 characters',
      { description: { ja: 'あ'.repeat(5001) } },
      'input.description.ja',
    ],
    ['a prefecture over 20 characters', { prefecture: '県'.repeat(21) }, 'input.prefecture'],
    ['an externalId over 200 characters', { externalId: 'x'.repeat(201) }, 'input.externalId'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_label, overrides, path) => {
    const before = await countRows(app, 'organization');
    const error = expectError(
      await create({ type: 'university', name: { ja: '検証大学' }, ...overrides }),
      'BAD_USER_INPUT',
      {
        reason: 'INVALID_INPUT',
      },
    );
    expect(fieldPaths(error)).toEqual([path]);
    expect(await countRows(app, 'organization')).toBe(before);
  });

  it('refuses a duplicate externalId with CONFLICT, writing nothing', async () => {
    const externalId = `jp-univ-${randomUUID()}`;
    const first = dataOf(
      await create({ type: 'university', name: { ja: '最初の大学' }, externalId }),
    ).createOrganization;
    expect(first.externalId).toBe(externalId);
    const before = await countRows(app, 'organization');

    const error = expectError(
      await create({ type: 'university', name: { ja: '二番目の大学' }, externalId }),
      'CONFLICT',
      {
        reason: 'EXTERNAL_ID_TAKEN',
      },
    );
    expect(fieldPaths(error)).toEqual(['input.externalId']);
    expect(await countRows(app, 'organization')).toBe(before);
  });

  it('answers simultaneous creates with the same externalId with one success and CONFLICTs', async () => {
    const externalId = `race-${randomUUID()}`;
    const before = await countRows(app, 'organization');
    const responses = await Promise.all(
      [1, 2, 3, 4].map((n) => create({ type: 'company', name: { en: `Racer ${n}` }, externalId })),
    );
    const codes = responses.map((response) => response.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await countRows(app, 'organization')).toBe(before + 1);
  });

  it('treats a blank externalId as none, so several organizations may leave it blank', async () => {
    const one = dataOf(
      await create({ type: 'company', name: { en: 'Blank One' }, externalId: '  ' }),
    ).createOrganization;
    const two = dataOf(
      await create({ type: 'company', name: { en: 'Blank Two' }, externalId: '' }),
    ).createOrganization;
    expect([one.externalId, two.externalId]).toEqual([null, null]);
  });
});

describe('updating organizations', () => {
  it('applies an edit based on the current version and bumps the version', async () => {
    const original = await createOrganization(app, coordinator.accessToken, 'public-lab', {
      name: { ja: '山形県工業技術センター', en: 'Yamagata Research Institute of Technology' },
      city: '山形市',
      website: 'https://example.jp/old',
    });
    const updated = dataOf(
      await update({
        id: original.id,
        version: 1,
        name: { ja: '山形県工業技術センター庄内試験場' },
        city: '鶴岡市',
        website: null,
      }),
    ).updateOrganization;
    expect(updated).toMatchObject({
      id: original.id,
      version: 2,
      type: 'public-lab',
      name: { ja: '山形県工業技術センター庄内試験場', en: null },
      city: '鶴岡市',
      website: null,
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(original.updatedAt));
    expect(await organizationRow(original.id)).toMatchObject({
      version: 2,
      city: '鶴岡市',
      website: null,
      name_ja: '山形県工業技術センター庄内試験場',
    });

    // An admin edits on top of version 2.
    const again = dataOf(
      await update({ id: original.id, version: 2, type: 'research-institute' }, adminToken),
    ).updateOrganization;
    expect(again).toMatchObject({
      version: 3,
      type: 'research-institute',
      typeLabel: { ja: '研究所', en: 'Research institute' },
      city: '鶴岡市',
    });

    // every change is in the audit log: who, which fields, before and after
    const { rows } = await app.db.query(
      'SELECT actor_user_id, action, changes FROM audit_entry WHERE entity_id = $1 ORDER BY at',
      [original.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['created', 'updated', 'updated']);
    expect(rows[0].actor_user_id).toBe(coordinator.userId);
    expect(rows[1].changes).toEqual({
      name: {
        before: { ja: '山形県工業技術センター', en: 'Yamagata Research Institute of Technology' },
        after: { ja: '山形県工業技術センター庄内試験場', en: null },
      },
      city: { before: '山形市', after: '鶴岡市' },
      website: { before: 'https://example.jp/old', after: null },
    });
    expect(rows[2].changes).toEqual({ type: { before: 'public-lab', after: 'research-institute' } });
  });

  it('refuses an edit based on a stale version with CONFLICT and leaves the row unchanged', async () => {
    const organization = await createOrganization(app, coordinator.accessToken, 'university', {
      name: { ja: '元の名前' },
    });
    dataOf(await update({ id: organization.id, version: 1, name: { ja: '一度目の変更' } }));
    const before = await organizationRow(organization.id);

    const error = expectError(
      await update({ id: organization.id, version: 1, name: { ja: '古い版からの変更' } }),
      'CONFLICT',
      {
        reason: 'STALE_VERSION',
      },
    );
    expect(fieldPaths(error)).toEqual(['input.version']);
    expect((error.extensions.localizedMessage as { en: string }).en).toContain('version 2');

    expect(await organizationRow(organization.id)).toEqual(before);
    expect(before).toMatchObject({ version: 2, name_ja: '一度目の変更' });
    expectError(await update({ id: organization.id, version: 3, name: { ja: '未来の版' } }), 'CONFLICT');
    expect(await organizationRow(organization.id)).toEqual(before);
  });

  it('lets only one of two simultaneous edits of the same version through', async () => {
    const organization = await createOrganization(app, coordinator.accessToken, 'university');
    const responses = await Promise.all([
      update({ id: organization.id, version: 1, city: '酒田市' }),
      update({ id: organization.id, version: 1, city: '米沢市' }, adminToken),
    ]);
    const codes = responses.map((response) => response.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = responses.find((response) => !response.errors)!.data!.updateOrganization;
    expect(await organizationRow(organization.id)).toMatchObject({ version: 2, city: winner.city });
  });

  it('is refused to researchers and visitors, and validates its input', async () => {
    const organization = await createOrganization(app, coordinator.accessToken, 'university');
    const before = await organizationRow(organization.id);
    expectError(
      await update({ id: organization.id, version: 1, city: '不正' }, approvedResearcher.accessToken),
      'FORBIDDEN',
    );
    expectError(
      await app.gql(UPDATE, { input: { id: organization.id, version: 1, city: '不正' } }),
      'UNAUTHENTICATED',
    );
    expect(
      fieldPaths(
        expectError(await update({ id: organization.id, version: 1, type: 'castle' }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['input.type']);
    expect(
      fieldPaths(
        expectError(await update({ id: organization.id, version: 1, website: 'nope' }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['input.website']);
    expect(
      fieldPaths(expectError(await update({ id: organization.id, version: 0 }), 'BAD_USER_INPUT')),
    ).toEqual(['input.version']);
    expect(
      fieldPaths(
        expectError(await update({ id: organization.id, version: 1, name: { ja: '' } }), 'BAD_USER_INPUT'),
      ),
    ).toEqual(['input.name.ja']);
    expect(await organizationRow(organization.id)).toEqual(before);
  });

  it('answers an unknown id with NOT_FOUND naming input.id', async () => {
    const error = expectError(await update({ id: randomUUID(), version: 1, city: '鶴岡市' }), 'NOT_FOUND', {
      reason: 'ORGANIZATION_NOT_FOUND',
    });
    expect(fieldPaths(error)).toEqual(['input.id']);
  });
});

describe('listing organizations', () => {
  it('walks five organizations two at a time', async () => {
    const prefecture = isolatedPrefecture();
    const created: string[] = [];
    for (let i = 0; i < 5; i++)
      created.push((await createOrganization(app, coordinator.accessToken, 'university', { prefecture })).id);

    const pages: OrganizationsPage['organizations'][] = [];
    let after: string | undefined;
    do {
      const page = dataOf(await list({ first: 2, after, prefecture })).organizations;
      pages.push(page);
      after = page.pageInfo.endCursor ?? undefined;
    } while (pages[pages.length - 1].pageInfo.hasNextPage && pages.length < 10);

    expect(pages.map((page) => page.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.totalCount)).toEqual([5, 5, 5]);
    expect(pages.flatMap((page) => page.edges.map((edge) => edge.node.id))).toEqual(created); // creation order, no repeats
    for (const page of pages) expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);

    const beyond = dataOf(
      await list({ first: 2, after: pages[2].pageInfo.endCursor, prefecture }),
    ).organizations;
    expect(beyond).toMatchObject({
      edges: [],
      totalCount: 5,
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('keeps its place when organizations are added while paging', async () => {
    const prefecture = isolatedPrefecture();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createOrganization(app, coordinator.accessToken, 'university', { prefecture })).id);
    const first = dataOf(await list({ first: 2, prefecture })).organizations;
    ids.push((await createOrganization(app, coordinator.accessToken, 'university', { prefecture })).id);
    const rest = dataOf(await list({ first: 10, after: first.pageInfo.endCursor, prefecture })).organizations;
    expect([...first.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(ids);
  });

  it('filters by types', async () => {
    const prefecture = isolatedPrefecture();
    const university = await createOrganization(app, coordinator.accessToken, 'university', { prefecture });
    const company = await createOrganization(app, coordinator.accessToken, 'company', { prefecture });
    const startup = await createOrganization(app, coordinator.accessToken, 'startup', { prefecture });

    const ids = async (types: string[]) =>
      dataOf(await list({ types, prefecture })).organizations.edges.map((edge) => edge.node.id);
    expect(await ids(['company'])).toEqual([company.id]);
    expect(await ids(['company', 'startup'])).toEqual([company.id, startup.id]);
    expect(await ids(['university', 'startup'])).toEqual([university.id, startup.id]);
    expect(await ids(['school'])).toEqual([]);
    expect(dataOf(await list({ types: ['company', 'startup'], prefecture })).organizations.totalCount).toBe(
      2,
    );

    const error = expectError(await list({ types: ['company', 'castle'] }), 'BAD_USER_INPUT');
    expect(fieldPaths(error)).toEqual(['types']);
  });

  it('filters by part of the name, in Japanese or in English (any case)', async () => {
    const prefecture = isolatedPrefecture();
    const tsuruokaCollege = await createOrganization(app, coordinator.accessToken, 'college', {
      prefecture,
      name: { ja: '鶴岡工業高等専門学校', en: 'National Institute of Technology, Tsuruoka College' },
    });
    const tsuruokaCity = await createOrganization(app, coordinator.accessToken, 'government', {
      prefecture,
      name: { ja: '鶴岡市役所' },
    });
    const sakata = await createOrganization(app, coordinator.accessToken, 'company', {
      prefecture,
      name: { ja: '酒田港湾', en: 'Sakata Port' },
    });
    const englishOnly = await createOrganization(app, coordinator.accessToken, 'startup', {
      prefecture,
      name: { en: 'TSURUOKA Bio Ventures' },
    });

    const ids = async (nameContains: string, types?: string[]) =>
      dataOf(await list({ nameContains, prefecture, types })).organizations.edges.map((edge) => edge.node.id);
    expect(await ids('鶴岡')).toEqual([tsuruokaCollege.id, tsuruokaCity.id]);
    expect(await ids('tsuruoka')).toEqual([tsuruokaCollege.id, englishOnly.id]);
    expect(await ids('TsUrUoKa')).toEqual([tsuruokaCollege.id, englishOnly.id]);
    expect(await ids('Port')).toEqual([sakata.id]);
    expect(await ids('鶴岡', ['government'])).toEqual([tsuruokaCity.id]);
    expect(await ids('仙台')).toEqual([]);
  });

  it('treats % and _ in nameContains as plain characters', async () => {
    const prefecture = isolatedPrefecture();
    const percent = await createOrganization(app, coordinator.accessToken, 'company', {
      prefecture,
      name: { en: '100% Natural Foods' },
    });
    const underscore = await createOrganization(app, coordinator.accessToken, 'company', {
      prefecture,
      name: { en: 'snake_case Labs' },
    });
    await createOrganization(app, coordinator.accessToken, 'company', {
      prefecture,
      name: { en: 'Plain Company' },
    });

    const ids = async (nameContains: string) =>
      dataOf(await list({ nameContains, prefecture })).organizations.edges.map((edge) => edge.node.id);
    expect(await ids('%')).toEqual([percent.id]);
    expect(await ids('_')).toEqual([underscore.id]);
    expect(await ids('e_c')).toEqual([underscore.id]);
  });

  it('refuses page sizes outside 1..100 and cursors it did not make', async () => {
    for (const first of [0, -1, 101]) {
      const error = expectError(await list({ first }), 'BAD_USER_INPUT', { reason: 'INVALID_INPUT' });
      expect(fieldPaths(error)).toEqual(['first']);
    }
    expect(dataOf(await list({ first: 100 })).organizations.edges.length).toBeLessThanOrEqual(100);
    expect(dataOf(await list({ first: 1 })).organizations.edges).toHaveLength(1);

    const wrongShape = Buffer.from(JSON.stringify({ createdAt: 'yesterday' })).toString('base64url');
    const badDate = Buffer.from(JSON.stringify(['not a date', randomUUID()])).toString('base64url');
    const badId = Buffer.from(JSON.stringify([new Date().toISOString(), 'not-a-uuid'])).toString('base64url');
    // Dates JavaScript's Date.parse takes but PostgreSQL does not.
    const looseDate = Buffer.from(JSON.stringify(['1', randomUUID()])).toString('base64url');
    const february31 = Buffer.from(JSON.stringify(['2026-02-31T00:00:00.000Z', randomUUID()])).toString(
      'base64url',
    );
    for (const after of [
      'garbage',
      '!!!',
      wrongShape,
      badDate,
      badId,
      looseDate,
      february31,
      'x'.repeat(201),
    ]) {
      const error = expectError(await list({ first: 2, after }), 'BAD_USER_INPUT', {
        reason: 'INVALID_INPUT',
      });
      expect(fieldPaths(error)).toEqual(['after']);
    }
  });
});
