import { randomUUID } from 'node:crypto';
import {
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  publishedSeed,
  signInAdmin,
  signUpAs,
  TEST_ADMIN,
  type Account,
} from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';
import type { Role } from './authorization-matrix.js';

/** Who each column of the matrix is: an account to sign in again, or nobody. */
export type Caller = Pick<Account, 'email' | 'password' | 'accessToken'> | null;

/**
 * The one world every row is tried in: institutions A and B and companies X and Y
 * with an approved account each (and a second researcher of A, listed on none of A's
 * seeds), a pending researcher of A, a rejected member of X,
 * a coordinator and the first admin; A's seeds, X's needs and a proposal between them.
 */
export interface World {
  app: TestApp;
  callers: Record<Role, Caller>;
  accounts: { researcherA: Account; memberX: Account; coordinator: Account };
  org: { A: string; B: string; X: string; Y: string };
  /** A's published seed, listing researcherA. */
  seedA: string;
  /** A's draft seed, listing researcherA. */
  draftA: string;
  /** The directory's person behind researcherA. */
  personA: string;
  /** X's public, open need. */
  needX: string;
  /** X's need for coordinators' eyes only. */
  secretNeedX: string;
  /** A proposal of seedA for needX at the meeting stage (researchers introduced). */
  proposal: string;
  program: string;
  /** The NDA text's current version, as acceptNda wants it. */
  ndaVersion: string;
}

export const SEED_INPUT = (institutionId: string) => ({
  title: { ja: '漬物の乳酸菌で作る発酵調味料', en: 'Fermented seasonings from pickle lactic acid bacteria' },
  summary: { ja: '庄内の漬物由来の乳酸菌を使う。' },
  fields: ['fermentation-bioprocess'],
  institutionId,
  trl: 5,
  collaborationTypes: ['joint-research'],
});

export const NEED_INPUT = (companyId: string, extra: Record<string, unknown> = {}) => ({
  companyId,
  title: { ja: '発酵調味料の新商品を作りたい' },
  description: { ja: '地元の乳酸菌を使った調味料を開発したい。' },
  fields: ['fermentation-bioprocess'],
  desiredCollaboration: ['joint-research'],
  confidentiality: 'PUBLIC',
  ...extra,
});

export async function buildWorld(app: TestApp): Promise<World> {
  const { callers, org } = await buildCallers(app);
  const [researcherA, memberX, coordinator] = [callers.researcherA, callers.memberX, callers.coordinator];
  const records = await buildRecords(app, org, researcherA, memberX, coordinator.accessToken);
  return { app, callers, accounts: { researcherA, memberX, coordinator }, org, ...records };
}

/** The four organizations and everyone who calls. */
async function buildCallers(app: TestApp) {
  const adminToken = await signInAdmin(app);
  const coordinator = await createStaff(app, adminToken);
  const staff = coordinator.accessToken;
  const org = {
    A: await organization(app, staff, 'university', 'A'),
    B: await organization(app, staff, 'university', 'B'),
    X: await organization(app, staff, 'company', 'X'),
    Y: await organization(app, staff, 'company', 'Y'),
  };
  const approved = async (role: 'RESEARCHER' | 'COMPANY_MEMBER', organizationId: string) => {
    const account = await signUpAs(app, role, organizationId);
    await decideAffiliation(app, staff, account.userId, 'approve');
    return account;
  };
  const rejected = await signUpAs(app, 'COMPANY_MEMBER', org.X);
  await decideAffiliation(app, staff, rejected.userId, 'reject');
  const callers = {
    anonymous: null,
    pending: await signUpAs(app, 'RESEARCHER', org.A),
    rejected,
    researcherA: await approved('RESEARCHER', org.A),
    peerA: await approved('RESEARCHER', org.A),
    researcherB: await approved('RESEARCHER', org.B),
    memberX: await approved('COMPANY_MEMBER', org.X),
    memberY: await approved('COMPANY_MEMBER', org.Y),
    coordinator,
    admin: { ...TEST_ADMIN, accessToken: adminToken },
  } satisfies Record<Role, Caller>;
  return { callers, org };
}

