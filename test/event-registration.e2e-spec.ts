import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventReminderService } from '#libs/events';
import {
  adminEnv,
  countAllRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  signInAdmin,
  signUpAs,
  uniqueEmail,
  until,
  type Account,
} from './support/fixtures.js';
import { startSmtpInbox, textOf } from './support/smtp-inbox.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PUBLIC_URL = 'https://kyoso.example/app';
const DELIVERY_MS = 30_000;

const REGISTRATION = `id status checkedInAt cancelledAt createdAt guest name { ja en } organization email event { id }`;
const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id version } }`;
const MOVE = `mutation ($input: MoveEventInput!) { moveEvent(input: $input) { id version status } }`;
const REGISTER = `mutation ($input: RegisterForEventInput!) { registerForEvent(input: $input) { ${REGISTRATION} } }`;
const CANCEL = `mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { ${REGISTRATION} } }`;
const CHECK_IN = `mutation ($id: ID!) { checkIn(id: $id) { ${REGISTRATION} } }`;
const LIST = `query ($eventId: ID!, $first: Int, $after: String) {
  eventRegistrations(eventId: $eventId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${REGISTRATION} } } } }`;
const MINE = `query { myRegistrations { totalCount edges { node { id status event { id } } } } }`;
const ROSTER = `query ($eventId: ID!) { eventRoster(eventId: $eventId) }`;
const COUNTS = `query ($id: ID!) { event(id: $id) { registrationCount waitlistCount } }`;

interface RegistrationView {
  id: string;
  status: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  guest: boolean;
  name: { ja: string | null; en: string | null };
  organization: string;
  email: string;
}
interface Versioned {
  id: string;
  version: number;
}

let app: TestApp;
let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
let coordinator: Account;
let users: Account[];

const utc = (day: string, hhmm: string) => new Date(`2026-12-${day}T${hhmm}:00+09:00`).toISOString();

async function createEvent(capacity: number | null, status = 'PUBLISHED'): Promise<string> {
  const created = dataOf(
    await app.gql<{ createEvent: Versioned }>(
      CREATE,
      {
        input: {
          kind: 'SEMINAR',
          title: { ja: '発酵セミナー', en: 'Fermentation seminar' },
          startsAt: utc('15', '13:00'),
          endsAt: utc('15', '17:00'),
          venue: { name: { ja: '鶴岡市先端研究産業支援センター' } },
          capacity,
        },
      },
      coordinator.accessToken,
    ),
  ).createEvent;
  let current = created;
  const path: Record<string, string[]> = {
    DRAFT: [],
    PUBLISHED: ['PUBLISHED'],
    CLOSED: ['PUBLISHED', 'CLOSED'],
    ARCHIVED: ['ARCHIVED'],
  };
  for (const to of path[status])
    current = dataOf(
      await app.gql<{ moveEvent: Versioned }>(
        MOVE,
        { input: { id: current.id, version: current.version, to } },
        coordinator.accessToken,
      ),
    ).moveEvent;
  return created.id;
}

const register = (eventId: string, token?: string, guest?: Record<string, unknown>) =>
  app.gql<{ registerForEvent: RegistrationView }>(
    REGISTER,
    { input: { eventId, ...(guest ? { guest } : {}) } },
    token,
  );
const cancel = (input: Record<string, unknown>, token?: string) =>
  app.gql<{ cancelRegistration: RegistrationView }>(CANCEL, { input }, token);
const guestOf = (email: string, name: Record<string, string> = { ja: '山田 花子', en: 'Hanako Yamada' }) => ({
  name,
  organization: '庄内農業協同組合',
  email,
});

/** Registration rows and every account table, to assert a refusal wrote nothing. */
const allRows = async () => {
  const { rows } = await app.db.query(
    `SELECT (SELECT count(*) FROM registration)::int AS registrations,
       (SELECT count(*) FROM registration WHERE status = 'registered')::int AS registered,
       (SELECT count(*) FROM notification)::int AS notifications,
       (SELECT count(*) FROM audit_entry)::int AS audits`,
  );
  return { ...rows[0], ...(await countAllRows(app)) };
};

async function refusedRegistration(
  eventId: string,
  token: string | undefined,
  guest: Record<string, unknown> | undefined,
  code: string,
  expected: { reason?: string; path?: string; localized?: boolean },
) {
  const before = await allRows();
  expectError(await register(eventId, token, guest), code, expected);
  expect(await allRows()).toEqual(before);
}

function deliveredTo(address: string): string[] {
  return inbox.received.filter((mail) => mail.to.includes(address)).map((mail) => textOf(mail.data));
}

const statuses = async (eventId: string) =>
  dataOf(
    await app.gql<{ eventRegistrations: { edges: { node: RegistrationView }[] } }>(
      LIST,
      { eventId, first: 50 },
      coordinator.accessToken,
    ),
  ).eventRegistrations.edges.map((edge) => [edge.node.id, edge.node.status] as const);

beforeAll(async () => {
  inbox = await startSmtpInbox();
  app = await startTestApp({ ...adminEnv(), SMTP_URL: inbox.url, PUBLIC_URL, AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  const university = await createOrganization(app, admin, 'university', {
    name: { ja: '山形大学', en: 'Yamagata University' },
  });
  users = [];
  for (const name of [
    { ja: '鶴岡 太郎', en: 'Taro Tsuruoka' },
    { ja: '酒田 次郎', en: 'Jiro Sakata' },
    { ja: '庄内 三郎', en: 'Saburo Shonai' },
    { ja: '羽黒 四郎', en: 'Shiro Haguro' },
  ]) {
    const account = await signUpAs(app, 'RESEARCHER', university.id, { name });
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
    users.push(account);
  }
});
afterAll(async () => {
  await app?.close();
  await inbox?.close();
});

describe('registering for an event', () => {
  it('registers a signed-in user once, tells them in the app and by e-mail, and refuses a second time', async () => {
    const eventId = await createEvent(10);
    const [user] = users;
    const registration = dataOf(await register(eventId, user.accessToken)).registerForEvent;
    expect(registration).toMatchObject({
      status: 'REGISTERED',
      guest: false,
      name: { ja: '鶴岡 太郎', en: 'Taro Tsuruoka' },
      organization: '山形大学 / Yamagata University',
      email: user.email,
    });
    const notes = await app.db.query(`SELECT kind, title_ja FROM notification WHERE user_id = $1`, [
      user.userId,
    ]);
    expect(notes.rows).toContainEqual({
      kind: 'registration-confirmed',
      title_ja: expect.stringContaining('発酵セミナー'),
    });
    await until(
      async () => deliveredTo(user.email).find((text) => text.includes('発酵セミナー')),
      DELIVERY_MS,
    );

    await refusedRegistration(eventId, user.accessToken, undefined, 'CONFLICT', {
      reason: 'ALREADY_REGISTERED',
      path: 'input.eventId',
    });
    const mine = dataOf(
      await app.gql<{ myRegistrations: { totalCount: number; edges: { node: { id: string } }[] } }>(
        MINE,
        {},
        user.accessToken,
      ),
    ).myRegistrations;
    expect(mine.edges.map((edge) => edge.node.id)).toContain(registration.id);
    const counts = dataOf(await app.gql<{ event: Record<string, number> }>(COUNTS, { id: eventId })).event;
    expect(counts).toEqual({ registrationCount: 1, waitlistCount: 0 });
  });

  it('registers a guest, e-mails a cancel link that works only with its token, and lets them register again', async () => {
    const eventId = await createEvent(10);
    const email = uniqueEmail('guest');
    const guest = guestOf(email.toUpperCase());
    const registration = dataOf(await register(eventId, undefined, guest)).registerForEvent;
    expect(registration).toMatchObject({
      status: 'REGISTERED',
      guest: true,
      email,
      organization: '庄内農業協同組合',
    });
    await refusedRegistration(eventId, undefined, guestOf(email), 'CONFLICT', {
      reason: 'ALREADY_REGISTERED',
      path: 'input.guest.email',
    });

    const text = await until(
      async () => deliveredTo(email).find((body) => body.includes('cancel#token=')),
      DELIVERY_MS,
    );
    expect(text).toContain('発酵セミナー');
    const match = new RegExp(
      `${PUBLIC_URL.replace(/[.]/g, '\\.')}/registrations/([\\w-]+)/cancel#token=([\\w-]+)`,
    ).exec(text);
    expect(match?.[1]).toBe(registration.id);
    const token = match![2];

    // a forged token, no token, or another signed-in user: the registration is unknown to them
    for (const [input, accessToken] of [
      [{ id: registration.id, cancelToken: `${token.slice(0, -2)}xx` }, undefined],
      [{ id: registration.id }, undefined],
      [{ id: registration.id }, users[1].accessToken],
    ] as const) {
      const before = await allRows();
      expectError(await cancel(input, accessToken), 'NOT_FOUND', {
        reason: 'REGISTRATION_NOT_FOUND',
        path: 'input.id',
      });
      expect(await allRows()).toEqual(before);
    }
    const cancelled = dataOf(await cancel({ id: registration.id, cancelToken: token })).cancelRegistration;
    expect(cancelled.status).toBe('CANCELLED');
    // cancelling twice changes nothing
    expect(
      dataOf(await cancel({ id: registration.id, cancelToken: token })).cancelRegistration.cancelledAt,
    ).toBe(cancelled.cancelledAt);
    const again = dataOf(await register(eventId, undefined, guestOf(email))).registerForEvent;
    expect(again.id).not.toBe(registration.id);
    expect(again.status).toBe('REGISTERED');
  });

  it('takes registrations for published events only; a draft is unknown to all but staff', async () => {
    const draft = await createEvent(10, 'DRAFT');
    const closed = await createEvent(10, 'CLOSED');
    const archived = await createEvent(10, 'ARCHIVED');
    await refusedRegistration(draft, users[0].accessToken, undefined, 'NOT_FOUND', {
      reason: 'EVENT_NOT_FOUND',
      path: 'input.eventId',
    });
    await refusedRegistration(draft, undefined, guestOf(uniqueEmail('guest')), 'NOT_FOUND', {
      reason: 'EVENT_NOT_FOUND',
    });
    await refusedRegistration(draft, coordinator.accessToken, undefined, 'CONFLICT', {
      reason: 'REGISTRATION_CLOSED',
      path: 'input.eventId',
    });
    for (const eventId of [closed, archived])
      await refusedRegistration(eventId, users[0].accessToken, undefined, 'CONFLICT', {
        reason: 'REGISTRATION_CLOSED',
        path: 'input.eventId',
      });
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const eventId = await createEvent(10);
    await refusedRegistration(eventId, undefined, undefined, 'BAD_USER_INPUT', {
      reason: 'GUEST_DETAILS_REQUIRED',
      path: 'input.guest',
    });
    await refusedRegistration(
      eventId,
      users[0].accessToken,
      guestOf(uniqueEmail('guest')),
      'BAD_USER_INPUT',
      {
        reason: 'GUEST_DETAILS_NOT_WANTED',
        path: 'input.guest',
      },
    );
    await refusedRegistration(eventId, undefined, guestOf('not-an-address'), 'BAD_USER_INPUT', {
      path: 'input.guest.email',
    });
    await refusedRegistration(eventId, undefined, guestOf(uniqueEmail('guest'), {}), 'BAD_USER_INPUT', {
      path: 'input.guest.name.ja',
    });
    await refusedRegistration(
      eventId,
      undefined,
      { ...guestOf(uniqueEmail('guest')), organization: '' },
      'BAD_USER_INPUT',
      { path: 'input.guest.organization' },
    );
    await refusedRegistration(
      '00000000-0000-4000-8000-000000000000',
      users[0].accessToken,
      undefined,
      'NOT_FOUND',
      {
        reason: 'EVENT_NOT_FOUND',
        path: 'input.eventId',
      },
    );
  });
});

