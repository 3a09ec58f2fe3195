import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
  signUpToken,
  uniqueEmail,
  until,
  type Account,
  type AuthPayload,
} from './support/fixtures.js';
import { startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example/app';
const ACCOUNT_EMAIL_LIMIT = 60;
const DELIVERY_MS = 30_000;

const RESEND = `mutation ($email: String!) { resendVerificationEmail(email: $email) { email message { ja en } } }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { ${AUTH_FIELDS} } }`;
const REQUEST_CHANGE = `mutation ($input: RequestEmailChangeInput!) {
  requestEmailChange(input: $input) { email message { ja en } } }`;
const CONFIRM_CHANGE = `mutation ($token: String!) { confirmEmailChange(token: $token) { email message { ja en } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { ${AUTH_FIELDS} } }`;
const REQUEST_RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) { message { en } } }`;
const RESET = `mutation ($token: String!, $password: String!) {
  resetPassword(token: $token, newPassword: $password) { message { en } } }`;

interface Receipt {
  email: string;
  message: { ja: string; en: string };
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

const resend = (email: string) => app.gql<{ resendVerificationEmail: Receipt }>(RESEND, { email });
const verify = (token: string) => app.gql<{ verifyEmail: AuthPayload }>(VERIFY, { token });
const requestChange = (account: Account, newEmail: string, currentPassword = account.password) =>
  app.gql<{ requestEmailChange: Receipt }>(
    REQUEST_CHANGE,
    { input: { newEmail, currentPassword } },
    account.accessToken,
  );
const confirmChange = (token: string) => app.gql<{ confirmEmailChange: Receipt }>(CONFIRM_CHANGE, { token });
const signInResponse = (email: string, password: string) =>
  app.gql<{ signIn: AuthPayload }>(SIGN_IN, { input: { email, password } });
const myEmail = async (accessToken: string) =>
  dataOf(await app.gql<{ me: { email: string } }>(ME, {}, accessToken)).me.email;

/** The plain text of every message delivered over SMTP to the address so far, oldest first. */
function deliveredTo(address: string): string[] {
  return inbox.received.filter((mail) => mail.to.includes(address)).map((mail) => textOf(mail.data));
}

/** Waits for a delivered message to the address that holds a link to `page`, and returns the link's token. */
async function deliveredToken(address: string, page: string, skip: string[] = []): Promise<string> {
  return until(async () => {
    const tokens = deliveredTo(address)
      .map((text) => linkIn(text, page))
      .filter(Boolean) as string[];
    return tokens.find((token) => !skip.includes(token));
  }, DELIVERY_MS);
}

function linkIn(text: string, page: string): string | undefined {
  const escaped = PUBLIC_URL.replace(/[.]/g, '\\.');
  return new RegExp(`${escaped}/${page}#token=([\\w-]+)`).exec(text)?.[1];
}

const INVALID_TOKEN = { reason: 'INVALID_EMAIL_TOKEN', path: 'token' };

function signUpInput(email: string, language: 'JA' | 'EN' = 'JA') {
  const name = { ja: '確認 花子', en: 'Hanako Kakunin' };
  return {
    email,
    password: DEFAULT_PASSWORD,
    role: 'RESEARCHER',
    organizationId: universityId,
    name,
    language,
  };
}

describe('sign-up through the delivered e-mail', () => {
  it('follows the link of the confirmation e-mail to a signed-in account', async () => {
    const email = uniqueEmail('follow');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(email) }));
    const token = await deliveredToken(email, 'verify-email');
    expect(deliveredTo(email)[0]).toContain('メールアドレスを確認してください');

    const payload = dataOf(await verify(token)).verifyEmail;
    expect(payload.user.email).toBe(email);
    expect(await myEmail(payload.accessToken)).toBe(email);
    await signIn(app, email, DEFAULT_PASSWORD);
    expectError(await verify(token), 'BAD_USER_INPUT', INVALID_TOKEN);
  });
});

