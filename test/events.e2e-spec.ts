import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  countAllRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  publishedSeed,
  signInAdmin,
  signUpAs,
  type Account,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const TEXT = '{ ja en }';
const EVENT = `id version kind status title ${TEXT} description ${TEXT} startsAt endsAt timeZone
  venueName ${TEXT} venueAddress capacity organizers { id } programs { id }
  sessions { id version title ${TEXT} startsAt endsAt room
    presentations { id version title ${TEXT} startsAt endsAt room seed { id } presenters { id } } }
  awards { id version prize ${TEXT} presentation { id } }`;
const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT} } }`;
const UPDATE = `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { ${EVENT} } }`;
const MOVE = `mutation ($input: MoveEventInput!) { moveEvent(input: $input) { id version status } }`;
const GET = `query ($id: ID!) { event(id: $id) { ${EVENT} icalendar } }`;
const LIST = `query ($filter: EventsFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status startsAt } } } }`;
const ADD_SESSION = `mutation ($input: AddSessionInput!) { addSession(input: $input) { id version room startsAt endsAt } }`;
const UPDATE_SESSION = `mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id version room } }`;
const REMOVE_SESSION = `mutation ($input: RecordVersionInput!) { removeSession(input: $input) }`;
const ADD_PRESENTATION = `mutation ($input: AddPresentationInput!) {
  addPresentation(input: $input) { id version title ${TEXT} room seed { id } presenters { id } } }`;
const UPDATE_PRESENTATION = `mutation ($input: UpdatePresentationInput!) { updatePresentation(input: $input) { id version room } }`;
const REMOVE_PRESENTATION = `mutation ($input: RecordVersionInput!) { removePresentation(input: $input) }`;
const GIVE = `mutation ($input: GiveAwardInput!) { giveAward(input: $input) { id version prize ${TEXT} presentation { id } } }`;
const REMOVE_AWARD = `mutation ($input: RecordVersionInput!) { removeAward(input: $input) }`;

interface Versioned {
  id: string;
  version: number;
}
interface EventView extends Versioned {
  status: string;
  startsAt: string;
  sessions: (Versioned & {
    room: string | null;
    presentations: (Versioned & { seed: { id: string } | null })[];
  })[];
  awards: (Versioned & { presentation: { id: string } })[];
  organizers: { id: string }[];
  programs: { id: string }[];
  icalendar?: string;
}

let app: TestApp;
let coordinator: Account;
let admin: string;
let member: Account;
let researcher: Account;
let researcherPerson: string;
let otherPerson: string;
let organizationId: string;
let programId: string;
let seedId: string;
let archivedSeedId: string;

// 2026-12-10 in Tokyo (UTC+9)
const jst = (hhmm: string, day = '10') => `2026-12-${day}T${hhmm}:00+09:00`;
const utc = (hhmm: string, day = '10') => new Date(jst(hhmm, day)).toISOString();

const eventInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'EXCHANGE_MEETING',
  title: { ja: '鶴岡バイオ研究交流会', en: 'Tsuruoka Bio Exchange Meeting' },
  description: { ja: '研究者と企業の交流会です。' },
  startsAt: utc('13:00'),
  endsAt: utc('18:00'),
  venue: {
    name: { ja: '鶴岡メタボロームキャンパス', en: 'Tsuruoka Metabolome Campus' },
    address: '山形県鶴岡市覚岸寺',
  },
  capacity: 120,
  organizerIds: [organizationId],
  programIds: [programId],
  ...overrides,
});

const gql = <T>(query: string, variables: Record<string, unknown>, token?: string) =>
  app.gql<T>(query, variables, token);
const create = async (overrides: Record<string, unknown> = {}) =>
  dataOf(
    await gql<{ createEvent: EventView }>(CREATE, { input: eventInput(overrides) }, coordinator.accessToken),
  ).createEvent;
const moveTo = async (event: Versioned, to: string) =>
  dataOf(
    await gql<{ moveEvent: EventView }>(
      MOVE,
      { input: { id: event.id, version: event.version, to } },
      coordinator.accessToken,
    ),
  ).moveEvent;
const get = async (id: string, token: string | undefined) =>
  dataOf(await gql<{ event: EventView }>(GET, { id }, token)).event;
const addSession = (eventId: string, from: string, to: string, room: string | null = 'Hall A') =>
  gql<{ addSession: Versioned & { room: string | null } }>(
    ADD_SESSION,
    {
      input: {
        eventId,
        title: { ja: 'セッション', en: 'Session' },
        startsAt: utc(from),
        endsAt: utc(to),
        room,
      },
    },
    coordinator.accessToken,
  );
const addPresentation = (sessionId: string, from: string, to: string, extra: Record<string, unknown> = {}) =>
  gql<{
    addPresentation: Versioned & {
      title: { ja: string; en: string };
      room: string | null;
      seed: { id: string } | null;
    };
  }>(
    ADD_PRESENTATION,
    {
      input: { sessionId, title: { ja: '発表', en: 'Talk' }, startsAt: utc(from), endsAt: utc(to), ...extra },
    },
    coordinator.accessToken,
  );

/** Rows of every table this library and the audit log write, with the account tables. */
const allRows = async () => {
  const { rows } = await app.db.query(
    `SELECT (SELECT count(*) FROM event)::int AS events, (SELECT count(*) FROM event_session)::int AS sessions,
       (SELECT count(*) FROM presentation)::int AS presentations, (SELECT count(*) FROM award)::int AS awards,
       (SELECT count(*) FROM audit_entry)::int AS audits,
       (SELECT coalesce(sum(version), 0) FROM event)::int AS eventVersions,
       (SELECT coalesce(sum(version), 0) FROM presentation)::int AS presentationVersions`,
  );
  return { ...rows[0], ...(await countAllRows(app)) };
};

/** Calls a mutation that must be refused, and checks nothing at all was written. */
async function refused(
  query: string,
  input: Record<string, unknown>,
  code: string,
  expected: { reason?: string; path?: string },
  token = coordinator.accessToken,
) {
  const before = await allRows();
  const error = expectError(await gql(query, { input }, token), code, expected);
  expect(await allRows()).toEqual(before);
  return error;
}

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), AUTO_PROPOSALS: 'false' });
  admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  const university = await createOrganization(app, admin, 'university', {
    name: { ja: '山形大学', en: 'Yamagata University' },
  });
  const company = await createOrganization(app, admin, 'company', {
    name: { ja: '庄内食品', en: 'Shonai Foods' },
  });
  organizationId = university.id;
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  researcher = await signUpAs(app, 'RESEARCHER', university.id);
  const other = await signUpAs(app, 'RESEARCHER', university.id, {
    name: { ja: '庄内 花子', en: 'Hanako Shonai' },
  });
  for (const account of [member, researcher, other])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  programId = dataOf(
    await gql<{ createProgram: { id: string } }>(
      'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
      { input: { code: 'prog-events-test', name: { ja: '発酵プロジェクト', en: 'Fermentation project' } } },
      coordinator.accessToken,
    ),
  ).createProgram.id;
  const seedInput = (title: string) => ({
    title: { ja: title, en: `${title} (en)` },
    summary: { ja: '要約' },
    fields: ['fermentation-bioprocess'],
    institutionId: university.id,
    trl: 4,
    collaborationTypes: ['joint-research'],
  });
  seedId = (await publishedSeed(app, researcher, seedInput('乳酸菌の発酵調味料'))).id;
  const archived = await publishedSeed(app, researcher, seedInput('古いシーズ'));
  archivedSeedId = archived.id;
  // a researcher's person record is made with their first seed
  await publishedSeed(app, other, seedInput('花子のシーズ'));
  const personOf = async (userId: string) =>
    (await app.db.query(`SELECT id FROM person WHERE user_id = $1`, [userId])).rows[0].id as string;
  researcherPerson = await personOf(researcher.userId);
  otherPerson = await personOf(other.userId);
  dataOf(
    await gql(
      'mutation ($input: RecordVersionInput!) { archiveSeed(input: $input) { id } }',
      { input: { id: archived.id, version: archived.version } },
      researcher.accessToken,
    ),
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('events', () => {
  it('runs an event from draft to archived, with its agenda, awards and calendar', async () => {
    const draft = await create();
    expect(draft).toMatchObject({
      status: 'DRAFT',
      version: 1,
      organizers: [{ id: organizationId }],
      programs: [{ id: programId }],
    });

    const session = dataOf(await addSession(draft.id, '13:00', '15:00')).addSession;
    const talk = dataOf(
      await addPresentation(session.id, '13:00', '13:30', {
        seedId,
        title: null,
        presenterIds: [researcherPerson],
      }),
    ).addPresentation;
    // the seed's title is the default, the session's room the room
    expect(talk.title).toEqual({ ja: '乳酸菌の発酵調味料', en: '乳酸菌の発酵調味料 (en)' });
    expect(talk.room).toBeNull();
    expect(talk.seed).toEqual({ id: seedId });
    const award = dataOf(
      await gql<{ giveAward: Versioned & { presentation: { id: string } } }>(
        GIVE,
        {
          input: { eventId: draft.id, prize: { ja: '最優秀賞', en: 'Grand Prize' }, presentationId: talk.id },
        },
        coordinator.accessToken,
      ),
    ).giveAward;
    expect(award.presentation).toEqual({ id: talk.id });

    const published = await moveTo(draft, 'PUBLISHED');
    expect(published.status).toBe('PUBLISHED');
    const anonymousView = await get(draft.id, undefined);
    expect(anonymousView.sessions[0].presentations.map((p) => p.id)).toEqual([talk.id]);
    expect(anonymousView.awards.map((a) => a.id)).toEqual([award.id]);

    const ics = anonymousView.icalendar!;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('BEGIN:VEVENT');
    // 13:00 in Tokyo is 04:00 UTC
    expect(ics).toMatch(/DTSTART:20261210T040000Z/);
    expect(ics).toMatch(/DTEND:20261210T090000Z/);
    expect(ics).toMatch(new RegExp(`UID:event-${draft.id}@kyoso`));
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(
      'SUMMARY:鶴岡バイオ研究交流会 / Tsuruoka Bio Exchange Meeting',
    );
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain('Asia/Tokyo');
    // the UID stays when the event changes
    const renamed = dataOf(
      await gql<{ updateEvent: EventView }>(
        UPDATE,
        { input: { id: published.id, version: published.version, title: { ja: '改名', en: 'Renamed' } } },
        coordinator.accessToken,
      ),
    ).updateEvent;
    expect((await get(draft.id, coordinator.accessToken)).icalendar).toMatch(
      new RegExp(`UID:event-${draft.id}@kyoso`),
    );

    const closed = await moveTo(renamed, 'CLOSED');
    expectError(
      await gql(
        MOVE,
        { input: { id: closed.id, version: closed.version, to: 'DRAFT' } },
        coordinator.accessToken,
      ),
      'CONFLICT',
      { reason: 'EVENT_ILLEGAL_TRANSITION', path: 'input.to' },
    );
    const archived = await moveTo(closed, 'ARCHIVED');
    expect((await get(draft.id, member.accessToken)).status).toBe('ARCHIVED');
    // an archived event is read-only
    await refused(
      ADD_SESSION,
      { eventId: archived.id, title: { ja: 'x' }, startsAt: utc('15:00'), endsAt: utc('16:00') },
      'CONFLICT',
      {
        reason: 'EVENT_ARCHIVED',
      },
    );
    const audits = await app.db.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY at, id`, [
      draft.id,
    ]);
    expect(audits.rows.map((row: { action: string }) => row.action)).toEqual([
      'created',
      'moved to published',
      'updated',
      'moved to closed',
      'moved to archived',
    ]);
  });

  it('refuses overlapping slots for one presenter or one room, naming the field and the clashing presentation', async () => {
    const event = await create();
    const hallA = dataOf(await addSession(event.id, '13:00', '15:00', 'Hall A')).addSession;
    const hallB = dataOf(await addSession(event.id, '13:00', '15:00', 'Hall B')).addSession;
    const first = dataOf(
      await addPresentation(hallA.id, '13:00', '13:30', { presenterIds: [researcherPerson] }),
    ).addPresentation;

    const presenter = await refused(
      ADD_PRESENTATION,
      {
        sessionId: hallB.id,
        title: { ja: '別の発表' },
        startsAt: utc('13:15'),
        endsAt: utc('13:45'),
        presenterIds: [researcherPerson],
      },
      'CONFLICT',
      { reason: 'PRESENTER_CLASH', path: 'input.presenterIds' },
    );
    expect(JSON.stringify(presenter.extensions.fields)).toContain(first.id);
    const room = await refused(
      ADD_PRESENTATION,
      {
        sessionId: hallA.id,
        title: { ja: '同室' },
        startsAt: utc('13:20'),
        endsAt: utc('13:40'),
        presenterIds: [otherPerson],
      },
      'CONFLICT',
      { reason: 'ROOM_CLASH', path: 'input.room' },
    );
    expect(JSON.stringify(room.extensions.fields)).toContain(first.id);

    // back to back in the same room, and the same time in another room, are fine
    dataOf(await addPresentation(hallA.id, '13:30', '14:00', { presenterIds: [researcherPerson] }));
    const second = dataOf(
      await addPresentation(hallB.id, '13:00', '13:30', { presenterIds: [otherPerson] }),
    ).addPresentation;
    // moving a presentation into a taken room is refused too
    await refused(
      UPDATE_PRESENTATION,
      { id: second.id, version: second.version, room: 'hall a' },
      'CONFLICT',
      {
        reason: 'ROOM_CLASH',
        path: 'input.room',
      },
    );
    // a session renamed into a taken room takes its presentations with it
    await refused(UPDATE_SESSION, { id: hallB.id, version: hallB.version, room: 'Hall A' }, 'CONFLICT', {
      reason: 'ROOM_CLASH',
    });
    const removed = dataOf(
      await gql<{ removePresentation: boolean }>(
        REMOVE_PRESENTATION,
        { input: { id: second.id, version: second.version } },
        coordinator.accessToken,
      ),
    ).removePresentation;
    expect(removed).toBe(true);
    const session = dataOf(
      await gql<{ updateSession: Versioned & { room: string } }>(
        UPDATE_SESSION,
        { input: { id: hallB.id, version: hallB.version, room: 'Hall C' } },
        coordinator.accessToken,
      ),
    ).updateSession;
    expect(session.room).toBe('Hall C');
  });

  it('refuses slots outside the event or session, ends before starts, archived seeds and unknown references', async () => {
    const event = await create();
    const session = dataOf(await addSession(event.id, '14:00', '16:00')).addSession;
    await refused(
      ADD_SESSION,
      { eventId: event.id, title: { ja: 's' }, startsAt: utc('12:00'), endsAt: utc('14:00') },
      'BAD_USER_INPUT',
      {
        reason: 'OUTSIDE_EVENT',
        path: 'input.startsAt',
      },
    );
    await refused(
      ADD_PRESENTATION,
      { sessionId: session.id, title: { ja: 't' }, startsAt: utc('17:30'), endsAt: utc('18:30') },
      'BAD_USER_INPUT',
      { reason: 'OUTSIDE_EVENT', path: 'input.startsAt' },
    );
    await refused(
      ADD_PRESENTATION,
      { sessionId: session.id, title: { ja: 't' }, startsAt: utc('16:30'), endsAt: utc('17:00') },
      'BAD_USER_INPUT',
      { reason: 'OUTSIDE_SESSION', path: 'input.startsAt' },
    );
    await refused(
      ADD_PRESENTATION,
      { sessionId: session.id, title: { ja: 't' }, startsAt: utc('15:00'), endsAt: utc('14:30') },
      'BAD_USER_INPUT',
      { reason: 'ENDS_BEFORE_START', path: 'input.endsAt' },
    );
    await refused(CREATE, eventInput({ startsAt: utc('18:00'), endsAt: utc('13:00') }), 'BAD_USER_INPUT', {
      reason: 'ENDS_BEFORE_START',
      path: 'input.endsAt',
    });
    await refused(
      ADD_PRESENTATION,
      { sessionId: session.id, seedId: archivedSeedId, startsAt: utc('14:00'), endsAt: utc('14:30') },
      'BAD_USER_INPUT',
      { reason: 'SEED_ARCHIVED', path: 'input.seedId' },
    );
    await refused(
      ADD_PRESENTATION,
      { sessionId: session.id, startsAt: utc('14:00'), endsAt: utc('14:30') },
      'BAD_USER_INPUT',
      { reason: 'PRESENTATION_TITLE_REQUIRED', path: 'input.title' },
    );
    await refused(
      ADD_PRESENTATION,
      {
        sessionId: session.id,
        title: { ja: 't' },
        startsAt: utc('14:00'),
        endsAt: utc('14:30'),
        presenterIds: [organizationId],
      },
      'BAD_USER_INPUT',
      { reason: 'EVENT_UNKNOWN_REFERENCE', path: 'input.presenterIds' },
    );
    await refused(CREATE, eventInput({ organizerIds: [programId] }), 'BAD_USER_INPUT', {
      reason: 'EVENT_UNKNOWN_REFERENCE',
      path: 'input.organizerIds',
    });
    await refused(CREATE, eventInput({ programIds: [organizationId] }), 'BAD_USER_INPUT', {
      path: 'input.programIds',
    });
    await refused(CREATE, eventInput({ timeZone: 'Mars/Olympus' }), 'BAD_USER_INPUT', {
      reason: 'INVALID_TIME_ZONE',
      path: 'input.timeZone',
    });
    await refused(CREATE, eventInput({ capacity: 0 }), 'BAD_USER_INPUT', { path: 'input.capacity' });
    // moving the event away from its agenda is refused
    await refused(
      UPDATE,
      { id: event.id, version: event.version, startsAt: utc('15:00') },
      'BAD_USER_INPUT',
      {
        reason: 'OUTSIDE_EVENT',
      },
    );
  });

  it('gives awards only to presentations of the same event, and removes them', async () => {
    const one = await create();
    const other = await create();
    const session = dataOf(await addSession(other.id, '13:00', '14:00')).addSession;
    const talk = dataOf(await addPresentation(session.id, '13:00', '13:30')).addPresentation;
    await refused(GIVE, { eventId: one.id, prize: { ja: '賞' }, presentationId: talk.id }, 'NOT_FOUND', {
      reason: 'PRESENTATION_NOT_FOUND',
      path: 'input.presentationId',
    });
    const award = dataOf(
      await gql<{ giveAward: Versioned }>(
        GIVE,
        {
          input: {
            eventId: other.id,
            prize: { ja: '奨励賞', en: 'Encouragement Award' },
            presentationId: talk.id,
          },
        },
        coordinator.accessToken,
      ),
    ).giveAward;
    await refused(REMOVE_AWARD, { id: award.id, version: award.version + 1 }, 'CONFLICT', {
      reason: 'STALE_VERSION',
    });
    expect(
      dataOf(
        await gql<{ removeAward: boolean }>(
          REMOVE_AWARD,
          { input: { id: award.id, version: award.version } },
          coordinator.accessToken,
        ),
      ).removeAward,
    ).toBe(true);
    expect((await get(other.id, coordinator.accessToken)).awards).toEqual([]);
    // removing a session takes its presentations along
    dataOf(
      await gql(
        REMOVE_SESSION,
        { input: { id: session.id, version: session.version } },
        coordinator.accessToken,
      ),
    );
    expect((await get(other.id, coordinator.accessToken)).sessions).toEqual([]);
  });

  it('shows a draft to staff only: NOT_FOUND, not listed and not counted for everyone else', async () => {
    const draft = await create({ title: { ja: '下書きのイベント', en: 'Draft event' } });
    const published = await moveTo(
      await create({ startsAt: utc('09:00', '11'), endsAt: utc('10:00', '11') }),
      'PUBLISHED',
    );
    const callers: [string, string | undefined][] = [
      ['anonymous', undefined],
      ['company member', member.accessToken],
      ['researcher', researcher.accessToken],
    ];
    const staffList = dataOf(
      await gql<{ events: { totalCount: number; edges: { node: { id: string; status: string } }[] } }>(
        LIST,
        { first: 100 },
        coordinator.accessToken,
      ),
    ).events;
    expect(staffList.edges.map((edge) => edge.node.id)).toContain(draft.id);
    const publicTotal = staffList.edges.filter((edge) => edge.node.status !== 'DRAFT').length;
    for (const [, token] of callers) {
      expectError(await gql(GET, { id: draft.id }, token), 'NOT_FOUND', { reason: 'EVENT_NOT_FOUND' });
      const list = dataOf(
        await gql<{ events: { totalCount: number; edges: { node: { id: string } }[] } }>(
          LIST,
          { first: 100, filter: { status: ['DRAFT', 'PUBLISHED'] } },
          token,
        ),
      ).events;
      expect(list.edges.map((edge) => edge.node.id)).not.toContain(draft.id);
      expect(list.edges.map((edge) => edge.node.id)).toContain(published.id);
      const all = dataOf(await gql<{ events: { totalCount: number } }>(LIST, { first: 100 }, token)).events;
      expect(all.totalCount).toBe(publicTotal);
      // a draft answers exactly as an unknown id
      const unknown = await gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, token);
      const hidden = await gql(GET, { id: draft.id }, token);
      expect(JSON.stringify(hidden.errors).replaceAll(draft.id, 'X')).toBe(
        JSON.stringify(unknown.errors).replaceAll('00000000-0000-4000-8000-000000000000', 'X'),
      );
    }
    // and only staff may write
    await refused(CREATE, eventInput(), 'FORBIDDEN', {}, researcher.accessToken);
  });

  it('lists soonest first, pages, and filters by kind, program and time', async () => {
    const seminar = await moveTo(
      await create({
        kind: 'SEMINAR',
        programIds: [],
        startsAt: utc('09:00', '20'),
        endsAt: utc('10:00', '20'),
      }),
      'PUBLISHED',
    );
    const summit = await moveTo(
      await create({ kind: 'SUMMIT', startsAt: utc('09:00', '21'), endsAt: utc('17:00', '21') }),
      'PUBLISHED',
    );
    const list = async (filter: Record<string, unknown>, first = 100, after?: string) =>
      dataOf(
        await gql<{
          events: {
            totalCount: number;
            pageInfo: { endCursor: string; hasNextPage: boolean };
            edges: { node: { id: string; startsAt: string } }[];
          };
        }>(LIST, { filter, first, after }),
      ).events;
    const all = await list({});
    const starts = all.edges.map((edge) => edge.node.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect((await list({ kinds: ['SEMINAR', 'SUMMIT'] })).edges.map((edge) => edge.node.id)).toEqual([
      seminar.id,
      summit.id,
    ]);
    expect(
      (await list({ kinds: ['SEMINAR', 'SUMMIT'], programId })).edges.map((edge) => edge.node.id),
    ).toEqual([summit.id]);
    expect((await list({ from: utc('00:00', '21') })).edges.map((edge) => edge.node.id)).toEqual([summit.id]);
    expect((await list({ to: utc('00:00', '11') })).edges.map((edge) => edge.node.id)).not.toContain(
      summit.id,
    );
    const first = await list({}, 1);
    const second = await list({}, 1, first.pageInfo.endCursor);
    expect(second.edges[0].node.id).toBe(all.edges[1].node.id);
    expectError(await gql(LIST, { first: 1, after: 'not-a-cursor' }), 'BAD_USER_INPUT', { path: 'after' });
  });

  it('refuses a stale version with a typed conflict and changes nothing', async () => {
    const event = await create();
    const updated = dataOf(
      await gql<{ updateEvent: EventView }>(
        UPDATE,
        { input: { id: event.id, version: event.version, capacity: 80 } },
        coordinator.accessToken,
      ),
    ).updateEvent;
    expect(updated.version).toBe(event.version + 1);
    await refused(UPDATE, { id: event.id, version: event.version, capacity: 90 }, 'CONFLICT', {
      reason: 'STALE_VERSION',
    });
    await refused(MOVE, { id: event.id, version: event.version, to: 'PUBLISHED' }, 'CONFLICT', {
      reason: 'STALE_VERSION',
    });
    expect((await get(event.id, coordinator.accessToken)).status).toBe('DRAFT');
  });

  it('shows a linked seed only to viewers who may read it', async () => {
    const event = await create();
    const session = dataOf(await addSession(event.id, '13:00', '14:00')).addSession;
    const seed = await publishedSeed(app, researcher, {
      title: { ja: '後で下書きに戻るシーズ' },
      summary: { ja: '要約' },
      fields: ['fermentation-bioprocess'],
      institutionId: organizationId,
      trl: 3,
      collaborationTypes: ['joint-research'],
    });
    const talk = dataOf(
      await addPresentation(session.id, '13:00', '13:30', { seedId: seed.id }),
    ).addPresentation;
    await moveTo(await get(event.id, coordinator.accessToken), 'PUBLISHED');
    expect((await get(event.id, undefined)).sessions[0].presentations[0].seed).toEqual({ id: seed.id });
    await app.db.query(`UPDATE research_seed SET status = 'draft' WHERE id = $1`, [seed.id]);
    expect((await get(event.id, undefined)).sessions[0].presentations[0].seed).toBeNull();
    expect((await get(event.id, member.accessToken)).sessions[0].presentations[0].seed).toBeNull();
    expect((await get(event.id, coordinator.accessToken)).sessions[0].presentations[0]).toMatchObject({
      id: talk.id,
      seed: { id: seed.id },
    });
  });
  it('lists a presenter’s presentations in their export, and takes them off the agenda when they close their account', async () => {
    const event = await moveTo(await create(), 'PUBLISHED');
    const session = dataOf(await addSession(event.id, '13:00', '14:00')).addSession;
    const closing = await signUpAs(app, 'RESEARCHER', organizationId, {
      name: { ja: '退会 する', en: 'Leaving Soon' },
    });
    await decideAffiliation(app, coordinator.accessToken, closing.userId, 'approve');
    dataOf(
      await gql(
        'mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id } }',
        { input: { title: '講師' } },
        closing.accessToken,
      ),
    );
    const person = (await app.db.query(`SELECT id FROM person WHERE user_id = $1`, [closing.userId])).rows[0]
      .id as string;
    const talk = dataOf(
      await addPresentation(session.id, '13:00', '13:30', { presenterIds: [person, researcherPerson] }),
    ).addPresentation;

    const exported = JSON.parse(
      dataOf(
        await gql<{ exportMyData: { json: string } }>(
          'query { exportMyData { json } }',
          {},
          closing.accessToken,
        ),
      ).exportMyData.json,
    );
    expect(exported.events.presentations.map((p: { id: string }) => p.id)).toEqual([talk.id]);

    dataOf(
      await gql(
        'mutation ($password: String!) { closeMyAccount(currentPassword: $password) { closedAt } }',
        { password: closing.password },
        closing.accessToken,
      ),
    );
    const presenters = (await get(event.id, undefined)).sessions[0].presentations as unknown as {
      id: string;
      presenters: { id: string }[];
    }[];
    expect(presenters.map((p) => p.id)).toEqual([talk.id]);
    expect(presenters[0].presenters).toEqual([{ id: researcherPerson }]);
    const { rows } = await app.db.query(`SELECT presenter_ids FROM presentation WHERE id = $1`, [talk.id]);
    expect(rows[0].presenter_ids).toEqual([researcherPerson]);
  });
});
