import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DailyDigestService } from '#libs/matching';
import {
  adminEnv,
  AUTH_FIELDS,
  countAllRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  DEFAULT_PASSWORD,
  emailsTo,
  expectError,
  ME,
  publishedSeed,
  SIGN_UP,
  signIn,
  signInAdmin,
  signUpAs,
  until,
  USER_FIELDS,
  type Account,
  type AuthPayload,
  type OrganizationView,
  type UserView,
} from './support/fixtures.js';
import { startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example/app';

const LEAVE = `mutation ($note: String) { leaveOrganization(note: $note) { ${USER_FIELDS} } }`;
const REQUEST_AFFILIATION = `mutation ($organizationId: ID!) { requestAffiliation(organizationId: $organizationId) { ${USER_FIELDS} } }`;
const DEACTIVATE = `mutation ($input: DeactivateAccountInput!) { deactivateAccount(input: $input) { ${USER_FIELDS} deactivatedAt } }`;
const REACTIVATE = `mutation ($userId: ID!) { reactivateAccount(userId: $userId) { ${USER_FIELDS} deactivatedAt } }`;
const MEMBERS = `query ($organizationId: ID!) { organizationMembers(organizationId: $organizationId, first: 100) { edges { node { id } } } }`;
const PENDING = `query { pendingAffiliations(first: 100) { edges { node { id } } } }`;
const SEED = `query ($id: ID!) { seed(id: $id) { id institution { id } researchers { id name { ja en } } } }`;
const UPDATE_SEED = `mutation ($input: UpdateSeedInput!) { updateSeed(input: $input) { id version } }`;
const CREATE_SEED = `mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id researchers { id } } }`;
const NEED = `query ($id: ID!) { need(id: $id) { id title { ja } } }`;
const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const CANDIDATES = `query ($organizationId: ID!) { candidatesForCompany(organizationId: $organizationId) { score } }`;
const REQUEST_INTRODUCTION = `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { id history { toState actorUserId } } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) { message { ja en } } }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) { message { ja en } } }`;

type LifecycleUser = UserView & { deactivatedAt?: string | null };

let app: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let adminToken: string;
let coordinator: Account;
let universityA: OrganizationView;
let universityB: OrganizationView;
let companyX: OrganizationView;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({ ...adminEnv(), SMTP_URL: inbox.url, PUBLIC_URL, AUTO_PROPOSALS: 'false' });
  adminToken = await signInAdmin(app);
  coordinator = await createStaff(app, adminToken);
  universityA = await createOrganization(app, adminToken, 'university', {
    name: { ja: '鶴岡大学', en: 'Tsuruoka University' },
  });
  universityB = await createOrganization(app, adminToken, 'university', {
    name: { ja: '酒田大学', en: 'Sakata University' },
  });
  companyX = await createOrganization(app, adminToken, 'company', {
    name: { ja: '庄内食品', en: 'Shonai Foods' },
  });
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

const seedInput = (institutionId: string) => ({
  title: { ja: '漬物の乳酸菌で作る発酵調味料', en: 'Fermented seasonings from pickle lactic acid bacteria' },
  summary: { ja: '庄内の漬物由来の乳酸菌を使う。' },
  fields: ['fermentation-bioprocess'],
  institutionId,
  trl: 5,
  collaborationTypes: ['joint-research'],
});

async function approved(
  role: 'RESEARCHER' | 'COMPANY_MEMBER',
  organizationId: string,
  name = { ja: '鶴岡 太郎', en: 'Taro Tsuruoka' },
): Promise<Account> {
  const account = await signUpAs(app, role, organizationId, { name });
  await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  return account;
}

const leave = (token: string, note?: string) =>
  app.gql<{ leaveOrganization: UserView }>(LEAVE, { note }, token);
const requestAffiliation = (token: string, organizationId: string) =>
  app.gql<{ requestAffiliation: UserView }>(REQUEST_AFFILIATION, { organizationId }, token);
const deactivate = (token: string, userId: string, reason = '退職のため / left the programme') =>
  app.gql<{ deactivateAccount: LifecycleUser }>(DEACTIVATE, { input: { userId, reason } }, token);
const reactivate = (token: string, userId: string) =>
  app.gql<{ reactivateAccount: LifecycleUser }>(REACTIVATE, { userId }, token);
const signInAs = (email: string, password: string) =>
  app.gql<{ signIn: AuthPayload }>(SIGN_IN, { input: { email, password } });

async function memberIds(organizationId: string, token = coordinator.accessToken): Promise<string[]> {
  const data = dataOf(
    await app.gql<{ organizationMembers: { edges: { node: { id: string } }[] } }>(
      MEMBERS,
      { organizationId },
      token,
    ),
  );
  return data.organizationMembers.edges.map((edge) => edge.node.id);
}

async function seedOf(id: string, token?: string) {
  return dataOf(
    await app.gql<{
      seed: { institution: { id: string }; researchers: { id: string; name: { ja: string; en: string } }[] };
    }>(SEED, { id }, token),
  ).seed;
}

async function userRow(userId: string) {
  const { rows } = await app.db.query<{
    organization_id: string | null;
    affiliation_status: string;
    deactivated_at: Date | null;
    deactivated_by: string | null;
    deactivation_reason: string | null;
  }>(
    `SELECT organization_id, affiliation_status, deactivated_at, deactivated_by, deactivation_reason FROM "user" WHERE id = $1`,
    [userId],
  );
  return rows[0];
}

async function auditOf(userId: string) {
  const { rows } = await app.db.query<{
    action: string;
    actor_user_id: string;
    changes: Record<string, { before: unknown; after: unknown }>;
  }>(
    `SELECT action, actor_user_id, changes FROM audit_entry WHERE entity_type = 'user' AND entity_id = $1 ORDER BY at, id`,
    [userId],
  );
  return rows;
}

/** Everything a refused call must leave as it was: every table's count, the audit log, the accounts. */
async function snapshot() {
  const audit = await app.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entry`);
  const users = await app.db.query(`SELECT * FROM "user" ORDER BY id`);
  const people = await app.db.query(`SELECT id, user_id FROM person ORDER BY id`);
  return { rows: await countAllRows(app), audit: audit.rows[0].n, users: users.rows, people: people.rows };
}

describe('leaving an organization', () => {
  it('takes a researcher out of the institution at once; the seeds keep naming them', async () => {
    const researcher = await approved('RESEARCHER', universityA.id, { ja: '羽黒 花子', en: 'Hanako Haguro' });
    const colleague = await approved('RESEARCHER', universityA.id);
    const seed = await publishedSeed(app, researcher, seedInput(universityA.id));
    const before = await seedOf(seed.id);
    expect(before.researchers.map((person) => person.name.en)).toEqual(['Hanako Haguro']);
    dataOf(
      await app.gql(
        UPDATE_SEED,
        { input: { id: seed.id, version: seed.version, keywords: ['乳酸菌'] } },
        researcher.accessToken,
      ),
    );

    const left = dataOf(await leave(researcher.accessToken, '  他大学へ異動します  ')).leaveOrganization;
    expect(left).toMatchObject({
      id: researcher.userId,
      affiliationStatus: 'NONE',
      organization: null,
      affiliationDecidedAt: null,
    });

    // the same access token, the next request: the institution's access is gone
    expectError(
      await app.gql(
        UPDATE_SEED,
        { input: { id: seed.id, version: seed.version + 1, keywords: ['発酵'] } },
        researcher.accessToken,
      ),
      'FORBIDDEN',
    );
    expectError(
      await app.gql(CREATE_SEED, { input: seedInput(universityA.id) }, researcher.accessToken),
      'FORBIDDEN',
    );
    expectError(
      await app.gql(MEMBERS, { organizationId: universityA.id }, researcher.accessToken),
      'FORBIDDEN',
    );
    expect(dataOf(await app.gql<{ me: UserView }>(ME, {}, researcher.accessToken)).me).toMatchObject({
      affiliationStatus: 'NONE',
      organization: null,
    });
    expect(await memberIds(universityA.id)).toEqual(expect.arrayContaining([colleague.userId]));
    expect(await memberIds(universityA.id)).not.toContain(researcher.userId);

    // history: the seed is still the institution's, and still names them (as a person without an account)
    const after = await seedOf(seed.id);
    expect(after).toEqual(before);
    expect(after.institution.id).toBe(universityA.id);
    const person = await app.db.query(`SELECT user_id, organization_id FROM person WHERE id = $1`, [
      before.researchers[0].id,
    ]);
    expect(person.rows[0]).toEqual({ user_id: null, organization_id: universityA.id });

    const audit = await auditOf(researcher.userId);
    expect(audit.at(-1)).toMatchObject({
      action: 'left organization',
      actor_user_id: researcher.userId,
      changes: {
        organizationId: { before: universityA.id, after: null },
        affiliationStatus: { before: 'approved', after: 'none' },
        personId: { before: before.researchers[0].id, after: null },
        note: { before: null, after: '他大学へ異動します' },
      },
    });
  });

  it('takes a company member away from the company’s confidential needs and candidates; its proposal keeps its actor', async () => {
    const researcher = await approved('RESEARCHER', universityA.id);
    const seed = await publishedSeed(app, researcher, seedInput(universityA.id));
    const member = await approved('COMPANY_MEMBER', companyX.id, { ja: '酒田 次郎', en: 'Jiro Sakata' });
    const needId = dataOf(
      await app.gql<{ createNeed: { id: string } }>(
        CREATE_NEED,
        {
          input: {
            companyId: companyX.id,
            title: { ja: '社外秘の新商品' },
            description: { ja: '地元の乳酸菌を使った調味料を開発したい。' },
            fields: ['fermentation-bioprocess'],
            desiredCollaboration: ['joint-research'],
            confidentiality: 'COORDINATORS',
          },
        },
        member.accessToken,
      ),
    ).createNeed.id;
    const proposalId = dataOf(
      await app.gql<{ requestIntroduction: { id: string } }>(
        REQUEST_INTRODUCTION,
        { input: { seedId: seed.id, note: '紹介をお願いします' } },
        member.accessToken,
      ),
    ).requestIntroduction.id;
    dataOf(await app.gql(NEED, { id: needId }, member.accessToken));
    dataOf(await app.gql(CANDIDATES, { organizationId: companyX.id }, member.accessToken));
    dataOf(await app.gql(PROPOSAL, { id: proposalId }, member.accessToken));

    dataOf(await leave(member.accessToken));

    expectError(await app.gql(NEED, { id: needId }, member.accessToken), 'NOT_FOUND');
    expectError(await app.gql(CANDIDATES, { organizationId: companyX.id }, member.accessToken), 'FORBIDDEN');
    expect(
      (await app.gql(PROPOSAL, { id: proposalId }, member.accessToken)).errors?.[0].extensions.code,
    ).toMatch(/NOT_FOUND|FORBIDDEN/);
    expect(await memberIds(companyX.id)).not.toContain(member.userId);
    const proposal = dataOf(
      await app.gql<{ proposal: { history: { toState: string; actorUserId: string }[] } }>(
        PROPOSAL,
        { id: proposalId },
        coordinator.accessToken,
      ),
    ).proposal;
    expect(proposal.history).toEqual([{ toState: 'REQUESTED', actorUserId: member.userId }]);
    // the account itself is still there, with its name, for whoever may see it
    const { rows } = await app.db.query(`SELECT name_en FROM "user" WHERE id = $1`, [member.userId]);
    expect(rows[0].name_en).toBe('Jiro Sakata');
  });

  it('is open to a pending account, not to staff nor anonymous callers; leaving twice is NO_AFFILIATION and writes nothing', async () => {
    const pending = await signUpAs(app, 'RESEARCHER', universityA.id);
    expect(dataOf(await leave(pending.accessToken)).leaveOrganization).toMatchObject({
      affiliationStatus: 'NONE',
      organization: null,
    });
    expect(
      dataOf(
        await app.gql<{ pendingAffiliations: { edges: { node: { id: string } }[] } }>(
          PENDING,
          {},
          coordinator.accessToken,
        ),
      ).pendingAffiliations.edges.map((edge) => edge.node.id),
    ).not.toContain(pending.userId);

    const before = await snapshot();
    expectError(await leave(pending.accessToken), 'BAD_USER_INPUT', {
      reason: 'NO_AFFILIATION',
      path: 'leaveOrganization',
    });
    expectError(await leave(coordinator.accessToken), 'FORBIDDEN');
    expectError(await leave(adminToken), 'FORBIDDEN');
    expectError(await app.gql(LEAVE, {}), 'UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });
});

describe('asking to join another organization', () => {
  it('makes the account pending at the new organization; once approved it acts for that one only', async () => {
    const researcher = await approved('RESEARCHER', universityA.id, {
      ja: '湯野浜 三郎',
      en: 'Saburo Yunohama',
    });
    const oldSeed = await publishedSeed(app, researcher, seedInput(universityA.id));

    // with an organization, it must leave first
    let before = await snapshot();
    expectError(await requestAffiliation(researcher.accessToken, universityB.id), 'CONFLICT', {
      reason: 'ALREADY_AFFILIATED',
      path: 'organizationId',
    });
    expect(await snapshot()).toEqual(before);

    dataOf(await leave(researcher.accessToken));
    before = await snapshot();
    expectError(await requestAffiliation(researcher.accessToken, companyX.id), 'BAD_USER_INPUT', {
      reason: 'ORGANIZATION_MISMATCH',
      path: 'organizationId',
    });
    expectError(await requestAffiliation(researcher.accessToken, randomUUID()), 'NOT_FOUND', {
      path: 'organizationId',
    });
    expectError(await requestAffiliation(coordinator.accessToken, universityB.id), 'FORBIDDEN');
    expect(await snapshot()).toEqual(before);

    const requested = dataOf(
      await requestAffiliation(researcher.accessToken, universityB.id),
    ).requestAffiliation;
    expect(requested).toMatchObject({ affiliationStatus: 'PENDING', organization: { id: universityB.id } });
    // pending: not a researcher of B yet
    expectError(
      await app.gql(CREATE_SEED, { input: seedInput(universityB.id) }, researcher.accessToken),
      'FORBIDDEN',
      {
        reason: 'AFFILIATION_PENDING',
      },
    );
    const pending = dataOf(
      await app.gql<{ pendingAffiliations: { edges: { node: { id: string } }[] } }>(
        PENDING,
        {},
        coordinator.accessToken,
      ),
    );
    expect(pending.pendingAffiliations.edges.map((edge) => edge.node.id)).toContain(researcher.userId);
    expect((await auditOf(researcher.userId)).at(-1)).toMatchObject({
      action: 'affiliation requested',
      changes: {
        organizationId: { before: null, after: universityB.id },
        affiliationStatus: { before: 'none', after: 'pending' },
      },
    });

    await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'approve');
    const created = dataOf(
      await app.gql<{ createSeed: { id: string; researchers: { id: string }[] } }>(
        CREATE_SEED,
        { input: seedInput(universityB.id) },
        researcher.accessToken,
      ),
    ).createSeed;
    expect(await memberIds(universityB.id, researcher.accessToken)).toContain(researcher.userId);
    expectError(
      await app.gql(CREATE_SEED, { input: seedInput(universityA.id) }, researcher.accessToken),
      'FORBIDDEN',
    );
    // a new person of B on the new seed; the old seed keeps the person of A
    const oldPerson = (await seedOf(oldSeed.id)).researchers[0].id;
    expect(created.researchers[0].id).not.toBe(oldPerson);
    const people = await app.db.query<{ id: string; organization_id: string; user_id: string | null }>(
      `SELECT id, organization_id, user_id FROM person WHERE id = ANY($1) ORDER BY organization_id = $2 DESC`,
      [[oldPerson, created.researchers[0].id], universityA.id],
    );
    expect(people.rows).toEqual([
      { id: oldPerson, organization_id: universityA.id, user_id: null },
      { id: created.researchers[0].id, organization_id: universityB.id, user_id: researcher.userId },
    ]);
    expectError(
      await app.gql(
        UPDATE_SEED,
        { input: { id: oldSeed.id, version: oldSeed.version, keywords: ['x'] } },
        researcher.accessToken,
      ),
      'FORBIDDEN',
    );
  });
});

describe('deactivating an account', () => {
  it('ends every session, refuses its tokens and its sign-in, and keeps its history', async () => {
    const researcher = await approved('RESEARCHER', universityA.id, { ja: '加茂 四郎', en: 'Shiro Kamo' });
    const seed = await publishedSeed(app, researcher, seedInput(universityA.id));
    const phone = await signIn(app, researcher.email, researcher.password);
    expect(await memberIds(universityA.id)).toContain(researcher.userId);

    const deactivated = dataOf(await deactivate(adminToken, researcher.userId, '  退職  ')).deactivateAccount;
    expect(deactivated.deactivatedAt).toEqual(expect.any(String));
    const row = await userRow(researcher.userId);
    expect(row).toMatchObject({
      organization_id: universityA.id,
      affiliation_status: 'approved',
      deactivation_reason: '退職',
    });
    expect(row.deactivated_by).not.toBeNull();
    const live = await app.db.query(`SELECT 1 FROM session WHERE user_id = $1 AND revoked_at IS NULL`, [
      researcher.userId,
    ]);
    expect(live.rowCount).toBe(0);

    for (const session of [researcher, phone]) {
      expectError(await app.gql(ME, {}, session.accessToken), 'UNAUTHENTICATED');
      expectError(await app.gql(REFRESH, { token: session.refreshToken }), 'UNAUTHENTICATED', {
        reason: 'INVALID_REFRESH_TOKEN',
      });
    }
    // the right password is told why; a wrong one gets the usual answer
    const refused = expectError(await signInAs(researcher.email, researcher.password), 'UNAUTHENTICATED', {
      reason: 'ACCOUNT_DEACTIVATED',
    });
    expect(refused.extensions.localizedMessage).toEqual({
      ja: 'このアカウントは管理者により無効化されています。事務局にお問い合わせください',
      en: 'This account was deactivated by an administrator; contact the coordinators',
    });
    expectError(await signInAs(researcher.email, 'not-the-password-at-all'), 'UNAUTHENTICATED', {
      reason: 'INVALID_CREDENTIALS',
    });

    expect(await memberIds(universityA.id)).not.toContain(researcher.userId);
    expect((await seedOf(seed.id)).researchers.map((person) => person.name.en)).toEqual(['Shiro Kamo']);
    expect((await auditOf(researcher.userId)).at(-1)).toMatchObject({
      action: 'deactivated',
      changes: {
        deactivationReason: { before: null, after: '退職' },
        sessionsEnded: { before: null, after: 2 },
      },
    });
  });

  it('sends nothing to a deactivated address: no reset link, no sign-up notice; links already sent stop working', async () => {
    const member = await approved('COMPANY_MEMBER', companyX.id);
    dataOf(await app.gql(REQUEST_RESET, { email: member.email }));
    const delivered = await until(async () =>
      inbox.received.find(
        (mail) => mail.to.includes(member.email) && /reset-password#token=/.test(textOf(mail.data)),
      ),
    );
    const earlierLink = /reset-password#token=([\w-]+)/.exec(textOf(delivered.data))![1];

    dataOf(await deactivate(adminToken, member.userId));
    const queued = (await emailsTo(app, member.email)).length;
    const answer = dataOf(await app.gql(REQUEST_RESET, { email: member.email }));
    const unknown = dataOf(await app.gql(REQUEST_RESET, { email: `nobody-${randomUUID()}@kyoso.test` }));
    expect(answer).toEqual(unknown);
    const signUp = {
      email: member.email,
      password: DEFAULT_PASSWORD,
      role: 'COMPANY_MEMBER',
      organizationId: companyX.id,
      name: { ja: '乗っ取り', en: 'Taken over' },
    };
    const signedUp = dataOf(await app.gql<{ signUp: { email: string } }>(SIGN_UP, { input: signUp }));
    expect(signedUp.signUp.email).toBe(member.email);
    // nor an invitation, a resent confirmation, or another account's move to its address
    dataOf(
      await app.gql(
        'mutation ($input: InviteColleagueInput!) { inviteColleague(input: $input) { email } }',
        { input: { email: member.email, organizationId: companyX.id } },
        coordinator.accessToken,
      ),
    );
    dataOf(
      await app.gql('mutation ($email: String!) { resendVerificationEmail(email: $email) { email } }', {
        email: member.email,
      }),
    );
    const mover = await approved('COMPANY_MEMBER', companyX.id);
    dataOf(
      await app.gql(
        'mutation ($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) { email } }',
        { input: { newEmail: member.email, currentPassword: mover.password } },
        mover.accessToken,
      ),
    );
    expect(await emailsTo(app, member.email)).toHaveLength(queued);
    expect(await userRow(member.userId)).toMatchObject({
      affiliation_status: 'approved',
      organization_id: companyX.id,
    });
    const tokens = await app.db.query(`SELECT 1 FROM account_token WHERE user_id = $1 AND used_at IS NULL`, [
      member.userId,
    ]);
    expect(tokens.rowCount).toBe(0);

    expectError(
      await app.gql(RESET, { token: earlierLink, password: 'a-brand-new-passphrase-for-kyoso' }),
      'BAD_USER_INPUT',
      {
        reason: 'INVALID_EMAIL_TOKEN',
      },
    );
    expectError(await signInAs(member.email, 'a-brand-new-passphrase-for-kyoso'), 'UNAUTHENTICATED', {
      reason: 'INVALID_CREDENTIALS',
    });
    expectError(await signInAs(member.email, member.password), 'UNAUTHENTICATED', {
      reason: 'ACCOUNT_DEACTIVATED',
    });
  });

  it('leaves a deactivated coordinator out of the notifications and their e-mails', async () => {
    const other = await createStaff(app, adminToken);
    dataOf(await deactivate(adminToken, other.userId));
    const researcher = await approved('RESEARCHER', universityA.id);
    const seed = await publishedSeed(app, researcher, seedInput(universityA.id));
    const member = await approved('COMPANY_MEMBER', companyX.id);
    dataOf(await app.gql(REQUEST_INTRODUCTION, { input: { seedId: seed.id } }, member.accessToken));
    const told = async (userId: string) =>
      Number(
        (
          await app.db.query<{ n: string }>(`SELECT count(*) AS n FROM notification WHERE user_id = $1`, [
            userId,
          ])
        ).rows[0].n,
      );
    expect(await told(coordinator.userId)).toBeGreaterThan(0);
    expect(await told(other.userId)).toBe(0);
    expect((await emailsTo(app, other.email)).filter((mail) => mail.kind === 'notification')).toEqual([]);
  });

  it('leaves a deactivated account out of the daily digest its notifications were waiting for', async () => {
    const staffer = await createStaff(app, adminToken);
    dataOf(
      await app.gql(
        `mutation ($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { id } }`,
        { input: { notifications: [{ kind: 'INTRODUCTION_REQUESTED', delivery: 'DAILY_DIGEST' }] } },
        staffer.accessToken,
      ),
    );
    const researcher = await approved('RESEARCHER', universityA.id);
    const seed = await publishedSeed(app, researcher, seedInput(universityA.id));
    const member = await approved('COMPANY_MEMBER', companyX.id);
    dataOf(await app.gql(REQUEST_INTRODUCTION, { input: { seedId: seed.id } }, member.accessToken));
    const waiting = await app.db.query(`SELECT 1 FROM notification WHERE user_id = $1 AND digest_pending`, [
      staffer.userId,
    ]);
    expect(waiting.rowCount).toBe(1);

    dataOf(await deactivate(adminToken, staffer.userId));
    const sender = app.api.app.get(DailyDigestService, { strict: false });
    expect(await sender.run(new Date(Date.now() + 2 * 24 * 3_600_000))).toBe(0);
    expect(
      (await emailsTo(app, staffer.email)).filter((mail) => mail.kind === 'notification-digest'),
    ).toEqual([]);
  });

  it('reactivation lets the account sign in again; the sessions it ended stay ended', async () => {
    const member = await approved('COMPANY_MEMBER', companyX.id);
    dataOf(await deactivate(adminToken, member.userId));
    const again = dataOf(await reactivate(adminToken, member.userId)).reactivateAccount;
    expect(again.deactivatedAt).toBeNull();
    expect(await userRow(member.userId)).toMatchObject({
      deactivated_at: null,
      deactivated_by: null,
      deactivation_reason: null,
    });
    expectError(await app.gql(ME, {}, member.accessToken), 'UNAUTHENTICATED');
    expectError(await app.gql(REFRESH, { token: member.refreshToken }), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
    const session = dataOf(await signInAs(member.email, member.password)).signIn;
    expect(dataOf(await app.gql<{ me: UserView }>(ME, {}, session.accessToken)).me.id).toBe(member.userId);
    expect(await memberIds(companyX.id)).toContain(member.userId);
    expect((await auditOf(member.userId)).map((entry) => entry.action).slice(-2)).toEqual([
      'deactivated',
      'reactivated',
    ]);

    // both are idempotent: an active account reactivated, a deactivated one deactivated again, change nothing
    const before = await snapshot();
    expect(dataOf(await reactivate(adminToken, member.userId)).reactivateAccount.deactivatedAt).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses non-admins, the admin itself and unknown accounts, writing nothing', async () => {
    const researcher = await approved('RESEARCHER', universityA.id);
    const adminId = dataOf(await app.gql<{ me: UserView }>(ME, {}, adminToken)).me.id;
    const before = await snapshot();

    expectError(await deactivate(coordinator.accessToken, researcher.userId), 'FORBIDDEN');
    expectError(await deactivate(researcher.accessToken, researcher.userId), 'FORBIDDEN');
    expectError(
      await app.gql(DEACTIVATE, { input: { userId: researcher.userId, reason: 'x' } }),
      'UNAUTHENTICATED',
    );
    expectError(await reactivate(coordinator.accessToken, researcher.userId), 'FORBIDDEN');
    expectError(await deactivate(adminToken, adminId), 'BAD_USER_INPUT', {
      reason: 'CANNOT_DEACTIVATE_SELF',
      path: 'input.userId',
    });
    expectError(await deactivate(adminToken, randomUUID()), 'NOT_FOUND', {
      reason: 'USER_NOT_FOUND',
      path: 'input.userId',
    });
    expectError(await reactivate(adminToken, randomUUID()), 'NOT_FOUND', {
      reason: 'USER_NOT_FOUND',
      path: 'userId',
    });
    expectError(await deactivate(adminToken, researcher.userId, '   '), 'BAD_USER_INPUT', {
      localized: false,
    });
    expectError(await deactivate(adminToken, 'not-a-uuid'), 'BAD_USER_INPUT', { localized: false });

    expect(await snapshot()).toEqual(before);
    dataOf(await app.gql(ME, {}, researcher.accessToken));
  });

  it('never leaves no active admin: two admins turning each other off at once, one of them stays', async () => {
    const first = await createStaff(app, adminToken, 'ADMIN');
    const second = await createStaff(app, adminToken, 'ADMIN');
    // only these two admins stay active
    const { rows } = await app.db.query<{ id: string }>(
      `SELECT id FROM "user" WHERE role = 'admin' AND deactivated_at IS NULL AND id <> ALL($1)`,
      [[first.userId, second.userId]],
    );
    for (const { id } of rows) dataOf(await deactivate(first.accessToken, id));

    const answers = await Promise.all([
      deactivate(first.accessToken, second.userId),
      deactivate(second.accessToken, first.userId),
    ]);
    const succeeded = answers.filter((answer) => !answer.errors);
    expect(succeeded).toHaveLength(1);
    const refused = answers.find((answer) => answer.errors)!;
    // refused by the rule, or (if it came second) because its own session had just ended
    expect(refused.errors?.map((error) => error.extensions.reason ?? error.extensions.code)).toEqual([
      expect.stringMatching(/^(LAST_ADMIN|UNAUTHENTICATED|NOT_SIGNED_IN)$/),
    ]);
    const active = await app.db.query(
      `SELECT id FROM "user" WHERE role = 'admin' AND deactivated_at IS NULL`,
    );
    expect(active.rowCount).toBe(1);
  });
});
