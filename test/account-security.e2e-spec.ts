import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  adminEnv,
  AUTH_FIELDS,
  countAllRows,
  createOrganization,
  dataOf,
  DEFAULT_PASSWORD,
  emailsTo,
  expectError,
  ME,
  signIn,
  signInAdmin,
  SIGN_UP,
  signUpAs,
  uniqueEmail,
  signUpToken,
  until,
  type AuthPayload,
} from './support/fixtures.js';
import { startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example/app';
const NEW_PASSWORD = 'a-brand-new-passphrase-for-kyoso';
const ACCOUNT_EMAIL_LIMIT = 25;

const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) { message { ja en } } }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) { message { ja en } } }`;
const CHANGE = `mutation ($current: String!, $password: String!) {
  changePassword(currentPassword: $current, newPassword: $password) { message { ja en } } }`;
const SESSIONS = `query { mySessions { id createdAt lastUsedAt userAgent current } }`;
const REVOKE = `mutation ($id: ID!) { revokeSession(id: $id) }`;
const EVERYWHERE = `mutation { signOutEverywhere }`;
const REFRESH = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;

interface SessionView {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  current: boolean;
}

let app: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let universityId: string;

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({
    ...adminEnv(),
    SMTP_URL: inbox.url,
    PUBLIC_URL,
    RATE_LIMIT_ACCOUNT_EMAIL: String(ACCOUNT_EMAIL_LIMIT),
  });
  universityId = (await createOrganization(app, await signInAdmin(app))).id;
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

/** A GraphQL call sent with a User-Agent header of its own. */
async function gqlAs<T>(
  userAgent: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const call = request(app.url).post('/graphql').set('content-type', 'application/json');
  call.set('user-agent', userAgent);
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return { status: response.status, ...response.body } as GraphQLResponse<T>;
}

const me = (token: string) => app.gql(ME, {}, token);
const refresh = (token: string) => app.gql<{ refreshToken: AuthPayload }>(REFRESH, { token });
const requestReset = (email: string) =>
  app.gql<{ requestPasswordReset: { message: { ja: string; en: string } } }>(REQUEST_RESET, { email });
const reset = (token: string, password: string) => app.gql(RESET, { token, password });
const sessionsOf = async (token: string) =>
  dataOf(await app.gql<{ mySessions: SessionView[] }>(SESSIONS, {}, token)).mySessions;

/** The token of the newest reset link in the outbox for the address (undefined: none was queued). */
async function queuedResetToken(email: string): Promise<string | undefined> {
  const links = (await emailsTo(app, email)).map((mail) => resetLinkIn(mail.body)).filter(Boolean);
  return links.at(-1);
}

function resetLinkIn(text: string): string | undefined {
  const escaped = PUBLIC_URL.replace(/[.]/g, '\\.');
  return new RegExp(`${escaped}/reset-password#token=([\\w-]+)`).exec(text)?.[1];
}

type Tokens = Pick<AuthPayload, 'accessToken' | 'refreshToken'>;

async function expectSignedOut(session: Tokens) {
  expectError(await me(session.accessToken), 'UNAUTHENTICATED');
  expectError(await refresh(session.refreshToken), 'UNAUTHENTICATED', { reason: 'INVALID_REFRESH_TOKEN' });
}

async function expectLive(session: Tokens): Promise<AuthPayload> {
  dataOf(await me(session.accessToken));
  return dataOf(await refresh(session.refreshToken)).refreshToken;
}

