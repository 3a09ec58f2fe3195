import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  AUTH_FIELDS,
  countAllRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  emailsTo,
  expectError,
  ME,
  publishedSeed,
  signIn,
  signInAdmin,
  signUpAs,
  TEST_ADMIN,
  until,
  type Account,
} from './support/fixtures.js';
import { startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EXPORT = `query { exportMyData { generatedAt json } }`;
const CLOSE = `mutation ($password: String!) {
  closeMyAccount(currentPassword: $password) { closedAt message { ja en } } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;
const PROFILE = `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }`;
const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }`;
const PROPOSAL = `id version`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${PROPOSAL} } }`;
const MOVE = `mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { ${PROPOSAL} } }`;
const ACCEPT_NDA = `mutation ($input: AcceptNdaInput!) { acceptNda(input: $input) { id } }`;
const CONTACTS = `query ($id: ID!) { proposal(id: $id) { contacts { email party } } }`;
const SAVE_SEARCH = `mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`;

// invented words: where they show up, they leaked
const BIO = 'BIO-MARKER-pickled-lactobacilli';
const STEP_NOTE = 'STEP-NOTE-we-would-love-to-meet';
const OWN_NEED = 'OWN-NEED-MARKER-fermented-sauce';
const OTHER_NEED = 'OTHER-NEED-MARKER-secret-recipe';

/** The parts of an export the tests read. */
interface ExportData {
  accountId: string;
  account: { sessions: unknown[] } & Record<string, unknown>;
  profile: Record<string, unknown> | null;
  catalog: { seeds: unknown[]; needs: unknown[] };
  matching: { notifications: unknown[]; savedSearches: unknown[]; proposalSteps: unknown[] };
  activity: { yourChanges: unknown[] };
}

interface Proposal {
  id: string;
  version: number;
}

let app: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let coordinator: Account;
let researcher: Account;
let member: Account;
let rivalMember: Account;
let universityId: string;
let companyId: string;
let seedId: string;
let personId: string;
let proposalId: string;

const contactsSeenBy = async (account: Account) =>
  dataOf(
    await app.gql<{ proposal: { contacts: { email: string; party: string }[] } }>(
      CONTACTS,
      { id: proposalId },
      account.accessToken,
    ),
  ).proposal.contacts.map((contact) => contact.email);
const exportOf = async (account: Account) => {
  const result = dataOf(
    await app.gql<{ exportMyData: { generatedAt: string; json: string } }>(EXPORT, {}, account.accessToken),
  );
  return {
    text: result.exportMyData.json,
    data: JSON.parse(result.exportMyData.json) as ExportData,
  };
};
const close = (account: Account, password = account.password) =>
  app.gql<{ closeMyAccount: { closedAt: string } }>(CLOSE, { password }, account.accessToken);
const userRow = async (id: string) =>
  (await app.db.query(`SELECT * FROM "user" WHERE id = $1`, [id])).rows[0] as Record<string, unknown>;
const count = async (sql: string, params: unknown[]) =>
  Number(
    (await app.db.query<{ count: string }>(`SELECT count(*) AS count FROM ${sql}`, params)).rows[0].count,
  );

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({ ...adminEnv(), SMTP_URL: inbox.url, AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  universityId = (await createOrganization(app, admin, 'university')).id;
  companyId = (await createOrganization(app, admin, 'company')).id;
  const rivalId = (await createOrganization(app, admin, 'company')).id;
  researcher = await signUpAs(app, 'RESEARCHER', universityId, { language: 'EN' });
  member = await signUpAs(app, 'COMPANY_MEMBER', companyId);
  rivalMember = await signUpAs(app, 'COMPANY_MEMBER', rivalId);
  for (const account of [researcher, member, rivalMember])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  // approval changes the viewer: sign in again for tokens that carry it
  for (const account of [researcher, member, rivalMember]) {
    const session = await signIn(app, account.email, account.password);
    account.accessToken = session.accessToken;
    account.refreshToken = session.refreshToken;
  }

  personId = dataOf(
    await app.gql<{ updateMyProfile: { id: string } }>(
      PROFILE,
      {
        input: {
          bio: { en: BIO },
          keywords: ['lactobacilli'],
          orcid: '0000-0002-1825-0097',
          labUrl: 'https://lab.example.jp/tsuruoka',
        },
      },
      researcher.accessToken,
    ),
  ).updateMyProfile.id;
  seedId = (
    await publishedSeed(app, researcher, {
      title: { ja: '漬物の乳酸菌', en: 'Pickle lactic acid bacteria' },
      summary: { ja: '庄内の漬物由来の乳酸菌。' },
      fields: ['fermentation-bioprocess'],
      institutionId: universityId,
      trl: 4,
      collaborationTypes: ['joint-research'],
    })
  ).id;
  const needOf = async (account: Account, company: string, title: string) =>
    dataOf(
      await app.gql<{ createNeed: { id: string } }>(
        CREATE_NEED,
        { input: { companyId: company, title: { en: title }, description: { en: `${title} details` } } },
        account.accessToken,
      ),
    ).createNeed.id;
  const needId = await needOf(member, companyId, OWN_NEED); // confidential by default
  await needOf(rivalMember, rivalId, OTHER_NEED);

  let proposal = dataOf(
    await app.gql<{ proposeMatch: Proposal }>(
      PROPOSE,
      { input: { needId, seedId } },
      coordinator.accessToken,
    ),
  ).proposeMatch;
  const move = async (to: string, account: Account, note?: string) => {
    proposal = dataOf(
      await app.gql<{ moveProposal: Proposal }>(
        MOVE,
        { input: { id: proposal.id, version: proposal.version, to, note } },
        account.accessToken,
      ),
    ).moveProposal;
  };
  await move('SHORTLISTED', coordinator);
  await move('INTRODUCED', coordinator);
  await move('MEETING', researcher, STEP_NOTE);
  const { version } = dataOf(
    await app.gql<{ ndaText: { version: string } }>('{ ndaText { version } }', {}, member.accessToken),
  ).ndaText;
  for (const account of [member, researcher])
    dataOf(
      await app.gql(
        ACCEPT_NDA,
        { input: { proposalId: proposal.id, textVersion: version } },
        account.accessToken,
      ),
    );
  await move('NDA', coordinator);
  proposalId = proposal.id;
  dataOf(await app.gql(SAVE_SEARCH, { input: { name: 'lactic', query: 'lactic' } }, member.accessToken));
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

describe('exportMyData', () => {
  it("gives a researcher their account, profile, seeds, proposal steps and notifications, and nobody else's data", async () => {
    const { text, data } = await exportOf(researcher);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining([
        'generatedAt',
        'accountId',
        'activity',
        'profile',
        'account',
        'catalog',
        'matching',
      ]),
    );
    expect(data.accountId).toBe(researcher.userId);
    expect(data.account).toMatchObject({ id: researcher.userId, email: researcher.email, language: 'en' });
    expect(data.account.sessions.length).toBeGreaterThan(0);
    expect(data.profile).toMatchObject({ id: personId, bio: { en: BIO }, orcid: '0000-0002-1825-0097' });
    expect(data.catalog.seeds).toEqual([
      expect.objectContaining({ id: seedId, youAreListed: true, youWroteIt: true }),
    ]);
    expect(data.matching.proposalSteps).toEqual([
      expect.objectContaining({ toState: 'meeting', note: STEP_NOTE }),
    ]);
    expect(data.matching.notifications.length).toBeGreaterThan(0);
    expect(data.activity.yourChanges).toEqual(
      expect.arrayContaining([expect.objectContaining({ recordType: 'person', recordId: personId })]),
    );
    // no hashes, no other accounts' addresses, no need the researcher may not read
    for (const secret of [
      member.email,
      rivalMember.email,
      coordinator.email,
      TEST_ADMIN.email,
      OWN_NEED,
      OTHER_NEED,
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/argon2|password_?hash|token_?hash/i);
    const hashes = await app.db.query<{ h: string }>(
      `SELECT password_hash AS h FROM "user" WHERE id = $1
       UNION ALL SELECT token_hash FROM refresh_token JOIN session ON session.id = refresh_token.session_id WHERE session.user_id = $1`,
      [researcher.userId],
    );
    for (const { h } of hashes.rows) expect(text).not.toContain(h);
    // the export is audited
    expect(
      await count(`audit_entry WHERE actor_user_id = $1 AND action = 'data exported'`, [researcher.userId]),
    ).toBe(1);
  });

  it("gives a company member their own confidential need and saved search, never another company's need", async () => {
    const { text, data } = await exportOf(member);
    expect(data.catalog.needs).toEqual([expect.objectContaining({ title: { ja: null, en: OWN_NEED } })]);
    expect(data.matching.savedSearches).toEqual([
      expect.objectContaining({ name: 'lactic', query: 'lactic' }),
    ]);
    expect(data.profile).toBeNull();
    for (const secret of [OTHER_NEED, rivalMember.email, researcher.email, BIO, STEP_NOTE])
      expect(text).not.toContain(secret);
  });

  it('is for signed-in accounts only', async () => {
    expectError(await app.gql(EXPORT), 'UNAUTHENTICATED');
  });
});

describe('closeMyAccount', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const rows = await countAllRows(app);
    const before = await userRow(researcher.userId);
    expectError(await close(researcher, 'not-my-password-at-all'), 'BAD_USER_INPUT', {
      reason: 'WRONG_PASSWORD',
      path: 'currentPassword',
    });
    expect(await countAllRows(app)).toEqual(rows);
    expect(await userRow(researcher.userId)).toEqual(before);
    expect(dataOf(await app.gql<{ me: { id: string } }>(ME, {}, researcher.accessToken)).me.id).toBe(
      researcher.userId,
    );
  });

  it('removes or anonymises the personal data, keeps the trail and the catalogue, and frees the address', async () => {
    expect(await contactsSeenBy(member)).toContain(researcher.email);
    const closed = dataOf(await close(researcher)).closeMyAccount;
    expect(Date.parse(closed.closedAt)).not.toBeNaN();

    // tokens and sign-in are refused; the old credentials answer as an unknown account's
    expectError(await app.gql(ME, {}, researcher.accessToken), 'UNAUTHENTICATED');
    expectError(await app.gql(REFRESH, { token: researcher.refreshToken }), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
    expectError(
      await app.gql(SIGN_IN, { input: { email: researcher.email, password: researcher.password } }),
      'UNAUTHENTICATED',
      { reason: 'INVALID_CREDENTIALS' },
    );

    // nor does the placeholder address, nor a reset link to it
    const placeholder = `closed-${researcher.userId}@closed.invalid`;
    expectError(
      await app.gql(SIGN_IN, { input: { email: placeholder, password: researcher.password } }),
      'UNAUTHENTICATED',
      { reason: 'INVALID_CREDENTIALS' },
    );
    dataOf(
      await app.gql('mutation ($email: String!) { requestPasswordReset(email: $email) { message { en } } }', {
        email: placeholder,
      }),
    );
    expect(await count(`account_token WHERE user_id = $1`, [researcher.userId])).toBe(0);

    // the account row stays, anonymised
    const user = await userRow(researcher.userId);
    expect(user).toMatchObject({
      email: `closed-${researcher.userId}@closed.invalid`,
      name_ja: '退会したユーザー',
      name_en: 'Closed account',
      password_hash: '!closed',
      organization_id: null,
      email_verified_at: null,
      notification_delivery: {},
    });
    expect(user.closed_at).not.toBeNull();
    expect(await count(`session WHERE user_id = $1`, [researcher.userId])).toBe(0);
    expect(await count(`account_token WHERE user_id = $1`, [researcher.userId])).toBe(0);
    expect(await count(`notification WHERE user_id = $1`, [researcher.userId])).toBe(0);

    // the person named on the seed keeps the catalogue's name, loses the profile and the account link
    const person = (await app.db.query(`SELECT * FROM person WHERE id = $1`, [personId])).rows[0];
    expect(person).toMatchObject({
      name_en: 'Taro Tsuruoka',
      bio_ja: null,
      bio_en: null,
      keywords: [],
      orcid: null,
      lab_url: null,
      email: null,
      user_id: null,
    });

    // the audit trail keeps the actor's id; the values about the person are gone
    expect(
      await count(`audit_entry WHERE actor_user_id = $1 AND entity_type = 'seed'`, [researcher.userId]),
    ).toBeGreaterThan(0);
    expect(
      await count(`audit_entry WHERE entity_id = $1 AND action = 'account closed'`, [researcher.userId]),
    ).toBe(1);
    const trail = JSON.stringify((await app.db.query(`SELECT changes FROM audit_entry`)).rows);
    for (const gone of [BIO, researcher.email, '0000-0002-1825-0097']) expect(trail).not.toContain(gone);
    // the proposal's NDA contacts no longer name the closed account
    expect(await contactsSeenBy(member)).toEqual([member.email]);
    // the proposal's history keeps the step (the other parties rely on it)
    expect(
      await count(`proposal_transition WHERE actor_user_id = $1 AND note = $2`, [
        researcher.userId,
        STEP_NOTE,
      ]),
    ).toBe(1);

    // the seed is still the institution's, listed as before
    const seed = dataOf(
      await app.gql<{ seed: { id: string; institution: { id: string } } }>(
        'query ($id: ID!) { seed(id: $id) { id institution { id } } }',
        { id: seedId },
      ),
    ).seed;
    expect(seed.institution.id).toBe(universityId);

    // a last e-mail to the old address, in the account's language; its row is forgotten once sent
    const delivered = await until(async () =>
      inbox.received.find(
        (mail) => mail.to.includes(researcher.email) && /was closed/.test(textOf(mail.data)),
      ),
    );
    expect(textOf(delivered.data)).toContain('sign up again');
    await until(async () => ((await emailsTo(app, researcher.email)).length === 0 ? true : undefined));

    // the address is free: a new sign-up makes a fresh account without the old data
    const again = await signUpAs(app, 'RESEARCHER', universityId, { email: researcher.email });
    expect(again.userId).not.toBe(researcher.userId);
    const fresh = await exportOf(again);
    expect(fresh.data.profile).toBeNull();
    expect(fresh.data.catalog.seeds).toEqual([]);
    expect(fresh.data.matching.proposalSteps).toEqual([]);
    expect(fresh.text).not.toContain(BIO);
  });

  it('exports the invitations sent; closing withdraws the pending ones and leaves no address of theirs in any', async () => {
    const INVITE = 'mutation ($input: InviteColleagueInput!) { inviteColleague(input: $input) { email } }';
    const invitee = `invitee-${Date.now()}@kyoso.test`;
    const closing = await signUpAs(app, 'COMPANY_MEMBER', companyId);
    await decideAffiliation(app, coordinator.accessToken, closing.userId, 'approve');
    // an invitation to the closing account's address (it has an account: the row is kept all the same)
    dataOf(
      await app.gql(
        INVITE,
        { input: { email: closing.email, organizationId: companyId } },
        coordinator.accessToken,
      ),
    );
    dataOf(await app.gql(INVITE, { input: { email: invitee } }, closing.accessToken));
    const sent = (await exportOf(closing)).data.account.invitationsSent as { email: string }[];
    expect(sent.map((invitation) => invitation.email)).toEqual([invitee]);

    dataOf(await close(closing));
    expect(await count(`invitation WHERE email = $1`, [closing.email.toLowerCase()])).toBe(0);
    expect(
      await count(`invitation WHERE invited_by = $1 AND revoked_at IS NULL AND accepted_at IS NULL`, [
        closing.userId,
      ]),
    ).toBe(0);
  });

  it('deletes a profile no seed names, and the saved searches', async () => {
    const loner = await signUpAs(app, 'RESEARCHER', universityId);
    await decideAffiliation(app, coordinator.accessToken, loner.userId, 'approve');
    const session = await signIn(app, loner.email, loner.password);
    const own = { ...loner, accessToken: session.accessToken };
    const { updateMyProfile } = dataOf(
      await app.gql<{ updateMyProfile: { id: string } }>(
        PROFILE,
        { input: { bio: { ja: BIO } } },
        own.accessToken,
      ),
    );
    dataOf(await close(own));
    expect(await count(`person WHERE id = $1`, [updateMyProfile.id])).toBe(0);

    dataOf(await close(member));
    expect(await count(`saved_search WHERE user_id = $1`, [member.userId])).toBe(0);
    expect(await userRow(member.userId)).toMatchObject({ organization_id: null, name_en: 'Closed account' });
  });

  it('refuses to close the only active admin, and lets an admin close while another remains', async () => {
    const admin: Account = {
      email: TEST_ADMIN.email,
      password: TEST_ADMIN.password,
      userId: '',
      ...(await signIn(app, TEST_ADMIN.email, TEST_ADMIN.password)),
    } as Account;
    const rows = await countAllRows(app);
    expectError(await close(admin), 'CONFLICT', { reason: 'LAST_ADMIN' });
    expect(await countAllRows(app)).toEqual(rows);
    expect(dataOf(await app.gql<{ me: { role: string } }>(ME, {}, admin.accessToken)).me.role).toBe('ADMIN');

    const second = await createStaff(app, admin.accessToken, 'ADMIN');
    dataOf(await close(second));
    expectError(await close(admin), 'CONFLICT', { reason: 'LAST_ADMIN' });
  });
});