/** A's seeds, X's needs, the proposal between them, a program and the NDA version. */
async function buildRecords(
  app: TestApp,
  org: World['org'],
  researcherA: Account,
  memberX: Account,
  staff: string,
) {
  const seedA = (await publishedSeed(app, researcherA, SEED_INPUT(org.A))).id;
  const draftA = await createRecord(
    app,
    researcherA.accessToken,
    'createSeed',
    'CreateSeedInput',
    SEED_INPUT(org.A),
  );
  const company = memberX.accessToken;
  const needX = await createRecord(app, company, 'createNeed', 'CreateNeedInput', NEED_INPUT(org.X));
  const secret = NEED_INPUT(org.X, { confidentiality: 'COORDINATORS' });
  const secretNeedX = await createRecord(app, company, 'createNeed', 'CreateNeedInput', secret);
  const proposal = await proposalAt(app, staff, needX, seedA, ['SHORTLISTED', 'INTRODUCED', 'MEETING']);
  const program = await createRecord(app, staff, 'createProgram', 'CreateProgramInput', {
    code: `prog-${randomUUID().slice(0, 8)}`,
    name: { ja: '試験プログラム', en: 'Test program' },
  });
  const personA = dataOf(
    await app.gql<{ seed: { researchers: { id: string }[] } }>(
      'query ($id: ID!) { seed(id: $id) { researchers { id } } }',
      { id: seedA },
    ),
  ).seed.researchers[0].id;
  const ndaVersion = dataOf(
    await app.gql<{ ndaText: { version: string } }>('query { ndaText { version } }', {}, staff),
  ).ndaText.version;
  return { seedA, draftA, personA, needX, secretNeedX, proposal, program, ndaVersion };
}

const organization = (app: TestApp, token: string, type: 'university' | 'company', label: string) =>
  createOrganization(app, token, type, { name: { ja: `組織${label}`, en: `Organization ${label}` } }).then(
    (created) => created.id,
  );

/** Runs a create mutation and returns the new record's id. */
export async function createRecord(
  app: TestApp,
  token: string,
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<string> {
  const response = await app.gql<Record<string, { id: string }>>(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id } }`,
    { input },
    token,
  );
  return dataOf(response)[mutation].id;
}

/** A coordinator's proposal of the seed for the need, moved on through `steps`. */
export async function proposalAt(
  app: TestApp,
  coordinatorToken: string,
  needId: string,
  seedId: string,
  steps: string[],
): Promise<string> {
  let proposal = dataOf(
    await app.gql<{ proposeMatch: { id: string; version: number } }>(
      'mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id version } }',
      { input: { needId, seedId } },
      coordinatorToken,
    ),
  ).proposeMatch;
  for (const to of steps) {
    proposal = dataOf(
      await app.gql<{ moveProposal: { id: string; version: number } }>(
        'mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version } }',
        { input: { id: proposal.id, version: proposal.version, to } },
        coordinatorToken,
      ),
    ).moveProposal;
  }
  return proposal.id;
}

/** The current version of a versioned record, read from the database. */
export async function versionOf(
  app: TestApp,
  table: 'research_seed' | 'company_need' | 'organization' | 'program' | 'match_proposal',
  id: string,
): Promise<number> {
  const { rows } = await app.db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [
    id,
  ]);
  return rows[0].version;
}

/**
 * A new account standing where the caller stands (role, organization, affiliation), for a call
 * that uses up the caller itself; anonymous stays nobody.
 */
export async function lookAlikeOf(world: World, role: Role): Promise<Caller> {
  const { app, org } = world;
  const staff = world.accounts.coordinator.accessToken;
  const signedUp = async (
    kind: 'RESEARCHER' | 'COMPANY_MEMBER',
    organizationId: string,
    decision?: 'approve' | 'reject',
  ) => {
    const account = await signUpAs(app, kind, organizationId);
    if (decision) await decideAffiliation(app, staff, account.userId, decision);
    return account;
  };
  switch (role) {
    case 'anonymous':
      return null;
    case 'pending':
      return signedUp('RESEARCHER', org.A);
    case 'rejected':
      return signedUp('COMPANY_MEMBER', org.X, 'reject');
    case 'researcherA':
    case 'peerA':
      return signedUp('RESEARCHER', org.A, 'approve');
    case 'researcherB':
      return signedUp('RESEARCHER', org.B, 'approve');
    case 'memberX':
      return signedUp('COMPANY_MEMBER', org.X, 'approve');
    case 'memberY':
      return signedUp('COMPANY_MEMBER', org.Y, 'approve');
    case 'coordinator':
      return createStaff(app, world.callers.admin!.accessToken, 'COORDINATOR');
    case 'admin':
      return createStaff(app, world.callers.admin!.accessToken, 'ADMIN');
  }
}
