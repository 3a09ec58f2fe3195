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
import { startTestApp, type TestApp } from './support/test-app.js';

interface NeedView {
  id: string;
  externalId: string | null;
  version: number;
  status: 'OPEN' | 'CLOSED';
  confidentiality: 'PUBLIC' | 'COORDINATORS';
  title: { ja: string | null; en: string | null };
  trlMin: number | null;
  trlMax: number | null;
  company: { id: string };
}

const NEED_FIELDS =
  'id externalId version status confidentiality title { ja en } trlMin trlMax company { id }';
const CREATE = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { ${NEED_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateNeedInput!) { updateNeed(input: $input) { ${NEED_FIELDS} } }`;
const CLOSE = `mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { ${NEED_FIELDS} } }`;
const BY_ID = `query ($id: ID!) { need(id: $id) { ${NEED_FIELDS} } }`;
const BY_EXTERNAL_ID = `query ($externalId: String!) { need(externalId: $externalId) { ${NEED_FIELDS} } }`;
const LIST = `query ($companyIds: [ID!], $statuses: [NeedStatus!]) { needs(companyIds: $companyIds, statuses: $statuses, first: 100) { totalCount edges { node { id } } } }`;

let app: TestApp;
let coordinator: Account;
let brewery: OrganizationView;
let farm: OrganizationView;
let university: OrganizationView;
let brewer: Account;
let farmer: Account;
let researcher: Account;

const needCount = async () => Number((await app.db.query('SELECT count(*) FROM company_need')).rows[0].count);
const needInput = (overrides: Record<string, unknown> = {}) => ({
  companyId: brewery.id,
  title: { ja: '日本酒の香りを安定させたい' },
  description: { ja: '吟醸香が仕込みごとにばらつくため、原因となる成分を知りたい。' },
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  brewery = await createOrganization(app, admin, 'company', { name: { ja: '羽黒酒造（架空）' } });
  farm = await createOrganization(app, admin, 'company', { name: { ja: 'だだちゃ豆農園（架空）' } });
  university = await createOrganization(app, admin, 'university');
  brewer = await signUpAs(app, 'COMPANY_MEMBER', brewery.id);
  farmer = await signUpAs(app, 'COMPANY_MEMBER', farm.id);
  researcher = await signUpAs(app, 'RESEARCHER', university.id);
  for (const account of [brewer, farmer, researcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
});
afterAll(async () => {
  await app?.close();
});

describe('a confidential need', () => {
  it('is visible to its company and coordinators, and in no path to anyone else', async () => {
    const secret = dataOf(
      await app.gql<{ createNeed: NeedView }>(
        CREATE,
        { input: needInput({ externalId: 'need-secret-1' }) },
        coordinator.accessToken, // an externalId is the import's key: coordinators set it
      ),
    ).createNeed;
    expect(secret.confidentiality).toBe('COORDINATORS'); // the default
    const open = dataOf(
      await app.gql<{ createNeed: NeedView }>(
        CREATE,
        { input: needInput({ confidentiality: 'PUBLIC', title: { en: 'Use sake lees in snacks' } }) },
        brewer.accessToken,
      ),
    ).createNeed;

    for (const [who, token] of [
      ['the company', brewer.accessToken],
      ['a coordinator', coordinator.accessToken],
    ] as const) {
      expect(dataOf(await app.gql<{ need: NeedView }>(BY_ID, { id: secret.id }, token)).need.id).toBe(
        secret.id,
      );
      const list = dataOf(
        await app.gql<{ needs: { totalCount: number; edges: { node: { id: string } }[] } }>(
          LIST,
          { companyIds: [brewery.id] },
          token,
        ),
      ).needs;
      expect({ who, total: list.totalCount, ids: list.edges.map((edge) => edge.node.id).sort() }).toEqual({
        who,
        total: 2,
        ids: [open.id, secret.id].sort(),
      });
    }

    for (const [who, token] of [
      ['a visitor', undefined],
      ['another company', farmer.accessToken],
      ['a researcher', researcher.accessToken],
    ] as const) {
      expectError(await app.gql(BY_ID, { id: secret.id }, token), 'NOT_FOUND');
      expectError(await app.gql(BY_EXTERNAL_ID, { externalId: 'need-secret-1' }, token), 'NOT_FOUND');
      const list = dataOf(
        await app.gql<{ needs: { totalCount: number; edges: { node: { id: string } }[] } }>(
          LIST,
          { companyIds: [brewery.id] },
          token,
        ),
      ).needs;
      expect({ who, total: list.totalCount, ids: list.edges.map((edge) => edge.node.id) }).toEqual({
        who,
        total: 1,
        ids: [open.id],
      });
      if (token)
        expectError(
          await app.gql(UPDATE, { input: { id: secret.id, version: 1, trlMin: 3 } }, token),
          who === 'a researcher' ? 'FORBIDDEN' : 'NOT_FOUND',
        );
    }
    // another company cannot edit the public one either, but may know it exists
    expectError(
      await app.gql(UPDATE, { input: { id: open.id, version: 1, trlMin: 3 } }, farmer.accessToken),
      'FORBIDDEN',
      { reason: 'NOT_YOUR_COMPANY' },
    );
    expect(
      (await app.db.query('SELECT trl_min FROM company_need WHERE id = $1', [secret.id])).rows[0].trl_min,
    ).toBeNull();
  });
});

describe('posting and editing needs', () => {
  it('is for members of the company and coordinators', async () => {
    const before = await needCount();
    expectError(await app.gql(CREATE, { input: needInput() }, farmer.accessToken), 'FORBIDDEN', {
      reason: 'NOT_YOUR_COMPANY',
      path: 'input.companyId',
    });
    expectError(await app.gql(CREATE, { input: needInput() }, researcher.accessToken), 'FORBIDDEN');
    expectError(await app.gql(CREATE, { input: needInput() }), 'UNAUTHENTICATED');
    expectError(
      await app.gql(CREATE, { input: needInput({ companyId: university.id }) }, coordinator.accessToken),
      'BAD_USER_INPUT',
      { path: 'input.companyId' },
    );
    expect(await needCount()).toBe(before);
  });

  it('refuses bad input naming the field', async () => {
    const before = await needCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ fields: ['astrology'] }, 'input.fields'],
      [{ desiredCollaboration: ['bribery'] }, 'input.desiredCollaboration'],
      [{ trlMin: 0 }, 'input.trlMin'],
      [{ trlMin: 7, trlMax: 3 }, 'input.trlMax'],
      [{ deadline: '2026-02-31' }, 'input.deadline'],
      [{ title: { ja: '' } }, 'input.title.ja'],
      [{ description: { en: 'x'.repeat(10001) } }, 'input.description.en'],
      [{ programCodes: ['no-such-program'] }, 'input.programCodes'],
    ];
    for (const [overrides, path] of cases) {
      expectError(
        await app.gql(CREATE, { input: needInput(overrides) }, brewer.accessToken),
        'BAD_USER_INPUT',
        { path },
      );
    }
    expect(await needCount()).toBe(before);
  });

  it('refuses a stale version, closes once, and audits each change', async () => {
    const need = dataOf(
      await app.gql<{ createNeed: NeedView }>(
        CREATE,
        { input: needInput({ trlMin: 4, trlMax: 7 }) },
        brewer.accessToken,
      ),
    ).createNeed;
    const edited = dataOf(
      await app.gql<{ updateNeed: NeedView }>(
        UPDATE,
        { input: { id: need.id, version: 1, trlMax: 8 } },
        coordinator.accessToken,
      ),
    ).updateNeed;
    expect(edited).toMatchObject({ trlMin: 4, trlMax: 8, version: 2 });
    expectError(
      await app.gql(UPDATE, { input: { id: need.id, version: 1, trlMax: 5 } }, brewer.accessToken),
      'CONFLICT',
      { reason: 'STALE_VERSION' },
    );

    const closed = dataOf(
      await app.gql<{ closeNeed: NeedView }>(
        CLOSE,
        { input: { id: need.id, version: 2 } },
        brewer.accessToken,
      ),
    ).closeNeed;
    expect(closed.status).toBe('CLOSED');
    expectError(
      await app.gql(CLOSE, { input: { id: need.id, version: closed.version } }, brewer.accessToken),
      'CONFLICT',
      { reason: 'ILLEGAL_STATUS_CHANGE' },
    );
    const openIds = dataOf(
      await app.gql<{ needs: { edges: { node: { id: string } }[] } }>(
        LIST,
        { companyIds: [brewery.id] },
        brewer.accessToken,
      ),
    ).needs.edges.map((e) => e.node.id);
    expect(openIds).not.toContain(need.id);

    const { rows } = await app.db.query(
      'SELECT action, changes FROM audit_entry WHERE entity_id = $1 ORDER BY at',
      [need.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['created', 'updated', 'closed']);
    expect(rows[1].changes).toEqual({ trlMax: { before: 7, after: 8 } });
    expect(rows[2].changes).toEqual({ status: { before: 'open', after: 'closed' } });
  });
});