describe('resendVerificationEmail', () => {
  it('sends a new working link; the older one stops working', async () => {
    const email = uniqueEmail('resend');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(email, 'EN') }));
    const first = await deliveredToken(email, 'verify-email');

    const receipt = dataOf(await resend(email.toUpperCase())).resendVerificationEmail;
    expect(receipt.email).toBe(email);
    expect(receipt.message.en).toContain('we sent it a new link');
    const second = await deliveredToken(email, 'verify-email', [first]);
    expect(second).not.toBe(first);
    expect(deliveredTo(email)[1]).toContain('Confirm your address'); // in the language chosen at sign-up

    const before = await countAllRows(app);
    expectError(await verify(first), 'BAD_USER_INPUT', INVALID_TOKEN);
    expect(await countAllRows(app)).toEqual(before);
    expect(dataOf(await verify(second)).verifyEmail.user.email).toBe(email);
  });

  it('answers an unknown or a confirmed address the same and sends nothing', async () => {
    const unconfirmed = uniqueEmail('waiting');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(unconfirmed) }));
    const expected = dataOf(await resend(unconfirmed)).resendVerificationEmail.message;
    const confirmed = await signUpAs(app, 'RESEARCHER', universityId);
    const nobody = uniqueEmail('nobody');

    const before = await countAllRows(app);
    for (const email of [nobody, confirmed.email]) {
      const receipt = dataOf(await resend(email)).resendVerificationEmail;
      expect(receipt).toEqual({ email, message: expected });
    }
    expect(await countAllRows(app)).toEqual(before);
    expect(await emailsTo(app, nobody)).toEqual([]);
    expect((await emailsTo(app, confirmed.email)).map((mail) => mail.kind)).toEqual(['sign-up']);
  });

  it('counts in the hourly cap of sign-up e-mails to the address', async () => {
    const email = uniqueEmail('flooded');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(email) }));
    const messages = new Set<string>();
    for (let i = 0; i < 6; i++)
      messages.add(JSON.stringify(dataOf(await resend(email)).resendVerificationEmail));
    expect(messages.size).toBe(1);
    expect((await emailsTo(app, email)).filter((mail) => mail.kind === 'sign-up')).toHaveLength(5);
  });
});

