import { readFileSync } from 'node:fs';
import {
  adminEnv,
  createStaff,
  dataOf,
  decideAffiliation,
  signIn,
  signInAdmin,
  signUpAs,
  TEST_ADMIN,
  type Account,
} from '../../support/fixtures.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';
import type { Pools } from './arguments.js';

export type Role = 'anonymous' | 'researcher' | 'company member' | 'coordinator' | 'admin';
export const ROLES: readonly Role[] = ['anonymous', 'researcher', 'company member', 'coordinator', 'admin'];

/** The app under fuzz, its signed-in roles (re-signed in when the fuzz signs one out) and its real values. */
export interface World {
  app: TestApp;
  pools: Pools;
  token(role: Role): string | undefined;
  /** Signs the role in again; true once done (it writes a session). */
  resignIn(role: Role): Promise<boolean>;
  /** Puts the role back in its organization, approved, after it left or asked for another. */
  reaffiliate(role: Role): Promise<void>;
}

/** Every budget out of the way: the fuzz sends thousands of searches and sign-ins from one address. */
const UNLIMITED = {
  RATE_LIMIT_SEARCH: '100000000',
  RATE_LIMIT_CANDIDATES: '100000000',
  RATE_LIMIT_SIGN_IN: '100000000',
  RATE_LIMIT_SIGN_UP: '100000000',
  RATE_LIMIT_ACCOUNT_EMAIL: '100000000',
  RATE_LIMIT_IMPORT: '100000000',
};

const column = async (app: TestApp, sql: string): Promise<string[]> =>
  (await app.db.query<{ v: string }>(sql)).rows.map((row) => row.v);

async function endCursors(app: TestApp, token: string): Promise<string[]> {
  const data = dataOf(
    await app.gql<Record<string, { pageInfo: { endCursor: string | null } }>>(
      `{ s: seeds(first: 2) { pageInfo { endCursor } } n: needs(first: 2) { pageInfo { endCursor } }
         o: organizations(first: 2) { pageInfo { endCursor } }
         ss: searchSeeds(first: 2) { pageInfo { endCursor } } sn: searchNeeds(first: 2) { pageInfo { endCursor } } }`,
      {},
      token,
    ),
  );
  return Object.values(data).flatMap((page) => (page.pageInfo.endCursor ? [page.pageInfo.endCursor] : []));
}

