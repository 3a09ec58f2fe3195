import { randomBytes } from 'node:crypto';
import { expect } from '@jest/globals';
import type { GraphQLResponse, TestApp } from './test-app.js';

/** The first admin, created at boot when a test app is started with {@link adminEnv}. */
export const TEST_ADMIN = { email: 'first-admin@kyoso.test', password: 'first-admin-password-42' } as const;

/** Env overrides that make the app create {@link TEST_ADMIN} at boot. */
export const adminEnv = (): Record<string, string> => ({
  ADMIN_EMAIL: TEST_ADMIN.email,
  ADMIN_PASSWORD: TEST_ADMIN.password,
});

export const DEFAULT_PASSWORD = 'correct-horse-battery-staple';

let sequence = 0;

/** An email no other test uses, even across files sharing a server. */
export function uniqueEmail(label = 'user'): string {
  sequence += 1;
  return `${label}-${sequence}-${randomBytes(4).toString('hex')}@example.jp`;
}

type GqlError = NonNullable<GraphQLResponse['errors']>[number];

export interface BilingualText {
  ja: string | null;
  en: string | null;
}

export interface UserView {
  id: string;
  email: string | null;
  name: BilingualText;
  role: 'RESEARCHER' | 'COMPANY_MEMBER' | 'COORDINATOR' | 'ADMIN';
  affiliationStatus: 'PENDING' | 'APPROVED' | 'REJECTED';
  affiliationDecidedAt: string | null;
  affiliationNote: string | null;
  organization: { id: string; type: string; name: BilingualText } | null;
}

export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: UserView;
}

