import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  AUTH_FIELDS,
  countAllRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  DEFAULT_PASSWORD,
  expectError,
  ME,
  signIn,
  signInAdmin,
  SIGN_UP,
  signUpToken,
  signUpAs,
  uniqueEmail,
  until,
  USER_FIELDS,
  type Account,
  type AuthPayload,
  type UserView,
} from './support/fixtures.js';
import { htmlOf, startSmtpInbox, textOf, type Delivered } from './support/smtp-inbox.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example/app';
const ACCOUNT_EMAIL_LIMIT = 100;
const PER_INVITER_HOUR = 20;
const PER_ADDRESS_HOUR = 5;

const INVITE = `mutation ($input: InviteColleagueInput!) { inviteColleague(input: $input) { email message { ja en } } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { ${AUTH_FIELDS} } }`;
const INVITATIONS = `query ($first: Int, $after: String) { invitations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id email role status language expiresAt acceptedAt revokedAt createdAt organization { id } } } } }`;
const REVOKE = `mutation ($id: ID!) { revokeInvitation(id: $id) { id status revokedAt } }`;
const PENDING = `query { pendingAffiliations(first: 100) { edges { node { id email affiliationStatus } } } }`;

interface Receipt {
  email: string;
  message: { ja: string; en: string };
}
interface InvitationView {
  id: string;
  email: string;
  role: string;
  status: 'PENDING' | 'ACCEPTED' | 'EXPIRED' | 'REVOKED';
  language: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  organization: { id: string } | null;
}

let app: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let admin: string;
let coordinator: Account;
let university: string;
let otherUniversity: string;
let company: string;
let researcher: Account;
let member: Account;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({
    ...adminEnv(),
    SMTP_URL: inbox.url,
    PUBLIC_URL,
    RATE_LIMIT_ACCOUNT_EMAIL: String(ACCOUNT_EMAIL_LIMIT),
  });
  admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  university = (await createOrganization(app, admin, 'university')).id;
  otherUniversity = (await createOrganization(app, admin, 'university')).id;
  company = (await createOrganization(app, admin, 'company')).id;
  researcher = await approvedAs('RESEARCHER', university);
  member = await approvedAs('COMPANY_MEMBER', company);
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

async function approvedAs(role: 'RESEARCHER' | 'COMPANY_MEMBER', organizationId: string): Promise<Account> {
  const account = await signUpAs(app, role, organizationId);
  await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  return { ...account, ...(await signIn(app, account.email, account.password)) };
}

const invite = (token: string, input: Record<string, unknown>) =>
  app.gql<{ inviteColleague: Receipt }>(INVITE, { input }, token);
const accept = (
  token: string,
  password = DEFAULT_PASSWORD,
  name = { ja: '招待 花子', en: 'Hanako Shotai' },
) => app.gql<{ acceptInvitation: AuthPayload }>(ACCEPT, { input: { token, password, name } });
const invitationsOf = async (token: string, first = 100) =>
  dataOf(
    await app.gql<{ invitations: { edges: { node: InvitationView }[]; totalCount: number } }>(
      INVITATIONS,
      { first },
      token,
    ),
  ).invitations;
const invitationTo = async (token: string, email: string) =>
  (await invitationsOf(token)).edges
    .map((edge) => edge.node)
    .find((node) => node.email === email.toLowerCase());

function linkIn(text: string): string | undefined {
  const escaped = PUBLIC_URL.replace(/[.]/g, '\\.');
  return new RegExp(`${escaped}/accept-invitation#token=([\\w-]+)`).exec(text)?.[1];
}

/** The newest e-mail delivered over SMTP to the address that satisfies `has` (waits for it). */
async function deliveredTo(email: string, has: (text: string) => boolean = () => true): Promise<Delivered> {
  return until(async () =>
    inbox.received.filter((mail) => mail.to.includes(email.toLowerCase()) && has(textOf(mail.data))).at(-1),
  );
}

/** Invites as the caller and follows the link of the e-mail as it was delivered: its token. */
async function invitedToken(token: string, input: Record<string, unknown>): Promise<string> {
  dataOf(await invite(token, input));
  const mail = await deliveredTo(input.email as string, (text) => !!linkIn(text));
  return linkIn(textOf(mail.data))!;
}

async function invitationRows(): Promise<number> {
  const { rows } = await app.db.query<{ count: string }>('SELECT count(*) AS count FROM invitation');
  return Number(rows[0].count);
}

async function accountsWith(email: string): Promise<number> {
  const { rows } = await app.db.query<{ count: string }>(
    'SELECT count(*) AS count FROM "user" WHERE email = $1',
    [email.toLowerCase()],
  );
  return Number(rows[0].count);
}

