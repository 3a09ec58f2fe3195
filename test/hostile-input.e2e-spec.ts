import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  publishedSeed,
  signInAdmin,
  signUpAs,
  uniqueEmail,
  type Account,
} from './support/fixtures.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

// Text PostgreSQL cannot store or the validators choke on: NUL (22021), a lone surrogate
// (URIError in the e-mail validator), a C1 control; and ids and cursors it cannot parse.
const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const C1 = 'a\u0085b';
const HOSTILE_TEXT = [NUL, LONE_SURROGATE, C1, '\u001b[31m', '\udc00'];
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FORGED_CURSORS = [
  cursor(['0000-01-01T00:00:00.000Z', '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f']),
  cursor([new Date().toISOString(), 'not-a-uuid']),
  cursor([new Date().toISOString(), '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\u0000']),
  'bm90IGpzb24',
  '%%%',
];
const NON_UUIDS = ['not-a-uuid', '1', "' OR 1=1 --", '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5fX', NUL];

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }';
const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { email } }';
const ORGANIZATIONS = 'query ($q: String) { organizations(nameContains: $q) { totalCount } }';
const CREATE_SEED = 'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id } }';
const CREATE_NEED = 'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }';
const REQUEST =
  'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id version } }';
const MOVE = 'mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version } }';
const PROPOSAL = 'query ($id: ID!) { proposal(id: $id) { id } }';
const DELETE_SAVED_SEARCH = 'mutation ($id: ID!) { deleteSavedSearch(id: $id) }';
const SEARCH_SEEDS = 'query ($after: String) { searchSeeds(query: "", after: $after) { totalHits } }';
const SEEDS = 'query ($after: String) { seeds(after: $after) { totalCount } }';

let app: TestApp;
let coordinator: Account;
let researcher: Account;
let member: Account;
let institutionId: string;
let companyId: string;
let seedId: string;

/** Rows in every table, so a refused write can be shown to have written nothing. */
async function everyCount(): Promise<Record<string, number>> {
  const { rows } = await app.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows)
    counts[table_name] = Number((await app.db.query(`SELECT count(*) AS n FROM "${table_name}"`)).rows[0].n);
  return counts;
}

/** A refusal naming the field: BAD_USER_INPUT, never INTERNAL_SERVER_ERROR. */
function expectRefused(response: GraphQLResponse<unknown>, path: string) {
  expect(JSON.stringify(response.errors)).not.toContain('INTERNAL_SERVER_ERROR');
  expectError(response, 'BAD_USER_INPUT', { path });
}

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true', AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  companyId = (
    await createOrganization(app, admin, 'company', { name: { ja: '庄内食品', en: 'Shonai Foods' } })
  ).id;
  institutionId = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-yu-agri'`))
    .rows[0].id as string;
  researcher = await signUpAs(app, 'RESEARCHER', institutionId);
  member = await signUpAs(app, 'COMPANY_MEMBER', companyId);
  for (const account of [researcher, member])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  seedId = (
    await publishedSeed(app, researcher, {
      title: { ja: '漬物の乳酸菌', en: 'Pickle lactic acid bacteria' },
      summary: { ja: '庄内の漬物由来の乳酸菌。' },
      fields: ['fermentation-bioprocess'],
      institutionId,
      trl: 5,
      collaborationTypes: ['joint-research'],
    })
  ).id;
});
afterAll(async () => {
  await app?.close();
});

