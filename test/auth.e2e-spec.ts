import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import {
  adminEnv,
  AUTH_FIELDS,
  countAllRows,
  countRows,
  createOrganization,
  dataOf,
  DEFAULT_PASSWORD,
  emailsTo,
  expectError,
  fieldPaths,
  ME,
  signIn,
  signInAdmin,
  SIGN_UP,
  signUpAs,
  signUpToken,
  uniqueEmail,
  verifyEmail,
  type AuthPayload,
  type OrganizationView,
  type UserView,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let university: OrganizationView;

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  university = await createOrganization(app, await signInAdmin(app), 'university', {
    name: { ja: '鶴岡大学', en: 'Tsuruoka University' },
  });
});
afterAll(async () => {
  await app?.close();
});

const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { ${AUTH_FIELDS} } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${AUTH_FIELDS} } }`;
const SIGN_OUT = `mutation ($token: String) { signOut(refreshToken: $token) }`;

const RECEIPT_MESSAGE = {
  ja: '確認メールを送信しました。メールのリンクから登録を完了してください',
  en: 'We sent you an e-mail: open its link to finish signing up',
};

interface SignUpReceipt {
  email: string;
  message: { ja: string; en: string };
}

const me = (token?: string) => app.gql<{ me: UserView }>(ME, {}, token);
const refresh = (token: string) => app.gql<{ refreshToken: AuthPayload }>(REFRESH, { token });
const signOut = (refreshToken?: string, accessToken?: string) =>
  app.gql<{ signOut: boolean }>(SIGN_OUT, { token: refreshToken }, accessToken);

const signUpInput = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail('signup'),
  password: DEFAULT_PASSWORD,
  name: { ja: '鶴岡 花子', en: 'Hanako Tsuruoka' },
  role: 'RESEARCHER',
  organizationId: university.id,
  ...overrides,
});

async function userRow(id: string) {
  const { rows } = await app.db.query('SELECT * FROM "user" WHERE id = $1', [id]);
  return rows[0] as Record<string, unknown> | undefined;
}

async function sessionsOf(userId: string) {
  const { rows } = await app.db.query<{ id: string; revoked_at: Date | null; revoked_reason: string | null }>(
    'SELECT id, revoked_at, revoked_reason FROM session WHERE user_id = $1 ORDER BY created_at',
    [userId],
  );
  return rows;
}

describe('sign-up, sign-in, refresh and sign-out', () => {
  it('runs the whole round trip', async () => {
    const mixedCase = `Round.Trip-${Date.now()}@Example.JP`;
    const receipt = dataOf(
      await app.gql<{ signUp: SignUpReceipt }>(SIGN_UP, { input: signUpInput({ email: mixedCase }) }),
    ).signUp;
    expect(receipt).toEqual({ email: mixedCase.toLowerCase(), message: RECEIPT_MESSAGE });

    // No sign-in until the address is proven, with the answer a wrong password gets.
    const early = await app.gql(SIGN_IN, { input: { email: mixedCase, password: DEFAULT_PASSWORD } });
    expectError(early, 'UNAUTHENTICATED', { reason: 'INVALID_CREDENTIALS' });

    // The link in the e-mail signs the account in; it works once.
    const token = await signUpToken(app, mixedCase);
    const signedUp = await verifyEmail(app, token);
    expectError(await app.gql(VERIFY, { token }), 'BAD_USER_INPUT', {
      reason: 'INVALID_EMAIL_TOKEN',
      path: 'token',
    });

    // The new account: a pending researcher of the chosen organization.
    expect(signedUp.user).toMatchObject({
      role: 'RESEARCHER',
      affiliationStatus: 'PENDING',
      affiliationDecidedAt: null,
      name: { ja: '鶴岡 花子', en: 'Hanako Tsuruoka' },
      organization: {
        id: university.id,
        type: 'university',
        name: { ja: '鶴岡大学', en: 'Tsuruoka University' },
      },
    });
    expect(signedUp.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(signedUp.refreshToken.length).toBeGreaterThanOrEqual(40);
    const now = Date.now();
    expect(Date.parse(signedUp.accessTokenExpiresAt)).toBeGreaterThan(now);
    expect(Date.parse(signedUp.refreshTokenExpiresAt)).toBeGreaterThan(
      Date.parse(signedUp.accessTokenExpiresAt),
    );

    // Stored lower-cased, with an argon2id hash and a hashed refresh token only.
    const row = await userRow(signedUp.user.id);
    expect(row?.email).toBe(mixedCase.toLowerCase());
    expect(String(row?.password_hash)).toMatch(/^\$argon2id\$/);
    expect(String(row?.password_hash)).not.toContain(DEFAULT_PASSWORD);
    const sha256 = createHash('sha256').update(signedUp.refreshToken).digest('hex');
    const stored = await app.db.query(
      'SELECT token_hash FROM refresh_token WHERE token_hash = $1 OR token_hash = $2',
      [sha256, signedUp.refreshToken],
    );
    expect(stored.rows).toEqual([{ token_hash: sha256 }]);
    expect(await sessionsOf(signedUp.user.id)).toHaveLength(1);

    // The account itself sees its email.
    expect(dataOf(await me(signedUp.accessToken)).me).toMatchObject({
      id: signedUp.user.id,
      email: mixedCase.toLowerCase(),
    });

    // Sign in with the email in yet another case: a second session.
    const signedIn = dataOf(
      await app.gql<{ signIn: AuthPayload }>(SIGN_IN, {
        input: { email: mixedCase.toUpperCase(), password: DEFAULT_PASSWORD },
      }),
    ).signIn;
    expect(signedIn.user.id).toBe(signedUp.user.id);
    // the response is rendered for the account just signed in: it sees its own email
    expect(signedIn.user.email).toBe(mixedCase.toLowerCase());
    expect(signedIn.refreshToken).not.toBe(signedUp.refreshToken);
    expect(await sessionsOf(signedUp.user.id)).toHaveLength(2);
    expect((await userRow(signedUp.user.id))?.last_sign_in_at).toBeInstanceOf(Date);

    // Refresh: a new pair that works.
    const refreshed = dataOf(await refresh(signedIn.refreshToken)).refreshToken;
    expect(refreshed.refreshToken).not.toBe(signedIn.refreshToken);
    expect(refreshed.user.id).toBe(signedUp.user.id);
    expect(dataOf(await me(refreshed.accessToken)).me.id).toBe(signedUp.user.id);
    expect(await sessionsOf(signedUp.user.id)).toHaveLength(2); // refreshing keeps the session

    // Sign out with the access token alone: that session ends, the sign-up session lives on.
    expect(dataOf(await signOut(undefined, refreshed.accessToken)).signOut).toBe(true);
    expectError(await me(refreshed.accessToken), 'UNAUTHENTICATED', { reason: 'NOT_SIGNED_IN' });
    expectError(await me(signedIn.accessToken), 'UNAUTHENTICATED');
    expectError(await refresh(refreshed.refreshToken), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
    expect(dataOf(await me(signedUp.accessToken)).me.id).toBe(signedUp.user.id);
    const sessions = await sessionsOf(signedUp.user.id);
    expect(sessions.map((session) => session.revoked_reason)).toEqual([null, 'signed out']);
    expect(sessions[1].revoked_at).toBeInstanceOf(Date);
  });

  it('rotates refresh tokens: an old one is refused once it has been used', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const first = dataOf(await refresh(account.refreshToken)).refreshToken;
    expect(first.refreshToken).not.toBe(account.refreshToken);

    const again = expectError(await refresh(account.refreshToken), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
    expect(again.message).toBe('This refresh token is no longer valid; sign in again');
    expect(again.extensions.localizedMessage).toEqual({
      ja: 'ログインの有効期限が切れました。再度ログインしてください',
      en: 'This refresh token is no longer valid; sign in again',
    });
    const used = await app.db.query('SELECT used_at FROM refresh_token WHERE token_hash = $1', [
      createHash('sha256').update(account.refreshToken).digest('hex'),
    ]);
    expect(used.rows[0].used_at).toBeInstanceOf(Date);
  });

  it('revokes the whole session when a spent refresh token comes back', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const other = await signIn(app, account.email, account.password); // a second device
    const r1 = dataOf(await refresh(account.refreshToken)).refreshToken;
    const r2 = dataOf(await refresh(r1.refreshToken)).refreshToken;
    expect(dataOf(await me(r2.accessToken)).me.id).toBe(account.userId);

    // Someone replays the first, long-spent token.
    expectError(await refresh(account.refreshToken), 'UNAUTHENTICATED', { reason: 'INVALID_REFRESH_TOKEN' });

    // The newest tokens of that session are dead too…
    expectError(await refresh(r2.refreshToken), 'UNAUTHENTICATED', { reason: 'INVALID_REFRESH_TOKEN' });
    expectError(await me(r2.accessToken), 'UNAUTHENTICATED');
    expectError(await me(account.accessToken), 'UNAUTHENTICATED');
    const reasons = (await sessionsOf(account.userId)).map((session) => session.revoked_reason);
    expect(reasons).toEqual(['refresh token reused', null]);

    // …while the other device's session is untouched.
    expect(dataOf(await me(other.accessToken)).me.id).toBe(account.userId);
    expect(dataOf(await refresh(other.refreshToken)).refreshToken.user.id).toBe(account.userId);
  });

  it('signs out the session a refresh token belongs to, and only that one', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const laptop = await signIn(app, account.email, account.password);

    expect(dataOf(await signOut(laptop.refreshToken)).signOut).toBe(true); // no bearer token needed
    expectError(await me(laptop.accessToken), 'UNAUTHENTICATED');
    expectError(await refresh(laptop.refreshToken), 'UNAUTHENTICATED', { reason: 'INVALID_REFRESH_TOKEN' });

    expect(dataOf(await me(account.accessToken)).me.id).toBe(account.userId);
    expect(dataOf(await refresh(account.refreshToken)).refreshToken.user.id).toBe(account.userId);
  });

  it('refuses to sign out without a session to end', async () => {
    expectError(await signOut(), 'UNAUTHENTICATED', { reason: 'INVALID_REFRESH_TOKEN' });
    expectError(await signOut('no-such-refresh-token'), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
  });

  it('refuses an unknown refresh token', async () => {
    expectError(await refresh('made-up-refresh-token'), 'UNAUTHENTICATED', {
      reason: 'INVALID_REFRESH_TOKEN',
    });
  });
});

describe('sign-in failures', () => {
  it('refuses a wrong password without writing a session', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const before = await countAllRows(app);

    const response = await app.gql(SIGN_IN, {
      input: { email: account.email, password: `${account.password}x` },
    });
    const error = expectError(response, 'UNAUTHENTICATED', { reason: 'INVALID_CREDENTIALS' });
    expect(error.message).toBe(
      'Wrong email or password, or the address is not confirmed yet (open the link in the sign-up e-mail)',
    );
    expect(response.data).toBeNull();

    expect(await countAllRows(app)).toEqual(before);
    expect(await sessionsOf(account.userId)).toHaveLength(1); // the sign-up session only
    expect((await userRow(account.userId))?.last_sign_in_at).toBeNull();
  });

  it('answers an unknown email exactly as it answers a wrong password', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const before = await countAllRows(app);

    const wrongPassword = expectError(
      await app.gql(SIGN_IN, { input: { email: account.email, password: 'not-the-password' } }),
      'UNAUTHENTICATED',
    );
    const unknownEmail = expectError(
      await app.gql(SIGN_IN, { input: { email: uniqueEmail('nobody'), password: 'not-the-password' } }),
      'UNAUTHENTICATED',
    );
    expect(unknownEmail.message).toBe(wrongPassword.message);
    expect(unknownEmail.extensions).toEqual(wrongPassword.extensions);
    expect(await countAllRows(app)).toEqual(before);
  });
});

describe('sign-up validation', () => {
  const tooLong = 'あ'.repeat(201);
  const cases: [string, Record<string, unknown>, string][] = [
    ['a malformed email', { email: 'not-an-email' }, 'input.email'],
    ['an email without a domain', { email: 'someone@' }, 'input.email'],
    ['a password of 11 characters', { password: 'elevenchars' }, 'input.password'],
    ['a password of 10 spaces', { password: ' '.repeat(10) }, 'input.password'],
    ['the password aaaaaaaaaa', { password: 'aaaaaaaaaa' }, 'input.password'],
    ['the password password12', { password: 'password12' }, 'input.password'],
    ['a password over 200 characters', { password: 'p'.repeat(201) }, 'input.password'],
    ['a Japanese name over 200 characters', { name: { ja: tooLong, en: 'Fine' } }, 'input.name.ja'],
    [
      'an English name over 200 characters',
      { name: { ja: '良い名前', en: 'e'.repeat(201) } },
      'input.name.en',
    ],
    ['an empty name', { name: { ja: '', en: '' } }, 'input.name.ja'],
    ['a blank name', { name: { ja: '   ', en: ' ' } }, 'input.name.ja'],
    ['a missing name', { name: {} }, 'input.name.ja'],
    ['a name of nulls', { name: { ja: null, en: null } }, 'input.name.ja'],
    ['a blank English name alone', { name: { en: '  ' } }, 'input.name.ja'],
    ['an organization id that is no UUID', { organizationId: 'tsuruoka' }, 'input.organizationId'],
  ];

  it.each(cases)(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_label, overrides, path) => {
      const before = await countAllRows(app);
      const input = signUpInput(overrides);
      const error = expectError(await app.gql(SIGN_UP, { input }), 'BAD_USER_INPUT', {
        reason: 'INVALID_INPUT',
      });
      expect(fieldPaths(error)).toEqual([path]);
      expect(error.message).toContain(path);
      expect(await countAllRows(app)).toEqual(before);
      const { rows } = await app.db.query('SELECT 1 FROM "user" WHERE email = $1', [
        String(input.email).toLowerCase(),
      ]);
      expect(rows).toHaveLength(0);
    },
  );

  it('names every invalid field at once', async () => {
    const before = await countRows(app, 'user');
    const error = expectError(
      await app.gql(SIGN_UP, {
        input: signUpInput({ email: 'nope', password: 'short', name: { ja: '', en: '' } }),
      }),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(error).sort()).toEqual(['input.email', 'input.name.ja', 'input.password']);
    expect(await countRows(app, 'user')).toBe(before);
  });

  it.each([
    ['12 spaces', ' '.repeat(12), /Repeated characters/],
    ['a repeated letter', 'aaaaaaaaaaaa', /Repeated characters/],
    ['a common password', 'password1234', /commonly used password/],
    ['a keyboard row', 'qwertyuiopas', /too easy to guess/],
  ])(
    'refuses %s as a password with WEAK_PASSWORD, saying why in ja and en',
    async (_label, password, why) => {
      const before = await countAllRows(app);
      const input = signUpInput({ password });
      const error = expectError(await app.gql(SIGN_UP, { input }), 'BAD_USER_INPUT', {
        reason: 'WEAK_PASSWORD',
        path: 'input.password',
      });
      const localized = error.extensions.localizedMessage as { ja: string; en: string };
      expect(localized.en).toMatch(why);
      expect(localized.ja).toMatch(/推測されやすい/);
      expect(await countAllRows(app)).toEqual(before);
    },
  );

  it('accepts the limits themselves: a 12-character password and 200-character names', async () => {
    const name = { ja: 'あ'.repeat(200), en: 'e'.repeat(200) };
    const account = await signUpAs(app, 'RESEARCHER', university.id, { password: 'tsuruoka-ume', name });
    expect(account.user.name).toEqual(name);
    expect((await signIn(app, account.email, 'tsuruoka-ume')).user.id).toBe(account.userId);
  });

  it('accepts a name in one language only and stores the other as null', async () => {
    const japanese = await signUpAs(app, 'RESEARCHER', university.id, { name: { ja: '  庄内 一郎  ' } });
    expect(japanese.user.name).toEqual({ ja: '庄内 一郎', en: null });
    const english = await signUpAs(app, 'RESEARCHER', university.id, { name: { en: 'Ichiro Shonai' } });
    expect(english.user.name).toEqual({ ja: null, en: 'Ichiro Shonai' });
    expect(await userRow(japanese.userId)).toMatchObject({ name_ja: '庄内 一郎', name_en: null });
  });

  it('refuses an organization that does not exist with NOT_FOUND on input.organizationId', async () => {
    const before = await countAllRows(app);
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = expectError(
      await app.gql(SIGN_UP, { input: signUpInput({ organizationId: missing }) }),
      'NOT_FOUND',
      {
        reason: 'ORGANIZATION_NOT_FOUND',
      },
    );
    expect(fieldPaths(error)).toEqual(['input.organizationId']);
    expect(await countAllRows(app)).toEqual(before);
  });

  it('refuses a staff role, which GraphQL itself does not offer to sign-up', async () => {
    const before = await countRows(app, 'user');
    const response = await app.gql(SIGN_UP, { input: signUpInput({ role: 'ADMIN' }) });
    expectError(response, 'BAD_USER_INPUT', { localized: false });
    expect(await countRows(app, 'user')).toBe(before);
  });
});

describe('duplicate emails', () => {
  it('answers a registered address exactly as a new one and tells its owner, changing nothing else', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const before = await countAllRows(app);
    const fresh = uniqueEmail('fresh');

    const taken = await app.gql(SIGN_UP, {
      input: signUpInput({ email: account.email.toUpperCase(), password: 'another-Strong-pass-42' }),
    });
    const free = await app.gql<{ signUp: SignUpReceipt }>(SIGN_UP, { input: signUpInput({ email: fresh }) });
    expect(taken).toEqual({ ...free, data: { signUp: { ...dataOf(free).signUp, email: account.email } } });

    // The owner is told, without a link that could change the account.
    const told = (await emailsTo(app, account.email)).at(-1);
    // in the owner's language (ja by default), not the sign-up's
    expect(told?.subject).toBe('[Kyoso] 登録済みのメールアドレスです');
    expect(told?.body).toContain('既にアカウントがあります');
    expect(told?.body).not.toMatch(/token=/);
    // Nothing else was written for the registered address: one e-mail only.
    const after = await countAllRows(app);
    expect(after.user).toBe(before.user + 1); // the free address's pending account
    expect(after.email_message).toBe(before.email_message + 2);

    // The first account is intact: its password still works, the attacker's does not.
    expect((await signIn(app, account.email, account.password)).user.id).toBe(account.userId);
    const attacker = await app.gql(SIGN_IN, {
      input: { email: account.email, password: 'another-Strong-pass-42' },
    });
    expectError(attacker, 'UNAUTHENTICATED', { reason: 'INVALID_CREDENTIALS' });
  });

  it('lets the newest link win for an address nobody has proven yet', async () => {
    const email = uniqueEmail('squatted');
    await app.gql(SIGN_UP, { input: signUpInput({ email, password: 'squatters-Pass-4242' }) });
    const squatterToken = await signUpToken(app, email);
    await app.gql(SIGN_UP, { input: signUpInput({ email, name: { ja: '本人', en: 'Owner' } }) });
    const ownerToken = await signUpToken(app, email);

    expectError(await app.gql(VERIFY, { token: squatterToken }), 'BAD_USER_INPUT', {
      reason: 'INVALID_EMAIL_TOKEN',
    });
    const owner = await verifyEmail(app, ownerToken);
    expect(owner.user.name).toEqual({ ja: '本人', en: 'Owner' });
    expect((await signIn(app, email, DEFAULT_PASSWORD)).user.id).toBe(owner.user.id);
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM "user" WHERE email = $1', [email]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('keeps one account and one link for two simultaneous sign-ups with the same address', async () => {
    const email = uniqueEmail('race');
    const before = await countRows(app, 'user');
    const responses = await Promise.all([
      app.gql(SIGN_UP, { input: signUpInput({ email }) }),
      app.gql(SIGN_UP, { input: signUpInput({ email: email.toUpperCase() }) }),
    ]);
    expect(responses.map((response) => response.errors)).toEqual([undefined, undefined]);
    expect(await countRows(app, 'user')).toBe(before + 1);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM account_token t JOIN "user" u ON u.id = t.user_id
        WHERE u.email = $1 AND t.used_at IS NULL`,
      [email],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('sends at most five sign-up e-mails an hour to one address, answering the same', async () => {
    const email = uniqueEmail('flooded');
    for (let attempt = 0; attempt < 7; attempt++) {
      const response = await app.gql(SIGN_UP, { input: signUpInput({ email }) });
      expect(dataOf(response)).toEqual({ signUp: { email, message: RECEIPT_MESSAGE } });
    }
    expect(await emailsTo(app, email)).toHaveLength(5);
  });

  it('refuses a forged, empty or overlong link token without signing anyone in', async () => {
    for (const token of ['forged-token', '', 'x'.repeat(201)]) {
      const response = await app.gql(VERIFY, { token });
      expectError(response, 'BAD_USER_INPUT');
      expect(response.data).toBeNull();
    }
  });
});