describe('a coordinator’s invitation', () => {
  it('is e-mailed with a one-time link that creates an approved, signed-in member of the organization', async () => {
    const email = uniqueEmail('colleague');
    const note = 'Welcome <b>aboard</b> & see you';
    const receipt = dataOf(
      await invite(coordinator.accessToken, {
        email: email.toUpperCase(),
        organizationId: university,
        message: note,
      }),
    ).inviteColleague;
    expect(receipt.email).toBe(email);
    expect(receipt.message.ja).toContain('招待');

    const mail = await deliveredTo(email, (text) => !!linkIn(text));
    const text = textOf(mail.data);
    expect(text).toContain('コーディネーター'); // the inviter's name (createStaff's), in the invitation's language
    const org = await app.db.query<{ name_ja: string }>('SELECT name_ja FROM organization WHERE id = $1', [
      university,
    ]);
    expect(text).toContain(org.rows[0].name_ja);
    expect(text).toContain(note);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}（日本時間）まで/);
    expect(htmlOf(mail.data)).toContain('Welcome &lt;b&gt;aboard&lt;/b&gt; &amp; see you');
    expect(htmlOf(mail.data)).not.toContain('<b>aboard');
    const token = linkIn(text)!;
    const stored = await app.db.query<{ token_hash: string; expires_at: Date }>(
      'SELECT token_hash, expires_at FROM invitation WHERE email = $1',
      [email],
    );
    expect(stored.rows[0].token_hash).not.toBe(token);
    const days = (stored.rows[0].expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const payload = dataOf(await accept(token)).acceptInvitation;
    expect(payload.user).toMatchObject({
      email,
      role: 'RESEARCHER',
      affiliationStatus: 'APPROVED',
      organization: { id: university },
      name: { ja: '招待 花子', en: 'Hanako Shotai' },
    });
    const me = dataOf(await app.gql<{ me: UserView }>(ME, {}, payload.accessToken)).me;
    expect(me).toMatchObject({ affiliationStatus: 'APPROVED', organization: { id: university } });
    // it acts as a member: its organization's members list is open to it and holds it
    const members = dataOf(
      await app.gql<{ organizationMembers: { edges: { node: { id: string } }[] } }>(
        'query ($id: ID!) { organizationMembers(organizationId: $id) { edges { node { id } } } }',
        { id: university },
        payload.accessToken,
      ),
    ).organizationMembers.edges.map((edge) => edge.node.id);
    expect(members).toContain(payload.user.id);
    // it signs in with the password it chose (the address counts as confirmed)
    await signIn(app, email, DEFAULT_PASSWORD);

    const audit = await app.db.query<{ actor_user_id: string; action: string }>(
      'SELECT actor_user_id, action FROM audit_entry WHERE entity_id = $1',
      [payload.user.id],
    );
    expect(audit.rows).toEqual([{ actor_user_id: coordinator.userId, action: 'affiliation approved' }]);
    const listed = await invitationTo(coordinator.accessToken, email);
    expect(listed).toMatchObject({
      status: 'ACCEPTED',
      role: 'RESEARCHER',
      organization: { id: university },
    });

    // accepted twice: a typed error, still one account
    expectError(await accept(token, `${DEFAULT_PASSWORD}-again`), 'CONFLICT', {
      reason: 'INVITATION_USED',
      path: 'input.token',
    });
    expect(await accountsWith(email)).toBe(1);
  });

  it('lets exactly one of two concurrent accepts create the account', async () => {
    const email = uniqueEmail('race');
    const token = await invitedToken(coordinator.accessToken, { email, organizationId: company });
    const answers = await Promise.all([accept(token), accept(token)]);
    const won = answers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    expect(won[0].data!.acceptInvitation.user.role).toBe('COMPANY_MEMBER');
    const lost = answers.find((answer) => answer.errors)!;
    expectError(lost, 'CONFLICT', { reason: 'INVITATION_USED', path: 'input.token' });
    expect(await accountsWith(email)).toBe(1);
  });

  it('makes a coordinator from an admin’s invitation only', async () => {
    const email = uniqueEmail('new-coordinator');
    const refused = await countAllRows(app);
    expectError(await invite(coordinator.accessToken, { email, role: 'COORDINATOR' }), 'FORBIDDEN', {
      reason: 'ADMINS_INVITE_COORDINATORS',
      path: 'input.role',
    });
    expectError(await invite(researcher.accessToken, { email, role: 'COORDINATOR' }), 'FORBIDDEN', {
      reason: 'ADMINS_INVITE_COORDINATORS',
    });
    expect(await countAllRows(app)).toEqual(refused);

    const token = await invitedToken(admin, { email, role: 'COORDINATOR' });
    const payload = dataOf(await accept(token)).acceptInvitation;
    expect(payload.user).toMatchObject({
      role: 'COORDINATOR',
      affiliationStatus: 'APPROVED',
      organization: null,
    });
    dataOf(await app.gql(PENDING, {}, payload.accessToken));
  });
});