describe('hostile text in arguments', () => {
  it('signIn and signUp refuse NUL, lone surrogates and controls in the e-mail, writing nothing', async () => {
    const before = await everyCount();
    for (const text of HOSTILE_TEXT) {
      expectRefused(
        await app.gql(SIGN_IN, { input: { email: `x${text}@b.jp`, password: 'whatever-1234' } }),
        'input.email',
      );
      const signUp = {
        email: `${text}${uniqueEmail('hostile')}`,
        password: 'correct-horse-battery-staple',
        role: 'RESEARCHER',
        organizationId: institutionId,
        name: { ja: '鶴岡 太郎' },
      };
      expectRefused(await app.gql(SIGN_UP, { input: signUp }), 'input.email');
      expectRefused(
        await app.gql(SIGN_UP, { input: { ...signUp, email: uniqueEmail(), name: { ja: text } } }),
        'input.name.ja',
      );
    }
    expect(await everyCount()).toEqual(before);
  });

  it('organizations(nameContains) refuses hostile text as bad input', async () => {
    for (const text of HOSTILE_TEXT) expectRefused(await app.gql(ORGANIZATIONS, { q: text }), 'nameContains');
    // Tabs and line breaks are ordinary whitespace, not refused.
    dataOf(await app.gql(ORGANIZATIONS, { q: '庄内\t\n' }));
  });

  it('createSeed and createNeed refuse hostile titles and externalIds and store nothing', async () => {
    const before = await everyCount();
    const seed = {
      title: { ja: '発酵の研究' },
      summary: { ja: '概要' },
      fields: ['fermentation-bioprocess'],
      institutionId,
      trl: 3,
      collaborationTypes: ['joint-research'],
    };
    const need = {
      companyId,
      title: { ja: '調味料を作りたい' },
      description: { ja: '地元の乳酸菌で。' },
      fields: ['fermentation-bioprocess'],
      desiredCollaboration: ['joint-research'],
    };
    for (const text of HOSTILE_TEXT) {
      expectRefused(
        await app.gql(
          CREATE_SEED,
          { input: { ...seed, title: { ja: '発酵', en: text } } },
          researcher.accessToken,
        ),
        'input.title.en',
      );
      expectRefused(
        await app.gql(
          CREATE_SEED,
          { input: { ...seed, externalId: `seed-${text}` } },
          coordinator.accessToken,
        ),
        'input.externalId',
      );
      expectRefused(
        await app.gql(CREATE_NEED, { input: { ...need, title: { ja: text } } }, member.accessToken),
        'input.title.ja',
      );
      expectRefused(
        await app.gql(
          CREATE_NEED,
          { input: { ...need, fields: ['fermentation-bioprocess', text] } },
          member.accessToken,
        ),
        'input.fields.1',
      );
    }
    expect(await everyCount()).toEqual(before);
  });

  it('moveProposal refuses a hostile note and leaves the proposal as it was', async () => {
    const proposal = dataOf(
      await app.gql<{ requestIntroduction: { id: string; version: number } }>(
        REQUEST,
        { input: { seedId, note: '紹介をお願いします\n（改行あり）' } },
        member.accessToken,
      ),
    ).requestIntroduction;
    const before = await everyCount();
    for (const text of HOSTILE_TEXT) {
      const input = { id: proposal.id, version: proposal.version, to: 'WITHDRAWN', note: text };
      expectRefused(await app.gql(MOVE, { input }, member.accessToken), 'input.note');
    }
    expect(await everyCount()).toEqual(before);
    const { rows } = await app.db.query('SELECT version, state FROM match_proposal WHERE id = $1', [
      proposal.id,
    ]);
    expect(rows[0]).toMatchObject({ version: proposal.version, state: 'requested' });
  });
});

describe('ids and cursors PostgreSQL could not parse', () => {
  it('proposal(id:) and deleteSavedSearch(id:) refuse non-UUID ids, naming id', async () => {
    for (const id of NON_UUIDS) {
      expectRefused(await app.gql(PROPOSAL, { id }, member.accessToken), 'id');
      expectRefused(await app.gql(DELETE_SAVED_SEARCH, { id }, member.accessToken), 'id');
    }
  });

  it('seeds(after:) and searchSeeds(after:) refuse forged cursors, naming after', async () => {
    for (const after of FORGED_CURSORS) {
      expectRefused(await app.gql(SEEDS, { after }), 'after');
      expectRefused(await app.gql(SEARCH_SEEDS, { after }), 'after');
    }
  });
});