describe('access tokens', () => {
  it('asks an anonymous caller of `me` to sign in', async () => {
    const error = expectError(await me(), 'UNAUTHENTICATED', { reason: 'NOT_SIGNED_IN' });
    expect(error.extensions.localizedMessage).toEqual({
      ja: 'ログインが必要です',
      en: 'You must sign in first',
    });
  });

  it('refuses a garbage bearer token on `me`, yet serves open queries to it', async () => {
    const error = expectError(await me('garbage.token.here'), 'UNAUTHENTICATED', { reason: 'NOT_SIGNED_IN' });
    expect((error.extensions.localizedMessage as { en: string }).en).toMatch(/expired or is invalid/);
    expectError(await me('not-even-a-jwt'), 'UNAUTHENTICATED');

    const open = await app.gql<{ organizationTypes: unknown[] }>(
      '{ organizationTypes { code } }',
      {},
      'garbage.token.here',
    );
    expect(dataOf(open).organizationTypes.length).toBeGreaterThan(0);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const account = await signUpAs(app, 'RESEARCHER', university.id);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${account.accessToken}` },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses tokens signed with another secret, expired, or naming another user’s session', async () => {
    const alice = await signUpAs(app, 'RESEARCHER', university.id);
    const bob = await signUpAs(app, 'RESEARCHER', university.id);
    const [aliceSession] = await sessionsOf(alice.userId);
    const jwt = app.api.app.get(JwtService, { strict: false });

    // Sanity: a token the app's own way works.
    const genuine = await jwt.signAsync({ sub: alice.userId, sid: aliceSession.id });
    expect(dataOf(await me(genuine)).me.id).toBe(alice.userId);

    const forged = await new JwtService({ secret: 'another-secret-that-is-long-enough-123' }).signAsync({
      sub: alice.userId,
      sid: aliceSession.id,
    });
    expectError(await me(forged), 'UNAUTHENTICATED');

    const expired = await jwt.signAsync({
      sub: alice.userId,
      sid: aliceSession.id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expectError(await me(expired), 'UNAUTHENTICATED');

    const crossed = await jwt.signAsync({ sub: bob.userId, sid: aliceSession.id });
    expectError(await me(crossed), 'UNAUTHENTICATED');

    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: alice.userId, sid: aliceSession.id }),
    ).toString('base64url')}.`;
    expectError(await me(unsigned), 'UNAUTHENTICATED');
  });
});