async function pools(app: TestApp, coordinator: string, spareUserIds: string[]): Promise<Pools> {
  const ndjson = readFileSync('data/demo/catalog.ndjson', 'utf8').split('\n').filter(Boolean);
  const nda = dataOf(
    await app.gql<{ ndaText: { version: string } }>('{ ndaText { version } }', {}, coordinator),
  );
  return {
    seedIds: await column(app, 'SELECT id AS v FROM research_seed'),
    needIds: await column(app, 'SELECT id AS v FROM company_need'),
    organizationIds: await column(app, 'SELECT id AS v FROM organization'),
    programIds: await column(app, 'SELECT id AS v FROM program'),
    programCodes: await column(app, 'SELECT code AS v FROM program'),
    proposalIds: await column(app, 'SELECT id AS v FROM match_proposal'),
    savedSearchIds: await column(app, 'SELECT id AS v FROM saved_search'),
    notificationIds: await column(app, 'SELECT id AS v FROM notification'),
    spareUserIds,
    personIds: await column(app, 'SELECT id AS v FROM person'),
    researcherUserIds: await column(app, `SELECT id AS v FROM "user" WHERE role = 'researcher'`),
    externalIds: await column(
      app,
      'SELECT external_id AS v FROM research_seed WHERE external_id IS NOT NULL',
    ),
    fields: await column(app, 'SELECT DISTINCT unnest(fields) AS v FROM research_seed'),
    collaborationTypes: await column(
      app,
      'SELECT DISTINCT unnest(collaboration_types) AS v FROM research_seed',
    ),
    organizationTypes: await column(app, 'SELECT DISTINCT type AS v FROM organization'),
    ipStatuses: await column(app, 'SELECT DISTINCT ip_status AS v FROM research_seed'),
    cursors: await endCursors(app, coordinator),
    ndaVersion: nda.ndaText.version,
    ndjsonLines: [
      ndjson.slice(0, 3).join('\n'),
      ndjson[0],
      '{"kind":"program","externalId":"fuzz-\\u0000","name":{"ja":"\\ud800"}}',
      '{"kind":"seed","externalId":"fuzz-seed","title":{"ja":"%_\\\\"},"fields":["\\u202e"]}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      '{"kind":"need"}\n{"kind":"program"',
      'not json at all',
    ],
  };
}

export async function startWorld(): Promise<World> {
  const app = await startTestApp({
    ...adminEnv(),
    ...UNLIMITED,
    DEMO_CATALOG: 'true',
    AUTO_PROPOSALS: 'false',
  });
  const adminToken = await signInAdmin(app);
  const coordinator = await createStaff(app, adminToken);
  const [institutionId] = await column(
    app,
    `SELECT institution_id AS v FROM research_seed GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const [companyId] = await column(
    app,
    `SELECT company_id AS v FROM company_need GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const researcher = await signUpAs(app, 'RESEARCHER', institutionId);
  const member = await signUpAs(app, 'COMPANY_MEMBER', companyId);
  for (const account of [researcher, member])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  const spares = [
    await signUpAs(app, 'RESEARCHER', institutionId),
    await signUpAs(app, 'COMPANY_MEMBER', companyId),
  ];
  // A proposal and a saved search, so their ids and operations have something real to find.
  const [seedId] = await column(app, `SELECT id AS v FROM research_seed WHERE status = 'published' LIMIT 1`);
  dataOf(
    await app.gql(
      'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }',
      { input: { seedId, note: 'fuzz' } },
      member.accessToken,
    ),
  );
  dataOf(
    await app.gql(
      'mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }',
      { input: { name: 'fuzz', query: '発酵' } },
      member.accessToken,
    ),
  );
  const affiliations = new Map<Role, { userId: string; organizationId: string }>([
    ['researcher', { userId: researcher.userId, organizationId: institutionId }],
    ['company member', { userId: member.userId, organizationId: companyId }],
  ]);
  const accounts: Record<Role, { email: string; password: string; token?: string }> = {
    anonymous: { email: '', password: '' },
    researcher: { ...researcher, token: researcher.accessToken },
    'company member': { ...member, token: member.accessToken },
    coordinator: { ...coordinator, token: coordinator.accessToken } satisfies Account & { token: string },
    admin: { ...TEST_ADMIN, token: adminToken },
  };
  return {
    app,
    pools: await pools(
      app,
      coordinator.accessToken,
      spares.map((spare) => spare.userId),
    ),
    token: (role) => accounts[role].token,
    async resignIn(role) {
      const account = accounts[role];
      if (role === 'anonymous') return false;
      account.token = (await signIn(app, account.email, account.password)).accessToken;
      return true;
    },
    async reaffiliate(role) {
      const affiliation = affiliations.get(role);
      if (!affiliation) return;
      await app.db.query(
        `UPDATE "user" SET organization_id = $2, affiliation_status = 'approved' WHERE id = $1`,
        [affiliation.userId, affiliation.organizationId],
      );
      // leaving released the account's directory person (the audit log names it): link it again
      await app.db.query(
        `UPDATE person SET user_id = $1
          WHERE id = (SELECT (changes->'personId'->>'before')::uuid FROM audit_entry
                       WHERE entity_id = $1 AND action = 'left organization' ORDER BY at DESC LIMIT 1)
            AND NOT EXISTS (SELECT 1 FROM person WHERE user_id = $1)`,
        [affiliation.userId],
      );
    },
  };
}