describe('a member’s invitation', () => {
  it('creates an account whose affiliation waits for a coordinator, as a sign-up’s does', async () => {
    const email = uniqueEmail('peer');
    const token = await invitedToken(researcher.accessToken, { email });
    const text = textOf((await deliveredTo(email)).data);
    expect(text).toContain('鶴岡 太郎'); // signUpAs's name: the inviter

    const payload = dataOf(await accept(token)).acceptInvitation;
    expect(payload.user).toMatchObject({
      role: 'RESEARCHER',
      affiliationStatus: 'PENDING',
      organization: { id: university },
    });
    const pending = dataOf(
      await app.gql<{ pendingAffiliations: { edges: { node: { id: string } }[] } }>(
        PENDING,
        {},
        coordinator.accessToken,
      ),
    ).pendingAffiliations.edges.map((edge) => edge.node.id);
    expect(pending).toContain(payload.user.id);
    // pending, it acts as nobody's member yet (and cannot invite)
    expectError(await invite(payload.accessToken, { email: uniqueEmail('x') }), 'FORBIDDEN');
    const approved = await decideAffiliation(app, coordinator.accessToken, payload.user.id, 'approve');
    expect(approved.affiliationStatus).toBe('APPROVED');
  });

  it('gives a company member’s colleague the company member role', async () => {
    const email = uniqueEmail('company-peer');
    const token = await invitedToken(member.accessToken, { email, language: 'EN' });
    const text = textOf((await deliveredTo(email)).data);
    expect(text).toContain('invited you to join Kyoso as a company member');
    expect(text).not.toContain('招待');
    const payload = dataOf(await accept(token)).acceptInvitation;
    expect(payload.user).toMatchObject({
      role: 'COMPANY_MEMBER',
      affiliationStatus: 'PENDING',
      organization: { id: company },
    });
  });

  it('is refused for another organization, and nothing is written or sent', async () => {
    const email = uniqueEmail('elsewhere');
    const before = await countAllRows(app);
    const invitations = await invitationRows();
    expectError(
      await invite(researcher.accessToken, { email, organizationId: otherUniversity }),
      'FORBIDDEN',
      {
        reason: 'NOT_YOUR_ORGANIZATION',
        path: 'input.organizationId',
      },
    );
    expectError(await invite(member.accessToken, { email, organizationId: university }), 'FORBIDDEN', {
      reason: 'NOT_YOUR_ORGANIZATION',
      path: 'input.organizationId',
    });
    // the role follows the organization's type
    expectError(await invite(member.accessToken, { email, role: 'RESEARCHER' }), 'BAD_USER_INPUT', {
      reason: 'ORGANIZATION_MISMATCH',
    });
    expect(await countAllRows(app)).toEqual(before);
    expect(await invitationRows()).toBe(invitations);
    expect(inbox.received.some((mail) => mail.to.includes(email))).toBe(false);
  });

  it('is refused to pending and rejected accounts', async () => {
    const pending = await signUpAs(app, 'RESEARCHER', university);
    expectError(await invite(pending.accessToken, { email: uniqueEmail('p') }), 'FORBIDDEN');
    const rejected = await signUpAs(app, 'RESEARCHER', university);
    await decideAffiliation(app, coordinator.accessToken, rejected.userId, 'reject');
    const session = await signIn(app, rejected.email, rejected.password);
    expectError(await invite(session.accessToken, { email: uniqueEmail('r') }), 'FORBIDDEN');
    expectError(await invite('', { email: uniqueEmail('anon') }), 'UNAUTHENTICATED');
  });
});

