import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  publishedSeed,
  signInAdmin,
  signUpAs,
  until,
  type Account,
} from './support/fixtures.js';
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Received {
  to: string[];
  data: string;
}

const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
      done();
    });
  },
});

const INBOX = `{ unreadNotificationCount notifications(first: 50) { edges { node { id kind title { ja en } proposalId readAt } } } }`;
let app: TestApp;
let coordinator: Account;
let member: Account;
let researcher: Account;
let seedId: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  app = await startTestApp({
    ...adminEnv(),
    DEMO_CATALOG: 'true',
    AUTO_PROPOSALS: 'false',
    SMTP_URL: `smtp://127.0.0.1:${port}`,
  });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  const company = await createOrganization(app, admin, 'company', {
    name: { ja: '通知食品', en: 'Notify Foods' },
  });
  const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`)).rows[0]
    .id as string;
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  for (const account of [member, researcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  const seed = await publishedSeed(app, researcher, {
    title: { ja: '通知テスト用シーズ', en: 'A seed for notifications' },
    summary: { ja: '概要' },
    fields: ['metabolomics'],
    institutionId: institute,
    trl: 4,
    collaborationTypes: ['joint-research'],
  });
  seedId = seed.id;
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('notifications', () => {
  it('tells coordinators of a request, in the app and by e-mail through SMTP_URL', async () => {
    const proposal = dataOf(
      await app.gql<{ requestIntroduction: { id: string; version: number } }>(
        'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id version } }',
        { input: { seedId } },
        member.accessToken,
      ),
    ).requestIntroduction;
    const inbox = dataOf(
      await app.gql<{
        unreadNotificationCount: number;
        notifications: {
          edges: {
            node: { id: string; kind: string; title: { ja: string; en: string }; proposalId: string };
          }[];
        };
      }>(INBOX, {}, coordinator.accessToken),
    );
    expect(inbox.unreadNotificationCount).toBe(1);
    expect(inbox.notifications.edges[0].node).toMatchObject({
      kind: 'introduction-requested',
      proposalId: proposal.id,
      title: { en: 'A company asks for an introduction to “A seed for notifications”' },
    });
    expect(
      dataOf(await app.gql<{ unreadNotificationCount: number }>(INBOX, {}, member.accessToken))
        .unreadNotificationCount,
    ).toBe(0);

    const mail = await until(async () => received.find((message) => message.to.includes(coordinator.email)));
    expect(mail.data).toContain('Subject:');
    await until(async () =>
      (
        await app.db.query(
          `SELECT count(*)::int AS n FROM email_message WHERE to_address = $1 AND sent_at IS NOT NULL`,
          [coordinator.email],
        )
      ).rows[0].n === 1
        ? true
        : undefined,
    );

    let current = proposal;
    for (const to of ['SHORTLISTED', 'INTRODUCED']) {
      current = dataOf(
        await app.gql<{ moveProposal: { id: string; version: number } }>(
          'mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version } }',
          { input: { id: current.id, version: current.version, to } },
          coordinator.accessToken,
        ),
      ).moveProposal;
    }
    const theirs = dataOf(
      await app.gql<{ notifications: { edges: { node: { id: string; kind: string } }[] } }>(
        INBOX,
        {},
        researcher.accessToken,
      ),
    ).notifications.edges.map((edge) => edge.node);
    expect(theirs.map((n) => n.kind)).toEqual(['introduced']);
    await until(async () => received.find((message) => message.to.includes(researcher.email)));
  });

  it('marks only the viewer’s own notifications read', async () => {
    const mine = dataOf(
      await app.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
        INBOX,
        {},
        researcher.accessToken,
      ),
    ).notifications.edges.map((edge) => edge.node.id);
    const others = dataOf(
      await app.gql<{ notifications: { edges: { node: { id: string } }[] } }>(
        INBOX,
        {},
        coordinator.accessToken,
      ),
    ).notifications.edges.map((edge) => edge.node.id);
    const MARK = 'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';
    expect(
      dataOf(await app.gql<{ markNotificationsRead: number }>(MARK, { ids: others }, researcher.accessToken))
        .markNotificationsRead,
    ).toBe(0);
    expect(
      dataOf(await app.gql<{ markNotificationsRead: number }>(MARK, { ids: mine }, researcher.accessToken))
        .markNotificationsRead,
    ).toBe(1);
    expect(
      dataOf(await app.gql<{ unreadNotificationCount: number }>(INBOX, {}, researcher.accessToken))
        .unreadNotificationCount,
    ).toBe(0);
    expect(
      dataOf(await app.gql<{ unreadNotificationCount: number }>(INBOX, {}, coordinator.accessToken))
        .unreadNotificationCount,
    ).toBe(1);
  });
});