describe('password reset', () => {
  it('e-mails a one-time link that sets a new password and ends every session', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const laptop = await signIn(app, account.email, account.password);

    const receipt = dataOf(await requestReset(account.email.toUpperCase())).requestPasswordReset;
    const unknown = dataOf(await requestReset(uniqueEmail('nobody'))).requestPasswordReset;
    expect(unknown).toEqual(receipt);
    expect(receipt.message.ja).toContain('パスワード');

    // follow the link from the e-mail as it was delivered over SMTP
    const delivered = await until(async () =>
      inbox.received.find((mail) => mail.to.includes(account.email) && resetLinkIn(textOf(mail.data))),
    );
    const text = textOf(delivered.data);
    expect(text).toContain('パスワード再設定が申し込まれました');
    expect(text).toContain('60分');
    expect(text).not.toContain('within 60 minutes'); // one language: the owner's (ja by default)
    const token = resetLinkIn(text)!;
    const stored = await app.db.query(
      `SELECT token_hash FROM account_token WHERE purpose = 'reset-password'`,
    );
    expect(stored.rows.map((row) => row.token_hash)).not.toContain(token);

    // a weak password changes nothing, and the link still works
    const before = await countAllRows(app);
    expectError(await reset(token, 'password1234'), 'BAD_USER_INPUT', {
      reason: 'WEAK_PASSWORD',
      path: 'newPassword',
    });
    expect(await countAllRows(app)).toEqual(before);
    const stillOld = await signIn(app, account.email, account.password);

    const done = dataOf(await reset(token, NEW_PASSWORD)) as { resetPassword: { message: { en: string } } };
    expect(done.resetPassword.message.en).toContain('sign in with the new password');
    for (const session of [account, laptop, stillOld]) await expectSignedOut(session);
    expectError(
      await app.gql(SIGN_IN, { input: { email: account.email, password: account.password } }),
      'UNAUTHENTICATED',
      { reason: 'INVALID_CREDENTIALS' },
    );
    await signIn(app, account.email, NEW_PASSWORD);

    // used once: the same link again is refused
    expectError(await reset(token, `${NEW_PASSWORD}-again`), 'BAD_USER_INPUT', {
      reason: 'INVALID_EMAIL_TOKEN',
      path: 'token',
    });
    const kinds = (await emailsTo(app, account.email)).map((mail) => mail.kind);
    expect(kinds).toContain('password-changed');
  });

  it('answers an unknown address the same and sends nothing', async () => {
    const nobody = uniqueEmail('nobody');
    const before = await countAllRows(app);
    dataOf(await requestReset(nobody));
    expect(await countAllRows(app)).toEqual(before);
    expect(await emailsTo(app, nobody)).toEqual([]);
  });

  it('refuses forged, expired and replaced links', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    dataOf(await requestReset(account.email));
    const first = (await queuedResetToken(account.email))!;
    dataOf(await requestReset(account.email));
    const second = (await queuedResetToken(account.email))!;
    expect(second).not.toBe(first);
    const invalid = { reason: 'INVALID_EMAIL_TOKEN', path: 'token' };
    expectError(await reset(first, NEW_PASSWORD), 'BAD_USER_INPUT', invalid);
    expectError(await reset(`${second.slice(0, -2)}xx`, NEW_PASSWORD), 'BAD_USER_INPUT', invalid);
    // a sign-up link is not a reset link
    const newcomer = uniqueEmail('newcomer');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(newcomer) }));
    expectError(await reset(await signUpToken(app, newcomer), NEW_PASSWORD), 'BAD_USER_INPUT', invalid);

    await app.db.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second'
       WHERE purpose = 'reset-password' AND used_at IS NULL`,
    );
    expectError(await reset(second, NEW_PASSWORD), 'BAD_USER_INPUT', invalid);
    await expectLive(account);
    await signIn(app, account.email, account.password);
  });

  it('confirms the address of an account that never opened its sign-up link', async () => {
    const email = uniqueEmail('unconfirmed');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(email) }));
    expectError(await app.gql(SIGN_IN, { input: { email, password: DEFAULT_PASSWORD } }), 'UNAUTHENTICATED');
    dataOf(await requestReset(email));
    dataOf(await reset((await queuedResetToken(email))!, NEW_PASSWORD));
    const signedIn = await signIn(app, email, NEW_PASSWORD);
    expect(signedIn.user.email).toBe(email);
  });

  it('sends one address at most five reset e-mails an hour, answering the same past it', async () => {
    const account = await signUpAs(app, 'COMPANY_MEMBER', await companyId());
    const receipts = [];
    for (let i = 0; i < 7; i++) receipts.push(dataOf(await requestReset(account.email)).requestPasswordReset);
    expect(new Set(receipts.map((receipt) => JSON.stringify(receipt))).size).toBe(1);
    const resets = (await emailsTo(app, account.email)).filter((mail) => mail.kind === 'password-reset');
    expect(resets).toHaveLength(5);
  });
});

describe('change password', () => {
  it('needs the current password, keeps this session, ends the others and tells the owner', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const phone = await signIn(app, account.email, account.password);
    const current = await signIn(app, account.email, account.password);

    const before = await countAllRows(app);
    expectError(
      await app.gql(
        CHANGE,
        { current: 'not-my-password-at-all', password: NEW_PASSWORD },
        current.accessToken,
      ),
      'BAD_USER_INPUT',
      { reason: 'WRONG_PASSWORD', path: 'currentPassword' },
    );
    expectError(
      await app.gql(CHANGE, { current: account.password, password: 'password1234' }, current.accessToken),
      'BAD_USER_INPUT',
      { reason: 'WEAK_PASSWORD', path: 'newPassword' },
    );
    expect(await countAllRows(app)).toEqual(before);
    const phoneAgain = await expectLive(phone);

    const changed = await app.gql(
      CHANGE,
      { current: account.password, password: NEW_PASSWORD },
      current.accessToken,
    );
    dataOf(changed);
    await expectLive(current);
    for (const session of [account, phoneAgain]) await expectSignedOut(session);
    await signIn(app, account.email, NEW_PASSWORD);
    const told = (await emailsTo(app, account.email)).filter((mail) => mail.kind === 'password-changed');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain(`${PUBLIC_URL}/forgot-password`);
  });

  it('is for signed-in accounts only', async () => {
    expectError(await app.gql(CHANGE, { current: 'x', password: NEW_PASSWORD }), 'UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('lists the live sessions with their browser, marks the current one, and tracks the last refresh', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const input = { email: account.email, password: account.password };
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
    const laptop = dataOf(await gqlAs<{ signIn: AuthPayload }>(firefox, SIGN_IN, { input })).signIn;
    const long = `LongAgent/${'x'.repeat(1000)}`;
    const tablet = dataOf(await gqlAs<{ signIn: AuthPayload }>(long, SIGN_IN, { input })).signIn;

    const listed = await sessionsOf(laptop.accessToken);
    expect(listed).toHaveLength(3); // the sign-up link's session too
    const mine = listed.find((session) => session.current)!;
    expect(mine.userAgent).toBe(firefox);
    expect(listed.filter((session) => session.current)).toHaveLength(1);
    const tablets = listed.find((session) => session.userAgent?.startsWith('LongAgent/'))!;
    expect(tablets.userAgent).toHaveLength(300);

    const safari = 'Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1';
    const renewed = dataOf(
      await gqlAs<{ refreshToken: AuthPayload }>(safari, REFRESH, { token: tablet.refreshToken }),
    ).refreshToken;
    const after = await sessionsOf(renewed.accessToken);
    const tabletAfter = after.find((session) => session.id === tablets.id)!;
    expect(tabletAfter).toMatchObject({ userAgent: safari, current: true });
    expect(new Date(tabletAfter.lastUsedAt).getTime()).toBeGreaterThan(
      new Date(tablets.lastUsedAt).getTime(),
    );
    expect(after[0].id).toBe(tablets.id); // most recently used first
  });

  it('ends one own session by id; another account’s id is not found, like an unknown one', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const other = await signUpAs(app, 'RESEARCHER', universityId);
    const desktop = await signIn(app, account.email, account.password);
    const [theirs] = await sessionsOf(other.accessToken);

    const before = await countAllRows(app);
    for (const id of [theirs.id, '00000000-0000-4000-8000-000000000000'])
      expectError(await app.gql(REVOKE, { id }, account.accessToken), 'NOT_FOUND', {
        reason: 'SESSION_NOT_FOUND',
        path: 'id',
      });
    expect(await countAllRows(app)).toEqual(before);
    await expectLive(other);

    const target = (await sessionsOf(account.accessToken)).find((session) => !session.current)!;
    expect(
      dataOf(await app.gql<{ revokeSession: boolean }>(REVOKE, { id: target.id }, account.accessToken)),
    ).toEqual({ revokeSession: true });
    await expectSignedOut(desktop);
    expect((await sessionsOf(account.accessToken)).map((session) => session.id)).not.toContain(target.id);
    expectError(await app.gql(REVOKE, { id: target.id }, account.accessToken), 'NOT_FOUND');
  });

  it('signs out everywhere, this session included', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const other = await signIn(app, account.email, account.password);
    const bystander = await signUpAs(app, 'RESEARCHER', universityId);
    expect(dataOf(await app.gql(EVERYWHERE, {}, account.accessToken))).toEqual({ signOutEverywhere: true });
    for (const session of [account, other]) await expectSignedOut(session);
    await expectLive(bystander);
    await signIn(app, account.email, account.password);
  });
});

describe('the per-client budget of reset e-mails', () => {
  it('answers RATE_LIMITED once RATE_LIMIT_ACCOUNT_EMAIL is spent', async () => {
    let limited: GraphQLResponse<unknown> | undefined;
    for (let i = 0; i <= ACCOUNT_EMAIL_LIMIT && !limited; i++) {
      const response = await requestReset(uniqueEmail('flood'));
      if (response.errors) limited = response;
    }
    expect(limited).toBeDefined();
    expectError(limited!, 'RATE_LIMITED');
  });
});

async function companyId(): Promise<string> {
  return (await createOrganization(app, await signInAdmin(app), 'company')).id;
}

function signUpInput(email: string) {
  const name = { ja: '未確認 花子', en: 'Hanako Mikakunin' };
  return { email, password: DEFAULT_PASSWORD, role: 'RESEARCHER', organizationId: universityId, name };
}