describe('a link that does not work', () => {
  it('is an invalid invitation when forged, expired, revoked or replaced', async () => {
    expectError(await accept('forged-token-that-was-never-sent'), 'BAD_USER_INPUT', {
      reason: 'INVALID_INVITATION',
      path: 'input.token',
    });

    const expiredEmail = uniqueEmail('late');
    const expired = await invitedToken(coordinator.accessToken, {
      email: expiredEmail,
      organizationId: university,
    });
    await app.db.query(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
      expiredEmail,
    ]);
    expectError(await accept(expired), 'BAD_USER_INPUT', {
      reason: 'INVALID_INVITATION',
      path: 'input.token',
    });
    expect((await invitationTo(coordinator.accessToken, expiredEmail))?.status).toBe('EXPIRED');

    const revokedEmail = uniqueEmail('withdrawn');
    const revoked = await invitedToken(researcher.accessToken, { email: revokedEmail });
    const id = (await invitationTo(researcher.accessToken, revokedEmail))!.id;
    // someone else's invitation is not found, as an unknown one is
    for (const other of [member.accessToken, (await approvedAs('RESEARCHER', university)).accessToken])
      expectError(await app.gql(REVOKE, { id }, other), 'NOT_FOUND', {
        reason: 'INVITATION_NOT_FOUND',
        path: 'id',
      });
    const done = dataOf(
      await app.gql<{ revokeInvitation: InvitationView }>(REVOKE, { id }, researcher.accessToken),
    );
    expect(done.revokeInvitation.status).toBe('REVOKED');
    expectError(await accept(revoked), 'BAD_USER_INPUT', {
      reason: 'INVALID_INVITATION',
      path: 'input.token',
    });

    const twiceEmail = uniqueEmail('twice');
    const older = await invitedToken(coordinator.accessToken, {
      email: twiceEmail,
      organizationId: university,
    });
    dataOf(await invite(coordinator.accessToken, { email: twiceEmail, organizationId: university }));
    const newer = await until(async () => {
      const links = inbox.received
        .filter((mail) => mail.to.includes(twiceEmail))
        .map((mail) => linkIn(textOf(mail.data)));
      return links.length === 2 ? links[1] : undefined;
    });
    expect(newer).not.toBe(older);
    expectError(await accept(older), 'BAD_USER_INPUT', { reason: 'INVALID_INVITATION' });
    expect(await accountsWith(twiceEmail)).toBe(0);
    dataOf(await accept(newer!));
  });

  it('is EMAIL_TAKEN when the address got an account meanwhile', async () => {
    const email = uniqueEmail('meanwhile');
    const token = await invitedToken(coordinator.accessToken, { email, organizationId: university });
    await signUpAs(app, 'RESEARCHER', otherUniversity, { email });
    const before = await countAllRows(app);
    expectError(await accept(token), 'CONFLICT', { reason: 'EMAIL_TAKEN', path: 'input.token' });
    expect(await countAllRows(app)).toEqual(before);
    expect(await accountsWith(email)).toBe(1);
  });

  it('takes over a sign-up whose address nobody proved, whose old link then fails', async () => {
    const email = uniqueEmail('unproven');
    dataOf(
      await app.gql(SIGN_UP, {
        input: {
          email,
          password: DEFAULT_PASSWORD,
          role: 'RESEARCHER',
          organizationId: otherUniversity,
          name: { ja: '未確認' },
        },
      }),
    );
    const signUpLink = await signUpToken(app, email);
    // nobody proved the address: it is free, so it gets the link
    const token = await invitedToken(coordinator.accessToken, { email, organizationId: university });
    const payload = dataOf(await accept(token, `${DEFAULT_PASSWORD}-invited`)).acceptInvitation;
    expect(payload.user).toMatchObject({ affiliationStatus: 'APPROVED', organization: { id: university } });
    expect(await accountsWith(email)).toBe(1);
    expectError(
      await app.gql('mutation ($token: String!) { verifyEmail(token: $token) { accessToken } }', {
        token: signUpLink,
      }),
      'BAD_USER_INPUT',
      { reason: 'INVALID_EMAIL_TOKEN' },
    );
    await signIn(app, email, `${DEFAULT_PASSWORD}-invited`);
  });

  it('keeps working after a weak password, which writes nothing', async () => {
    const email = uniqueEmail('weak');
    const token = await invitedToken(coordinator.accessToken, { email, organizationId: university });
    const before = await countAllRows(app);
    expectError(await accept(token, 'password1234'), 'BAD_USER_INPUT', {
      reason: 'WEAK_PASSWORD',
      path: 'input.password',
    });
    expect(await countAllRows(app)).toEqual(before);
    expect((await invitationTo(coordinator.accessToken, email))?.status).toBe('PENDING');
    expect(dataOf(await accept(token)).acceptInvitation.user.email).toBe(email);
  });
});