describe('change of e-mail address', () => {
  it('moves the account once the link sent to the new address is opened, telling the old one twice', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const phone = await signIn(app, account.email, account.password);
    const newEmail = uniqueEmail('moved');
    // a reset link sent to the old address must not outlive the move
    dataOf(await app.gql(REQUEST_RESET, { email: account.email }));

    const receipt = dataOf(await requestChange(account, newEmail.toUpperCase())).requestEmailChange;
    expect(receipt.email).toBe(newEmail);
    expect(receipt.message.ja).toContain('新しいメールアドレス');

    const token = await deliveredToken(newEmail, 'confirm-email');
    const toNew = deliveredTo(newEmail)[0];
    expect(toNew).toContain('このアドレスに変更する申し込みがありました');
    expect(toNew).toContain('24時間');
    const stored = await app.db.query<{ token_hash: string; new_email: string }>(
      `SELECT token_hash, new_email FROM account_token WHERE user_id = $1 AND purpose = 'change-email'`,
      [account.userId],
    );
    expect(stored.rows).toEqual([{ token_hash: expect.not.stringContaining(token), new_email: newEmail }]);
    const requested = await until(
      async () => deliveredTo(account.email).find((text) => text.includes(newEmail)),
      DELIVERY_MS,
    );
    expect(requested).toContain('変更する申し込みがありました');
    expect(requested).toContain(`${PUBLIC_URL}/forgot-password`);

    // nothing changes before the link is opened
    expect(await myEmail(account.accessToken)).toBe(account.email);
    expectError(await signInResponse(newEmail, account.password), 'UNAUTHENTICATED');
    const resetToken = (await emailsTo(app, account.email))
      .map((mail) => linkIn(mail.body, 'reset-password'))
      .find(Boolean)!;

    // opened in another browser: no sign-in needed
    const done = dataOf(await confirmChange(token)).confirmEmailChange;
    expect(done.email).toBe(newEmail);
    expect(done.message.en).toContain('sign in with the new one');

    const changed = await until(
      async () =>
        deliveredTo(account.email).find((text) =>
          text.includes(`メールアドレスが ${newEmail} に変更されました`),
        ),
      DELIVERY_MS,
    );
    expect(changed).toContain(newEmail);
    expect(changed).toContain(`${PUBLIC_URL}/forgot-password`);

    // sessions stay, and now show the new address; only the new address signs in
    expect(await myEmail(account.accessToken)).toBe(newEmail);
    expect(await myEmail(phone.accessToken)).toBe(newEmail);
    expect((await signIn(app, newEmail, account.password)).user.id).toBe(account.userId);
    expectError(await signInResponse(account.email, account.password), 'UNAUTHENTICATED', {
      reason: 'INVALID_CREDENTIALS',
    });
    expectError(
      await app.gql(RESET, { token: resetToken, password: `${DEFAULT_PASSWORD}-x` }),
      'BAD_USER_INPUT',
      INVALID_TOKEN,
    );

    const audit = await app.db.query(
      `SELECT actor_user_id, action, changes FROM audit_entry WHERE entity_id = $1 AND action = 'email changed'`,
      [account.userId],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: account.userId,
        action: 'email changed',
        changes: { email: { before: account.email, after: newEmail } },
      },
    ]);

    // the link works once
    const before = await countAllRows(app);
    expectError(await confirmChange(token), 'BAD_USER_INPUT', INVALID_TOKEN);
    expect(await countAllRows(app)).toEqual(before);
  });

  it('answers the same for an address that has an account, tells its owner and changes nothing', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const owner = await signUpAs(app, 'RESEARCHER', universityId, { language: 'EN' });
    const free = uniqueEmail('free');

    const freeReceipt = dataOf(await requestChange(account, free)).requestEmailChange;
    const earlierLink = await deliveredToken(free, 'confirm-email');
    const takenReceipt = dataOf(await requestChange(account, owner.email)).requestEmailChange;
    expect(takenReceipt).toEqual({ email: owner.email, message: freeReceipt.message });

    const told = await until(
      async () => deliveredTo(owner.email).find((text) => text.includes('already has a Kyoso account')),
      DELIVERY_MS,
    );
    expect(told).toContain('Nothing was changed');
    expect(linkIn(told, 'confirm-email')).toBeUndefined();
    // the requester's own inbox reads the same as for a free address
    const notices = await until(async () => {
      const found = deliveredTo(account.email).filter((text) =>
        text.includes('変更する申し込みがありました'),
      );
      return found.length === 2 ? found : undefined;
    }, DELIVERY_MS);
    expect(notices[1]).toContain(owner.email);

    // the newer request replaced the earlier link
    expectError(await confirmChange(earlierLink), 'BAD_USER_INPUT', INVALID_TOKEN);
    expect(await myEmail(account.accessToken)).toBe(account.email);
    expect(await myEmail(owner.accessToken)).toBe(owner.email);
    await signIn(app, account.email, account.password);
    await signIn(app, owner.email, owner.password);
  });

  it('refuses a wrong password and the current address, writing nothing', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const newEmail = uniqueEmail('never');
    const before = await countAllRows(app);
    expectError(await requestChange(account, newEmail, 'not-my-password-at-all'), 'BAD_USER_INPUT', {
      reason: 'WRONG_PASSWORD',
      path: 'input.currentPassword',
    });
    expectError(await requestChange(account, account.email.toUpperCase()), 'BAD_USER_INPUT', {
      reason: 'EMAIL_UNCHANGED',
      path: 'input.newEmail',
    });
    expect(await countAllRows(app)).toEqual(before);
    expect(await emailsTo(app, newEmail)).toEqual([]);
    expectError(
      await app.gql(REQUEST_CHANGE, { input: { newEmail, currentPassword: account.password } }),
      'UNAUTHENTICATED',
    );
  });

  it('refuses forged, expired and other links, changing nothing', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const newEmail = uniqueEmail('later');
    dataOf(await requestChange(account, newEmail));
    const token = await deliveredToken(newEmail, 'confirm-email');
    const signUpEmail = uniqueEmail('other-link');
    dataOf(await app.gql(SIGN_UP, { input: signUpInput(signUpEmail) }));

    const before = await countAllRows(app);
    expectError(await confirmChange(`${token.slice(0, -2)}xx`), 'BAD_USER_INPUT', INVALID_TOKEN);
    expectError(await confirmChange(await signUpToken(app, signUpEmail)), 'BAD_USER_INPUT', INVALID_TOKEN);
    await app.db.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second'
       WHERE user_id = $1 AND purpose = 'change-email'`,
      [account.userId],
    );
    expectError(await confirmChange(token), 'BAD_USER_INPUT', INVALID_TOKEN);
    expect(await countAllRows(app)).toEqual(before);
    expect(await myEmail(account.accessToken)).toBe(account.email);
    expectError(await signInResponse(newEmail, account.password), 'UNAUTHENTICATED');
  });

  it('is EMAIL_TAKEN when the new address got an account before the link was opened', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const newEmail = uniqueEmail('contested');
    dataOf(await requestChange(account, newEmail));
    const token = await deliveredToken(newEmail, 'confirm-email');
    await signUpAs(app, 'RESEARCHER', universityId, { email: newEmail });

    const before = await countAllRows(app);
    expectError(await confirmChange(token), 'CONFLICT', { reason: 'EMAIL_TAKEN', path: 'token' });
    expect(await countAllRows(app)).toEqual(before);
    expect(await myEmail(account.accessToken)).toBe(account.email);
    const link = await app.db.query(
      `SELECT used_at FROM account_token WHERE user_id = $1 AND purpose = 'change-email'`,
      [account.userId],
    );
    expect(link.rows).toEqual([{ used_at: null }]); // rolled back, not spent
    const audits = await app.db.query(
      `SELECT 1 FROM audit_entry WHERE entity_id = $1 AND action = 'email changed'`,
      [account.userId],
    );
    expect(audits.rows).toEqual([]);
  });

  it('sends one account at most five change requests an hour, answering the same past it', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    const targets = Array.from({ length: 7 }, () => uniqueEmail('many'));
    const messages = new Set<string>();
    for (const target of targets)
      messages.add(JSON.stringify(dataOf(await requestChange(account, target)).requestEmailChange.message));
    expect(messages.size).toBe(1);
    const notices = (await emailsTo(app, account.email)).filter((mail) => mail.kind === 'email-change');
    expect(notices).toHaveLength(5);
    for (const target of targets.slice(0, 5)) expect(await emailsTo(app, target)).toHaveLength(1);
    for (const target of targets.slice(5)) expect(await emailsTo(app, target)).toEqual([]);
  });
});

describe('the per-client budget of account e-mails', () => {
  it('answers RATE_LIMITED once RATE_LIMIT_ACCOUNT_EMAIL is spent, for resends and change requests alike', async () => {
    const account = await signUpAs(app, 'RESEARCHER', universityId);
    let limited: GraphQLResponse<unknown> | undefined;
    for (let i = 0; i <= ACCOUNT_EMAIL_LIMIT && !limited; i++) {
      const response = await resend(uniqueEmail('flood'));
      if (response.errors) limited = response;
    }
    expect(limited).toBeDefined();
    expectError(limited!, 'RATE_LIMITED');
    expectError(await requestChange(account, uniqueEmail('flood')), 'RATE_LIMITED');
  });
});