describe('capacity and the waiting list', () => {
  it('waitlists past capacity and promotes the first in order when a place frees', async () => {
    const eventId = await createEvent(2);
    const [a, b, c, d] = users;
    expect(dataOf(await register(eventId, a.accessToken)).registerForEvent.status).toBe('REGISTERED');
    expect(dataOf(await register(eventId, b.accessToken)).registerForEvent.status).toBe('REGISTERED');
    const third = dataOf(await register(eventId, c.accessToken)).registerForEvent;
    expect(third.status).toBe('WAITLISTED');
    const guestEmail = uniqueEmail('guest');
    const fourth = dataOf(await register(eventId, undefined, guestOf(guestEmail))).registerForEvent;
    expect(fourth.status).toBe('WAITLISTED');
    expect(dataOf(await register(eventId, d.accessToken)).registerForEvent.status).toBe('WAITLISTED');
    expect(dataOf(await app.gql<{ event: Record<string, number> }>(COUNTS, { id: eventId })).event).toEqual({
      registrationCount: 2,
      waitlistCount: 3,
    });

    const first = dataOf(
      await app.gql<{ eventRegistrations: { edges: { node: RegistrationView }[] } }>(
        LIST,
        { eventId, first: 1 },
        coordinator.accessToken,
      ),
    ).eventRegistrations.edges[0].node;
    expect(first.email).toBe(a.email);
    expect(dataOf(await cancel({ id: first.id }, a.accessToken)).cancelRegistration.status).toBe('CANCELLED');
    const after = new Map(await statuses(eventId));
    expect(after.get(third.id)).toBe('REGISTERED');
    expect(after.get(fourth.id)).toBe('WAITLISTED');
    const notes = await app.db.query(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY created_at`, [
      c.userId,
    ]);
    expect(notes.rows.map((row: { kind: string }) => row.kind)).toContain('waitlist-promoted');
    await until(
      async () => deliveredTo(c.email).find((text) => text.includes('キャンセル待ちから参加が確定')),
      DELIVERY_MS,
    );

    // a waitlisted cancellation frees nothing; a staff cancellation of a place promotes the guest next
    expect(dataOf(await cancel({ id: third.id }, coordinator.accessToken)).cancelRegistration.status).toBe(
      'CANCELLED',
    );
    expect(new Map(await statuses(eventId)).get(fourth.id)).toBe('REGISTERED');
    await until(
      async () => deliveredTo(guestEmail).find((text) => text.includes('キャンセル待ちから参加が確定')),
      DELIVERY_MS,
    );
    expect(dataOf(await app.gql<{ event: Record<string, number> }>(COUNTS, { id: eventId })).event).toEqual({
      registrationCount: 2,
      waitlistCount: 1,
    });
  });

  it('gives places added by a larger capacity to the waiting list, in order', async () => {
    const eventId = await createEvent(1);
    const [a, b, c] = users;
    dataOf(await register(eventId, a.accessToken));
    const second = dataOf(await register(eventId, b.accessToken)).registerForEvent;
    const third = dataOf(await register(eventId, c.accessToken)).registerForEvent;
    const { rows } = await app.db.query(`SELECT version FROM event WHERE id = $1`, [eventId]);
    dataOf(
      await app.gql(
        `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id capacity } }`,
        { input: { id: eventId, version: rows[0].version, capacity: 2 } },
        coordinator.accessToken,
      ),
    );
    const after = new Map(await statuses(eventId));
    expect(after.get(second.id)).toBe('REGISTERED');
    expect(after.get(third.id)).toBe('WAITLISTED');
  });

  it('never oversells the last place to concurrent registrations', async () => {
    const eventId = await createEvent(1);
    const answers = await Promise.all([
      ...users.map((user) => register(eventId, user.accessToken)),
      register(eventId, undefined, guestOf(uniqueEmail('guest'))),
    ]);
    const got = answers.map((answer) => dataOf(answer).registerForEvent.status);
    expect(got.filter((status) => status === 'REGISTERED')).toHaveLength(1);
    expect(got.filter((status) => status === 'WAITLISTED')).toHaveLength(users.length);
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM registration WHERE event_id = $1 AND status = 'registered'`,
      [eventId],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('at the door', () => {
  it('checks in once, refuses a cancelled registration, and exports the roster as CSV with a BOM', async () => {
    const eventId = await createEvent(null);
    const registered = dataOf(await register(eventId, users[0].accessToken)).registerForEvent;
    dataOf(
      await register(
        eventId,
        undefined,
        guestOf(uniqueEmail('guest'), { ja: '髙橋 﨑子', en: 'Sakiko Takahashi' }),
      ),
    );
    dataOf(
      await register(eventId, undefined, { ...guestOf(uniqueEmail('guest'), { en: '=HYPERLINK("x")' }) }),
    );
    const gone = dataOf(await register(eventId, users[1].accessToken)).registerForEvent;
    dataOf(await cancel({ id: gone.id }, users[1].accessToken));

    const checked = dataOf(
      await app.gql<{ checkIn: RegistrationView }>(CHECK_IN, { id: registered.id }, coordinator.accessToken),
    ).checkIn;
    expect(checked.checkedInAt).toBeTruthy();
    const again = dataOf(
      await app.gql<{ checkIn: RegistrationView }>(CHECK_IN, { id: registered.id }, coordinator.accessToken),
    ).checkIn;
    expect(again.checkedInAt).toBe(checked.checkedInAt);
    const before = await allRows();
    expectError(await app.gql(CHECK_IN, { id: gone.id }, coordinator.accessToken), 'CONFLICT', {
      reason: 'REGISTRATION_CANCELLED',
    });
    expect(await allRows()).toEqual(before);
    expectError(await app.gql(CHECK_IN, { id: registered.id }, users[0].accessToken), 'FORBIDDEN', {
      localized: false,
    });

    const csv = dataOf(
      await app.gql<{ eventRoster: string }>(ROSTER, { eventId }, coordinator.accessToken),
    ).eventRoster;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '氏名 / Name,所属 / Organization,メールアドレス / E-mail,状態 / Status,登録日時 (日本時間) / Registered at (Asia/Tokyo),受付日時 (日本時間) / Checked in at (Asia/Tokyo)',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(
      new RegExp(
        `^鶴岡 太郎 / Taro Tsuruoka,山形大学 / Yamagata University,${users[0].email},registered,\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{4}-`,
      ),
    );
    expect(lines[2]).toContain('髙橋 﨑子 / Sakiko Takahashi,庄内農業協同組合');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain(users[1].email);

    expectError(await app.gql(ROSTER, { eventId }, users[0].accessToken), 'FORBIDDEN', { localized: false });
    expectError(await app.gql(LIST, { eventId }, undefined), 'UNAUTHENTICATED', { localized: false });
  });
});

describe('the reminder the day before', () => {
  it('reminds those holding a place once, the Tokyo day before, in the app and by e-mail', async () => {
    const eventId = await createEvent(1);
    const [holder, waiting] = users;
    const place = dataOf(await register(eventId, holder.accessToken)).registerForEvent;
    const queued = dataOf(await register(eventId, waiting.accessToken)).registerForEvent;
    expect(queued.status).toBe('WAITLISTED');
    const reminders = app.api.app.get(EventReminderService, { strict: false });
    const remindedOf = async (id: string) =>
      (await app.db.query(`SELECT reminded_at FROM registration WHERE id = $1`, [id])).rows[0]
        .reminded_at as Date | null;

    // 2026-12-13 23:59 in Tokyo: two days before the 15th
    await reminders.run(new Date('2026-12-13T23:59:00+09:00'));
    expect(await remindedOf(place.id)).toBeNull();
    // 2026-12-14 00:00 in Tokyo (still the 13th in UTC): the day before
    expect(await reminders.run(new Date('2026-12-14T00:00:00+09:00'))).toBeGreaterThan(0);
    expect(await remindedOf(place.id)).not.toBeNull();
    expect(await remindedOf(queued.id)).toBeNull();
    expect(await reminders.run(new Date('2026-12-14T12:00:00+09:00'))).toBe(0);

    // one in-app reminder per place claimed, and none more on a later run
    const count = async (sql: string) => (await app.db.query(sql, [holder.userId])).rows[0].n as number;
    const reminded = await count(
      `SELECT count(*)::int AS n FROM registration WHERE user_id = $1 AND reminded_at IS NOT NULL`,
    );
    const told = `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'event-reminder'`;
    expect(await count(told)).toBe(reminded);
    await reminders.run(new Date('2026-12-14T18:00:00+09:00'));
    expect(await count(told)).toBe(reminded);
    await until(
      async () => deliveredTo(holder.email).find((text) => text.includes('明日は「発酵セミナー」')),
      DELIVERY_MS,
    );
  });
});

describe('personal data', () => {
  it('exports the account’s registrations, and closing the account deletes them and promotes the waiting list', async () => {
    const eventId = await createEvent(1);
    const university = (
      await app.db.query(`SELECT organization_id FROM "user" WHERE id = $1`, [users[0].userId])
    ).rows[0].organization_id as string;
    const leaving = await signUpAs(app, 'RESEARCHER', university);
    const place = dataOf(await register(eventId, leaving.accessToken)).registerForEvent;
    const next = dataOf(await register(eventId, users[2].accessToken)).registerForEvent;
    expect(next.status).toBe('WAITLISTED');

    const exported = dataOf(
      await app.gql<{ exportMyData: { json: string } }>(
        `query { exportMyData { json } }`,
        {},
        leaving.accessToken,
      ),
    ).exportMyData.json;
    const events = (JSON.parse(exported) as { events: { registrations: { id: string; status: string }[] } })
      .events;
    expect(events.registrations).toEqual([
      expect.objectContaining({ id: place.id, eventId, status: 'registered' }),
    ]);

    dataOf(
      await app.gql(
        `mutation ($password: String!) { closeMyAccount(currentPassword: $password) { closedAt } }`,
        { password: leaving.password },
        leaving.accessToken,
      ),
    );
    const left = await app.db.query(`SELECT id FROM registration WHERE user_id = $1`, [leaving.userId]);
    expect(left.rows).toHaveLength(0);
    expect(new Map(await statuses(eventId)).get(next.id)).toBe('REGISTERED');
  });
});