describe('no account enumeration', () => {
  it('answers the same for a registered address, whose owner is told to sign in and gets no link', async () => {
    const owner = await signUpAs(app, 'RESEARCHER', otherUniversity, { language: 'EN' });
    const free = uniqueEmail('free');
    const forOwner = dataOf(await invite(researcher.accessToken, { email: owner.email })).inviteColleague;
    const forFree = dataOf(await invite(researcher.accessToken, { email: free })).inviteColleague;
    expect(forOwner.message).toEqual(forFree.message);
    expect(forOwner.email).toBe(owner.email);

    const text = textOf(
      (await deliveredTo(owner.email, (body) => body.includes('already has a Kyoso account'))).data,
    );
    expect(text).toContain('This address already has a Kyoso account');
    expect(text).toContain('Taro Tsuruoka'); // who invited, in the owner's language
    expect(text).toContain(`${PUBLIC_URL}/sign-in`);
    expect(linkIn(text)).toBeUndefined();
    await deliveredTo(free, (body) => !!linkIn(body));
    // the inviter's list cannot tell the two apart either
    const listed = [
      await invitationTo(researcher.accessToken, owner.email),
      await invitationTo(researcher.accessToken, free),
    ];
    expect(listed.map((node) => node?.status)).toEqual(['PENDING', 'PENDING']);
    // the owner's account did not change
    const me = dataOf(
      await app.gql<{ me: UserView }>(`query { me { ${USER_FIELDS} } }`, {}, owner.accessToken),
    ).me;
    expect(me.organization?.id).toBe(otherUniversity);
  });
});

describe('the list of sent invitations', () => {
  it('shows members their own, newest first, and staff everyone’s, never a token', async () => {
    const inviter = await approvedAs('RESEARCHER', university);
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    await invitedToken(inviter.accessToken, { email: first });
    await invitedToken(inviter.accessToken, { email: second });
    const own = await invitationsOf(inviter.accessToken);
    expect(own.edges.map((edge) => edge.node.email)).toEqual([second, first]);
    const page = dataOf(
      await app.gql<{ invitations: { edges: { node: InvitationView }[]; pageInfo: { endCursor: string } } }>(
        INVITATIONS,
        { first: 1 },
        inviter.accessToken,
      ),
    ).invitations;
    const next = dataOf(
      await app.gql<{ invitations: { edges: { node: InvitationView }[] } }>(
        INVITATIONS,
        { first: 1, after: page.pageInfo.endCursor },
        inviter.accessToken,
      ),
    ).invitations;
    expect([page.edges[0].node.email, next.edges[0].node.email]).toEqual([second, first]);
    expect((await invitationsOf(member.accessToken)).edges.map((edge) => edge.node.email)).not.toContain(
      first,
    );
    const all = await invitationsOf(coordinator.accessToken);
    expect(all.totalCount).toBe(await invitationRows());
    expect(JSON.stringify(all)).not.toMatch(/token/i);
  });
});

describe('caps on invitation e-mails', () => {
  it('sends at most five an hour to one address, with the same answer past it', async () => {
    const email = uniqueEmail('popular');
    for (let sent = 0; sent < PER_ADDRESS_HOUR; sent += 1)
      dataOf(await invite(coordinator.accessToken, { email, organizationId: university }));
    const rows = await invitationRows();
    const answer = dataOf(
      await invite(coordinator.accessToken, { email, organizationId: university }),
    ).inviteColleague;
    expect(answer.email).toBe(email);
    expect(await invitationRows()).toBe(rows);
    const { rows: queued } = await app.db.query('SELECT 1 FROM email_message WHERE to_address = $1', [email]);
    expect(queued).toHaveLength(PER_ADDRESS_HOUR);
  });

  it('sends at most twenty an hour from one inviter, with the same answer past it', async () => {
    const busy = await approvedAs('COMPANY_MEMBER', company);
    for (let sent = 0; sent < PER_INVITER_HOUR; sent += 1)
      dataOf(await invite(busy.accessToken, { email: uniqueEmail('many') }));
    const before = await countAllRows(app);
    const rows = await invitationRows();
    const email = uniqueEmail('one-too-many');
    const answer = dataOf(await invite(busy.accessToken, { email })).inviteColleague;
    expect(answer.message.en).toContain('We e-mailed the invitation');
    expect(await invitationRows()).toBe(rows);
    expect(await countAllRows(app)).toEqual(before);

    // and the per-client budget of e-mail-sending operations ends in RATE_LIMITED
    let limited: GraphQLResponse<unknown> | undefined;
    for (let call = 0; call <= ACCOUNT_EMAIL_LIMIT && !limited; call += 1) {
      const response = await invite(busy.accessToken, { email });
      if (response.errors) limited = response;
    }
    expectError(limited!, 'RATE_LIMITED');
    expect(await invitationRows()).toBe(rows);
  });
});
