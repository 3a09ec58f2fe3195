import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DailyDigestService } from '#libs/matching';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  emailsTo,
  expectError,
  fieldPaths,
  publishedSeed,
  signInAdmin,
  signUpAs,
  until,
  type Account,
} from './support/fixtures.js';
import { waitForIndex } from './support/search.js';
import { htmlOf, startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example';
const PREFERENCES = `preferences { language notifications { kind delivery } }`;
const UPDATE = `mutation ($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { id ${PREFERENCES} } }`;
const REQUEST = 'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }';
const INBOX = '{ notifications(first: 50) { edges { node { kind title { en } } } } }';

interface Preferences {
  language: string;
  notifications: { kind: string; delivery: string }[];
}

let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let app: TestApp;
let admin: string;
let member: Account;
let researcher: Account;
let english: Account;
let silent: Account;
let digest: Account;
let seedId: string;

async function update(account: Account, input: Record<string, unknown>) {
  return app.gql<{ updatePreferences: { id: string; preferences: Preferences } }>(
    UPDATE,
    { input },
    account.accessToken,
  );
}

async function preferencesOf(account: Account): Promise<Preferences> {
  return dataOf(
    await app.gql<{ me: { preferences: Preferences } }>(`{ me { ${PREFERENCES} } }`, {}, account.accessToken),
  ).me.preferences;
}

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({
    ...adminEnv(),
    DEMO_CATALOG: 'true',
    AUTO_PROPOSALS: 'false',
    SMTP_URL: inbox.url,
    PUBLIC_URL,
  });
  admin = await signInAdmin(app);
  english = await createStaff(app, admin);
  silent = await createStaff(app, admin);
  digest = await createStaff(app, admin);
  const company = await createOrganization(app, admin, 'company', {
    name: { ja: '設定食品', en: 'Settings Foods' },
  });
  const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`)).rows[0]
    .id as string;
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id, { language: 'EN' });
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  for (const account of [member, researcher])
    await decideAffiliation(app, english.accessToken, account.userId, 'approve');
  seedId = (
    await publishedSeed(app, researcher, {
      title: { ja: '<script>alert("ja")</script> 発酵', en: '<script>alert("en")</script> & fermentation' },
      summary: { ja: '概要' },
      fields: ['metabolomics'],
      institutionId: institute,
      trl: 4,
      collaborationTypes: ['joint-research'],
    })
  ).id;
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

describe('preferences', () => {
  it('sends the sign-up e-mail in the language chosen at sign-up, as text and escaped HTML', async () => {
    const [confirm] = await emailsTo(app, member.email);
    expect(confirm.subject).toBe('[Kyoso] Confirm your e-mail address');
    expect(confirm.body).toContain('Thank you for signing up to Kyoso');
    expect(confirm.body).not.toMatch(/[\u3040-\u30ff]/);
    expect(confirm.html).toContain('<html lang="en">');
    expect(confirm.html).toMatch(new RegExp(`href="${PUBLIC_URL}/verify-email#token=[\\w-]+"`));
    expect(await preferencesOf(member)).toMatchObject({ language: 'EN' });

    const [japanese] = await emailsTo(app, researcher.email);
    expect(japanese.subject).toBe('[Kyoso] メールアドレスの確認');
    expect(japanese.body).not.toContain('Thank you');
    expect(japanese.html).toContain('<html lang="ja">');
  });

  it('defaults to Japanese and every kind to IMMEDIATELY; changes only what is given', async () => {
    const before = await preferencesOf(english);
    expect(before.language).toBe('JA');
    expect(before.notifications.map((entry) => entry.kind)).toContain('INTRODUCTION_REQUESTED');
    expect(new Set(before.notifications.map((entry) => entry.delivery))).toEqual(new Set(['IMMEDIATELY']));

    const changed = dataOf(await update(english, { language: 'EN' })).updatePreferences.preferences;
    expect(changed.language).toBe('EN');
    expect(changed.notifications).toEqual(before.notifications);
    dataOf(await update(silent, { notifications: [{ kind: 'INTRODUCTION_REQUESTED', delivery: 'OFF' }] }));
    const chosen = dataOf(
      await update(digest, { notifications: [{ kind: 'INTRODUCTION_REQUESTED', delivery: 'DAILY_DIGEST' }] }),
    ).updatePreferences.preferences;
    expect(chosen.language).toBe('JA');
    expect(chosen.notifications).toContainEqual({ kind: 'INTRODUCTION_REQUESTED', delivery: 'DAILY_DIGEST' });
    expect(chosen.notifications).toContainEqual({ kind: 'INTRODUCED', delivery: 'IMMEDIATELY' });
    expect(await preferencesOf(digest)).toEqual(chosen);
  });

  it('shows preferences only on your own account', async () => {
    const listed = dataOf(
      await app.gql<{ organizationMembers: { edges: { node: { preferences: unknown } }[] } }>(
        `query ($id: ID!) { organizationMembers(organizationId: $id, first: 5) { edges { node { preferences { language } } } } }`,
        { id: member.user.organization?.id ?? (await memberOrganization()) },
        english.accessToken,
      ),
    ).organizationMembers.edges;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.map((edge) => edge.node.preferences)).toEqual(listed.map(() => null));
  });

  it('e-mails a notification in each recipient’s language, only to those who want it now; in-app always', async () => {
    const queued = async (account: Account) =>
      (await emailsTo(app, account.email)).filter((mail) => mail.kind === 'notification');
    dataOf(await app.gql(REQUEST, { input: { seedId } }, member.accessToken));

    const [mail] = await queued(english);
    expect(mail.subject).toBe(
      '[Kyoso] A company asks for an introduction to “<script>alert("en")</script> & fermentation”',
    );
    expect(mail.body).not.toContain('紹介');
    expect(mail.body).toContain(`${PUBLIC_URL}/settings/notifications`);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt; &amp; fermentation');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/settings/notifications"`);
    expect(await queued(silent)).toEqual([]);
    expect(await queued(digest)).toEqual([]);
    for (const account of [english, silent, digest]) {
      const kinds = dataOf(
        await app.gql<{ notifications: { edges: { node: { kind: string } }[] } }>(
          INBOX,
          {},
          account.accessToken,
        ),
      ).notifications.edges.map((edge) => edge.node.kind);
      expect(kinds).toContain('introduction-requested');
    }

    // as delivered over SMTP: a text part and an HTML part, both in English
    const delivered = await until(async () =>
      inbox.received.find(
        (message) => message.to.includes(english.email) && /introduction/.test(textOf(message.data)),
      ),
    );
    expect(textOf(delivered.data)).toContain('A company asks for an introduction');
    expect(htmlOf(delivered.data)).toContain('&lt;script&gt;');
    expect(htmlOf(delivered.data)).not.toContain('<script>');
  });

  it('sends the DAILY_DIGEST ones once, after the next digest hour, in one e-mail', async () => {
    const digests = async (account: Account) =>
      (await emailsTo(app, account.email)).filter((mail) => mail.kind === 'notification-digest');
    const sender = app.api.app.get(DailyDigestService, { strict: false });
    // written after the latest digest hour (DIGEST_HOUR, Asia/Tokyo): it waits for the next
    expect(await sender.run()).toBe(0);
    expect(await digests(digest)).toEqual([]);

    const dayAfter = new Date(Date.now() + 2 * 24 * 3_600_000);
    expect(await sender.run(dayAfter)).toBe(1);
    const [mail] = await digests(digest);
    expect(mail.subject).toBe('[Kyoso] 本日の通知 (1件)');
    expect(mail.body).toContain('企業がシーズ');
    expect(mail.body).toContain(`${PUBLIC_URL}/settings/notifications`);
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;ja&quot;)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    for (const account of [english, silent]) expect(await digests(account)).toEqual([]);
    expect(await sender.run(dayAfter)).toBe(0);
    expect(await digests(digest)).toHaveLength(1);
  });

  it('does not mail a waiting digest line whose kind was switched OFF since; the in-app one stays', async () => {
    const digests = async () =>
      (await emailsTo(app, digest.email)).filter((mail) => mail.kind === 'notification-digest');
    const sender = app.api.app.get(DailyDigestService, { strict: false });
    const before = (await digests()).length;
    const notifiedBefore = await app.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1`,
      [digest.userId],
    );
    const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`))
      .rows[0].id as string;
    const another = await publishedSeed(app, researcher, {
      title: { ja: '麹の代謝', en: 'Koji metabolism' },
      summary: { ja: '概要' },
      fields: ['metabolomics'],
      institutionId: institute,
      trl: 4,
      collaborationTypes: ['joint-research'],
    });
    dataOf(await app.gql(REQUEST, { input: { seedId: another.id } }, member.accessToken));
    dataOf(await update(digest, { notifications: [{ kind: 'INTRODUCTION_REQUESTED', delivery: 'OFF' }] }));
    expect(await sender.run(new Date(Date.now() + 2 * 24 * 3_600_000))).toBe(0);
    expect(await digests()).toHaveLength(before);
    const after = await app.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1`, [
      digest.userId,
    ]);
    expect(after.rows[0].n).toBeGreaterThan(notifiedBefore.rows[0].n);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = await preferencesOf(english);
    const tooMany = Array.from({ length: 50 }, () => ({ kind: 'INTRODUCED', delivery: 'OFF' }));
    const error = expectError(await update(english, { notifications: tooMany }), 'BAD_USER_INPUT');
    expect(fieldPaths(error)).toEqual(['input.notifications']);
    expectError(await update(english, { language: 'FR' }), 'BAD_USER_INPUT', { localized: false });
    expectError(
      await update(english, { notifications: [{ kind: 'EVERYTHING', delivery: 'OFF' }] }),
      'BAD_USER_INPUT',
      { localized: false },
    );
    expect(await preferencesOf(english)).toEqual(before);
    expectError(await app.gql(UPDATE, { input: { language: 'EN' } }), 'UNAUTHENTICATED', {
      localized: false,
    });
  });
});

async function memberOrganization(): Promise<string> {
  const { rows } = await app.db.query('SELECT organization_id FROM "user" WHERE id = $1', [member.userId]);
  return rows[0].organization_id as string;
}