export interface OrganizationView {
  id: string;
  externalId: string | null;
  type: string;
  typeLabel: BilingualText;
  name: BilingualText;
  description: BilingualText;
  prefecture: string | null;
  city: string | null;
  website: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const USER_FIELDS = `
  id email role affiliationStatus affiliationDecidedAt affiliationNote
  name { ja en }
  organization { id type name { ja en } }
`;

export const AUTH_FIELDS = `accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { ${USER_FIELDS} }`;

export const ORGANIZATION_FIELDS = `
  id externalId type typeLabel { ja en } name { ja en } description { ja en }
  prefecture city website version createdAt updatedAt
`;

/** The response's data, failing the test (with the errors shown) if the operation failed. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  expect(response.errors ?? []).toEqual([]);
  expect(response.data).toBeTruthy();
  return response.data as T;
}

/**
 * Asserts the operation failed with exactly one error of the given GraphQL code
 * (and, when given, reason and field path), and returns that error. Errors from
 * the app carry a Japanese and English message; pass localized: false for the
 * ones GraphQL itself raises before a resolver runs.
 */
export function expectError(
  response: GraphQLResponse<unknown>,
  code: string,
  expected: { reason?: string; path?: string; localized?: boolean } = {},
): GqlError {
  expect(response.errors?.map((error) => error.extensions.code)).toEqual([code]);
  const error = response.errors![0];
  if (expected.reason) expect(error.extensions.reason).toBe(expected.reason);
  if (expected.path) expect(fieldPaths(error)).toContain(expected.path);
  const localized = error.extensions.localizedMessage as { ja?: unknown; en?: unknown } | undefined;
  if (expected.localized !== false) {
    // Every domain error carries its message in both languages.
    expect(typeof localized?.ja).toBe('string');
    expect(typeof localized?.en).toBe('string');
  }
  return error;
}

/** The field paths an error's extensions.fields name. */
export function fieldPaths(error: GqlError): string[] {
  const fields = (error.extensions.fields ?? []) as { path: string; messages: string[] }[];
  return fields.map((field) => field.path);
}

/** How many rows a table holds; `table` is quoted, so "user" works as is. */
export async function countRows(
  app: TestApp,
  table: 'organization' | 'user' | 'session' | 'refresh_token' | 'account_token' | 'email_message',
): Promise<number> {
  const result = await app.db.query<{ count: string }>(`SELECT count(*) AS count FROM "${table}"`);
  return Number(result.rows[0].count);
}

/** Row counts of every table, to assert that a refused operation wrote nothing at all. */
export async function countAllRows(app: TestApp): Promise<Record<string, number>> {
  return {
    organization: await countRows(app, 'organization'),
    user: await countRows(app, 'user'),
    session: await countRows(app, 'session'),
    refresh_token: await countRows(app, 'refresh_token'),
    account_token: await countRows(app, 'account_token'),
    email_message: await countRows(app, 'email_message'),
  };
}

export async function signIn(app: TestApp, email: string, password: string): Promise<AuthPayload> {
  const response = await app.gql<{ signIn: AuthPayload }>(
    `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`,
    { input: { email, password } },
  );
  return dataOf(response).signIn;
}

/** Signs in the boot-time admin (the app must have been started with {@link adminEnv}). */
export async function signInAdmin(app: TestApp): Promise<string> {
  return (await signIn(app, TEST_ADMIN.email, TEST_ADMIN.password)).accessToken;
}

export interface Account {
  email: string;
  password: string;
  userId: string;
  accessToken: string;
  refreshToken: string;
  user: UserView;
}

/** Creates a coordinator or admin through the admin-only mutation and signs it in. */
export async function createStaff(
  app: TestApp,
  adminToken: string,
  role: 'COORDINATOR' | 'ADMIN' = 'COORDINATOR',
): Promise<Account> {
  const email = uniqueEmail(role.toLowerCase());
  const password = `${DEFAULT_PASSWORD}-staff`;
  const created = dataOf(
    await app.gql<{ createStaffAccount: UserView }>(
      `mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { ${USER_FIELDS} } }`,
      { input: { email, password, role, name: { ja: 'コーディネーター', en: 'Coordinator' } } },
      adminToken,
    ),
  ).createStaffAccount;
  const session = await signIn(app, email, password);
  return {
    email,
    password,
    userId: created.id,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    user: session.user,
  };
}

/** Signs up a researcher or company member (pending affiliation) and opens the e-mailed link. */
export async function signUpAs(
  app: TestApp,
  role: 'RESEARCHER' | 'COMPANY_MEMBER',
  organizationId: string,
  overrides: {
    email?: string;
    password?: string;
    name?: Partial<BilingualText>;
    language?: 'JA' | 'EN';
  } = {},
): Promise<Account> {
  const email = overrides.email ?? uniqueEmail(role.toLowerCase().replace('_', '-'));
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const response = await app.gql<{ signUp: { email: string } }>(SIGN_UP, {
    input: {
      email,
      password,
      role,
      organizationId,
      name: overrides.name ?? { ja: '鶴岡 太郎', en: 'Taro Tsuruoka' },
      ...(overrides.language ? { language: overrides.language } : {}),
    },
  });
  const payload = await verifyEmail(app, await signUpToken(app, dataOf(response).signUp.email));
  return {
    email,
    password,
    userId: payload.user.id,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    user: payload.user,
  };
}

export const SIGN_UP =
  'mutation ($input: SignUpInput!) { signUp(input: $input) { email message { ja en } } }';

/** The e-mails queued to an address, oldest first. */
export async function emailsTo(
  app: TestApp,
  address: string,
): Promise<{ kind: string; subject: string; body: string; html: string | null }[]> {
  const { rows } = await app.db.query<{ kind: string; subject: string; body: string; html: string | null }>(
    'SELECT kind, subject, body, html FROM email_message WHERE to_address = $1 ORDER BY created_at, id',
    [address.toLowerCase()],
  );
  return rows;
}

/** The token of the newest confirmation link sent to the address. */
export async function signUpToken(app: TestApp, address: string): Promise<string> {
  const links = (await emailsTo(app, address))
    .map((email) => /verify-email#token=([\w-]+)/.exec(email.body)?.[1])
    .filter((token): token is string => !!token);
  const token = links.at(-1);
  if (!token) throw new Error(`no confirmation link was sent to ${address}`);
  return token;
}

export async function verifyEmail(app: TestApp, token: string): Promise<AuthPayload> {
  const response = await app.gql<{ verifyEmail: AuthPayload }>(
    `mutation ($token: String!) { verifyEmail(token: $token) { ${AUTH_FIELDS} } }`,
    { token },
  );
  return dataOf(response).verifyEmail;
}

export interface OrganizationOverrides {
  name?: Partial<BilingualText>;
  description?: Partial<BilingualText>;
  prefecture?: string;
  city?: string;
  website?: string;
  externalId?: string;
}

/** Creates an organization as a coordinator or admin and returns it. */
export async function createOrganization(
  app: TestApp,
  token: string,
  type = 'university',
  overrides: OrganizationOverrides = {},
): Promise<OrganizationView> {
  sequence += 1;
  const input = {
    type,
    name: { ja: `テスト組織${sequence}`, en: `Test organization ${sequence}` },
    ...overrides,
  };
  const response = await app.gql<{ createOrganization: OrganizationView }>(
    `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`,
    { input },
    token,
  );
  return dataOf(response).createOrganization;
}

/** Approves (or rejects) a pending account as the given coordinator. */
export async function decideAffiliation(
  app: TestApp,
  coordinatorToken: string,
  userId: string,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<UserView> {
  const mutation = decision === 'approve' ? 'approveAffiliation' : 'rejectAffiliation';
  const response = await app.gql<Record<string, UserView>>(
    `mutation ($input: DecideAffiliationInput!) { ${mutation}(input: $input) { ${USER_FIELDS} } }`,
    { input: { userId, note } },
    coordinatorToken,
  );
  return dataOf(response)[mutation];
}

export const ME = `query { me { ${USER_FIELDS} } }`;

/** Creates a seed as the researcher and publishes it; returns its id and published version. */
export async function publishedSeed(
  app: TestApp,
  researcher: Account,
  input: Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const seed = dataOf(
    await app.gql<{ createSeed: { id: string; version: number } }>(
      'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }',
      { input },
      researcher.accessToken,
    ),
  ).createSeed;
  const published = dataOf(
    await app.gql<{ publishSeed: { version: number } }>(
      'mutation ($input: RecordVersionInput!) { publishSeed(input: $input) { version } }',
      { input: { id: seed.id, version: seed.version } },
      researcher.accessToken,
    ),
  ).publishSeed;
  return { id: seed.id, version: published.version };
}

/** Polls `check` until it gives a value (background work: the outbox, e-mail). */
export async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for background work');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
