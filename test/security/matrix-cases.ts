import { createHash, randomUUID } from 'node:crypto';
import {
  DEFAULT_PASSWORD,
  emailsTo,
  publishedSeed,
  SIGN_UP,
  signIn,
  signUpAs,
  signUpToken,
  uniqueEmail,
} from '../support/fixtures.js';
import type { Role } from './authorization-matrix.js';
import type { Variables } from './matrix-requests.js';
import {
  createRecord,
  NEED_INPUT,
  proposalAt,
  SEED_INPUT,
  versionOf,
  type Caller,
  type World,
} from './matrix-world.js';

/** How a row is tried when minimal generated arguments would not reach a realistic target. */
export interface Case {
  /** What the row acts on, made anew after a call that got through (that call may have used it up). */
  fresh?: (world: World) => Promise<Variables>;
  /** Arguments, over the generated ones; `target` is what `fresh` made. Run just before each call. */
  args?: (world: World, target: Variables, role: Role, caller: Caller) => Promise<Variables> | Variables;
  /** Each caller signs in anew and calls with that session (the call may end it). */
  ownSession?: boolean;
  /** The call may end the caller's other sessions: its standing session is opened anew after it. */
  endsOtherSessions?: boolean;
  /**
   * The call changes the caller's own account (its organization): run just before the call, it may
   * prepare the account, and returns what puts the account back as it was, run just after the call.
   */
  aroundCaller?: (world: World, role: Role) => Promise<() => Promise<void>>;
  /** The call uses up the caller itself (closeMyAccount): each column calls as a new account like its caller. */
  throwawayCaller?: boolean;
}

const bilingual = (ja: string, en: string) => ({ ja, en });
const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

/** The organization each caller belongs to (staff have none: A, refused anyway). */
const OWN_ORGANIZATION: Record<Role, keyof World['org']> = {
  anonymous: 'A',
  pending: 'A',
  rejected: 'X',
  researcherA: 'A',
  peerA: 'A',
  researcherB: 'B',
  memberX: 'X',
  memberY: 'Y',
  coordinator: 'A',
  admin: 'A',
};

/** Hand-written targets: whose record each row acts on (see the target column of the matrix). */
export const CASES: Record<string, Case> = {
  'Query.candidatesForCompany': { args: (w) => ({ organizationId: w.org.X }) },
  'Query.candidatesForNeed': { args: (w) => ({ needId: w.needX }) },
  'Query.candidatesForSeed': { args: (w) => ({ seedId: w.seedA }) },
  'Query.declineReasons': { args: (w) => ({ institutionId: w.org.A }) },
  'Query.need': { args: (w) => ({ id: w.secretNeedX }) },
  'Query.organization': { args: (w) => ({ id: w.org.A }) },
  'Query.organizationMembers': { args: (w) => ({ organizationId: w.org.A }) },
  'Query.person': { args: (w) => ({ id: w.personA }) },
  'Query.program': { args: (w) => ({ id: w.program }) },
  'Query.kpis': { args: (w) => ({ fiscalYear: 2026, programId: w.program }) },
  'Query.externalFigures': { args: (w) => ({ programId: w.program }) },
  'Mutation.setKpiTarget': {
    args: (w) => ({ input: { programId: w.program, kpi: 'NEW_SEEDS', fromFiscalYear: 2026, value: 5 } }),
  },
  'Mutation.recordExternalFigure': {
    args: (w) => ({
      input: {
        programId: w.program,
        kpi: 'COHORT_CONSENTS',
        label: bilingual('同意者数', 'Consents'),
        value: 10,
        date: '2026-06-01',
        sourceText: '事務局報告 / secretariat report',
      },
    }),
  },
  'Query.proposal': { args: (w) => ({ id: w.proposal }) },
  'Query.seed': { args: (w) => ({ id: w.draftA }) },

  'Mutation.acceptNda': { args: (w) => ({ input: { proposalId: w.proposal, textVersion: w.ndaVersion } }) },
  'Mutation.approveAffiliation': { fresh: pendingAccount, args: (_, target) => ({ input: target }) },
  'Mutation.rejectAffiliation': { fresh: pendingAccount, args: (_, target) => ({ input: target }) },
  'Mutation.archiveSeed': {
    fresh: async (w) => ({ id: await newPublishedSeedA(w) }),
    args: async (w, { id }) => ({
      input: { id, version: await versionOf(w.app, 'research_seed', id as string) },
    }),
  },
  'Mutation.publishSeed': {
    fresh: async (w) => ({ id: await newDraftA(w) }),
    args: async (w, { id }) => ({
      input: { id, version: await versionOf(w.app, 'research_seed', id as string) },
    }),
  },
  'Mutation.renewSeed': {
    args: async (w) => ({
      input: { id: w.seedA, version: await versionOf(w.app, 'research_seed', w.seedA) },
    }),
  },
  'Mutation.createSeed': { args: (w) => ({ input: SEED_INPUT(w.org.A) }) },
  'Mutation.updateSeed': {
    args: async (w) => ({
      input: { id: w.seedA, version: await versionOf(w.app, 'research_seed', w.seedA), keywords: ['乳酸菌'] },
    }),
  },
  'Mutation.createNeed': { args: (w) => ({ input: NEED_INPUT(w.org.X) }) },
  'Mutation.updateNeed': {
    args: async (w) => ({
      input: { id: w.needX, version: await versionOf(w.app, 'company_need', w.needX), trlMin: 3 },
    }),
  },
  'Mutation.closeNeed': {
    fresh: async (w) => ({ id: await newNeedX(w) }),
    args: async (w, { id }) => ({
      input: { id, version: await versionOf(w.app, 'company_need', id as string) },
    }),
  },
  'Mutation.createOrganization': {
    args: () => ({
      input: { type: 'company', name: bilingual(unique('新組織'), unique('New organization')) },
    }),
  },
  'Mutation.updateOrganization': {
    args: async (w) => ({
      input: { id: w.org.A, version: await versionOf(w.app, 'organization', w.org.A), city: '鶴岡市' },
    }),
  },
  'Mutation.updateMyProfile': {
    args: () => ({ input: { title: '教授', orcid: '0000-0002-1825-0097' } }),
  },
  'Mutation.updateMyOrganization': {
    // each caller edits their own organization, at its current version
    args: async (w, _, caller) => {
      const own = OWN_ORGANIZATION[caller];
      return {
        input: {
          version: await versionOf(w.app, 'organization', w.org[own]),
          website: 'https://example.jp/',
        },
      };
    },
  },
  'Mutation.createProgram': {
    args: () => ({ input: { code: unique('prog'), name: bilingual('新プログラム', 'New program') } }),
  },
  'Mutation.updateProgram': {
    args: async (w) => ({
      input: {
        id: w.program,
        version: await versionOf(w.app, 'program', w.program),
        name: bilingual('改名プログラム', 'Renamed program'),
      },
    }),
  },
  'Mutation.createStaffAccount': {
    args: () => ({
      input: {
        email: uniqueEmail('staff'),
        password: `${DEFAULT_PASSWORD}-staff`,
        role: 'COORDINATOR',
        name: bilingual('職員', 'Staff'),
      },
    }),
  },
  'Mutation.importCatalog': {
    args: () => ({
      input: {
        dryRun: true,
        ndjson: JSON.stringify({
          kind: 'organization',
          externalId: unique('org'),
          name: { ja: '輸入' },
          type: 'company',
        }),
      },
    }),
  },
  'Mutation.proposeMatch': {
    fresh: async (w) => ({ needId: await newNeedX(w) }),
    args: (w, { needId }) => ({ input: { needId, seedId: w.seedA } }),
  },
  'Mutation.requestIntroduction': {
    fresh: async (w) => ({ seedId: await newPublishedSeedA(w) }),
    args: (_, target) => ({ input: target }),
  },
  'Mutation.moveProposal': {
    fresh: async (w) => ({
      id: await proposalAt(w.app, w.accounts.coordinator.accessToken, await newNeedX(w), w.seedA, [
        'SHORTLISTED',
        'INTRODUCED',
      ]),
    }),
    args: async (w, { id }) => ({
      input: { id, version: await versionOf(w.app, 'match_proposal', id as string), to: 'MEETING' },
    }),
  },
  'Mutation.saveSearch': { args: () => ({ input: { name: unique('search'), query: '乳酸菌' } }) },
  'Mutation.deleteSavedSearch': {
    fresh: async (w) => ({
      id: await createRecord(w.app, w.accounts.memberX.accessToken, 'saveSearch', 'SaveSearchInput', {
        name: unique('search'),
      }),
    }),
    args: (_, target) => target,
  },
  'Mutation.signIn': {
    args: (w) => ({
      input: { email: w.accounts.researcherA.email, password: w.accounts.researcherA.password },
    }),
  },
  'Mutation.signUp': {
    args: (w) => ({
      input: {
        email: uniqueEmail('signup'),
        password: DEFAULT_PASSWORD,
        role: 'RESEARCHER',
        organizationId: w.org.B,
        name: bilingual('新人', 'Newcomer'),
      },
    }),
  },
  'Mutation.refreshToken': {
    fresh: async (w) => ({
      refreshToken: (await signIn(w.app, w.accounts.researcherA.email, w.accounts.researcherA.password))
        .refreshToken,
    }),
    args: (_, target) => target,
  },
  'Mutation.signOut': { ownSession: true },
  'Mutation.signOutEverywhere': { ownSession: true, endsOtherSessions: true },
  // the caller's own password, set again: every caller keeps signing in with it
  'Mutation.changePassword': {
    ownSession: true,
    endsOtherSessions: true,
    args: (w, _, role) => {
      const password = w.callers[role]?.password ?? DEFAULT_PASSWORD;
      return { currentPassword: password, newPassword: password };
    },
  },
  // closes the caller: each column is a new account of the caller's kind, closed with its own password
  'Mutation.closeMyAccount': {
    throwawayCaller: true,
    args: (_w, _target, _role, caller) => ({ currentPassword: caller?.password ?? DEFAULT_PASSWORD }),
  },
  // the caller's own preferences, set to what they already are (the default)
  'Mutation.updatePreferences': { args: () => ({ input: { language: 'JA' } }) },
  'Mutation.requestPasswordReset': { args: (w) => ({ email: w.accounts.researcherA.email }) },
  'Mutation.resetPassword': {
    fresh: resetLink,
    args: (_, target) => ({ ...target, newPassword: `${DEFAULT_PASSWORD}-reset` }),
  },
  'Mutation.revokeSession': {
    fresh: async (w) => ({ id: await newSessionOf(w, w.accounts.researcherA) }),
    args: (_, target) => target,
  },
  'Mutation.verifyEmail': { fresh: confirmationLink, args: (_, target) => target },
  'Mutation.inviteColleague': {
    args: (w) => ({ input: { email: uniqueEmail('invited'), organizationId: w.org.A } }),
  },
  'Mutation.acceptInvitation': {
    fresh: invitationLink,
    args: (_, target) => ({
      input: { ...target, password: DEFAULT_PASSWORD, name: bilingual('招待', 'Invited') },
    }),
  },
  'Mutation.revokeInvitation': { fresh: invitationOfResearcherA, args: (_, target) => target },
  // the caller's own account, to an address nobody has: nothing changes until the link is opened
  'Mutation.requestEmailChange': {
    args: (w, _, role) => ({
      input: {
        newEmail: uniqueEmail('moving'),
        currentPassword: w.callers[role]?.password ?? DEFAULT_PASSWORD,
      },
    }),
  },
  'Mutation.confirmEmailChange': { fresh: emailChangeLink, args: (_, target) => target },
  'Mutation.resendVerificationEmail': { fresh: unconfirmedSignUp, args: (_, target) => target },
  // the caller leaves its own organization; the world's caller is put back in it after
  'Mutation.leaveOrganization': { aroundCaller: (w, role) => keepAffiliation(w, role) },
  // the caller, taken out of its organization, asks to join it again; put back as it was after
  'Mutation.requestAffiliation': {
    aroundCaller: async (w, role) => {
      const putBack = await keepAffiliation(w, role);
      const caller = w.callers[role];
      if (caller)
        await w.app.db.query(
          `UPDATE "user" SET organization_id = NULL, affiliation_status = 'none'
            WHERE email = $1 AND role IN ('researcher', 'company-member')`,
          [caller.email.toLowerCase()],
        );
      return putBack;
    },
    args: (w, _, role) => ({ organizationId: w.org[OWN_ORGANIZATION[role]] }),
  },
  'Mutation.deactivateAccount': {
    fresh: pendingAccount,
    args: (_, target) => ({ input: { ...target, reason: '試験 / test' } }),
  },
  'Mutation.reactivateAccount': {
    fresh: async (w) => {
      const target = await pendingAccount(w);
      await w.app.db.query(`UPDATE "user" SET deactivated_at = now() WHERE id = $1`, [target.userId]);
      return target;
    },
    args: (_, target) => target,
  },

  'Query.event': { args: async (w) => ({ id: (await draftEventOf(w)).eventId }) },
  'Query.eventRegistrations': { args: async (w) => ({ eventId: (await draftEventOf(w)).eventId }) },
  'Query.eventRoster': { args: async (w) => ({ eventId: (await draftEventOf(w)).eventId }) },
  'Mutation.registerForEvent': {
    fresh: async (w) => ({ eventId: await newPublishedEvent(w) }),
    args: (_, { eventId }, role) => ({
      input: {
        eventId,
        ...(role === 'anonymous'
          ? {
              guest: {
                name: bilingual('来場 太郎', 'Taro Raijo'),
                organization: '庄内商工会議所',
                email: uniqueEmail('guest'),
              },
            }
          : {}),
      },
    }),
  },
  'Mutation.cancelRegistration': { fresh: newRegistrationA, args: (_, { id }) => ({ input: { id } }) },
  'Mutation.checkIn': { fresh: newRegistrationA, args: (_, { id }) => ({ id }) },
  'Mutation.createEvent': { args: () => ({ input: EVENT_INPUT }) },
  'Mutation.updateEvent': {
    fresh: newAgenda,
    args: async (w, { eventId }) => ({
      input: { id: eventId, version: await eventsVersionOf(w, 'event', eventId), capacity: 50 },
    }),
  },
  'Mutation.moveEvent': {
    fresh: newAgenda,
    args: async (w, { eventId }) => ({
      input: { id: eventId, version: await eventsVersionOf(w, 'event', eventId), to: 'PUBLISHED' },
    }),
  },
  'Mutation.addSession': {
    fresh: newAgenda,
    args: (_, { eventId }) => ({
      input: {
        eventId,
        title: bilingual('午後の部', 'Afternoon'),
        startsAt: at('15:00'),
        endsAt: at('16:00'),
      },
    }),
  },
  'Mutation.updateSession': {
    fresh: newAgenda,
    args: async (w, { sessionId }) => ({
      input: { id: sessionId, version: await eventsVersionOf(w, 'event_session', sessionId), room: 'Hall B' },
    }),
  },
  'Mutation.removeSession': {
    fresh: newAgenda,
    args: async (w, { sessionId }) => ({
      input: { id: sessionId, version: await eventsVersionOf(w, 'event_session', sessionId) },
    }),
  },
  'Mutation.addPresentation': {
    fresh: newAgenda,
    args: (_, { sessionId }) => ({
      input: { sessionId, title: bilingual('発表', 'Talk'), startsAt: at('14:00'), endsAt: at('14:30') },
    }),
  },
  'Mutation.updatePresentation': {
    fresh: newAgenda,
    args: async (w, { presentationId }) => ({
      input: {
        id: presentationId,
        version: await eventsVersionOf(w, 'presentation', presentationId),
        title: bilingual('改題', 'Retitled'),
      },
    }),
  },
  'Mutation.removePresentation': {
    fresh: newAgenda,
    args: async (w, { presentationId }) => ({
      input: { id: presentationId, version: await eventsVersionOf(w, 'presentation', presentationId) },
    }),
  },
  'Mutation.giveAward': {
    fresh: newAgenda,
    args: (_, { eventId, presentationId }) => ({
      input: { eventId, presentationId, prize: bilingual('優秀賞', 'Excellence Award') },
    }),
  },
  'Mutation.removeAward': {
    fresh: newAgenda,
    args: async (w, { awardId }) => ({
      input: { id: awardId, version: await eventsVersionOf(w, 'award', awardId) },
    }),
  },
};

const INVITE = 'mutation ($input: InviteColleagueInput!) { inviteColleague(input: $input) { email } }';

/** A coordinator's invitation to B, by the token of its e-mailed link (the link's holder accepts it). */
async function invitationLink(w: World): Promise<Variables> {
  const email = uniqueEmail('invitee');
  await w.app.gql(INVITE, { input: { email, organizationId: w.org.B } }, w.accounts.coordinator.accessToken);
  const bodies = await emailsTo(w.app, email);
  return {
    token: bodies.map((mail) => /accept-invitation#token=([\w-]+)/.exec(mail.body)?.[1]).find(Boolean),
  };
}

/** A pending invitation researcherA sent, by id. */
async function invitationOfResearcherA(w: World): Promise<Variables> {
  const email = uniqueEmail('invitee');
  await w.app.gql(INVITE, { input: { email } }, w.accounts.researcherA.accessToken);
  const { rows } = await w.app.db.query<{ id: string }>('SELECT id FROM invitation WHERE email = $1', [
    email,
  ]);
  return { id: rows[0].id };
}

/** The change link of a new account (any caller may open it: it is the link's holder who moves the account). */
async function emailChangeLink(w: World): Promise<Variables> {
  const account = await signUpAs(w.app, 'RESEARCHER', w.org.B);
  const newEmail = uniqueEmail('moved');
  await w.app.gql(
    'mutation ($input: RequestEmailChangeInput!) { requestEmailChange(input: $input) { email } }',
    { input: { newEmail, currentPassword: account.password } },
    account.accessToken,
  );
  const bodies = await emailsTo(w.app, newEmail);
  const token = bodies.map((mail) => /confirm-email#token=([\w-]+)/.exec(mail.body)?.[1]).find(Boolean);
  return { token };
}

/** The address of a new sign-up whose link was not opened yet. */
async function unconfirmedSignUp(w: World): Promise<Variables> {
  const email = uniqueEmail('unconfirmed');
  const input = { email, password: DEFAULT_PASSWORD, role: 'RESEARCHER', organizationId: w.org.B };
  await w.app.gql(SIGN_UP, { input: { ...input, name: bilingual('新人', 'Newcomer') } });
  return { email };
}

/** What puts the caller's affiliation (and the link to its directory person) back as it is now. */
async function keepAffiliation(w: World, role: Role): Promise<() => Promise<void>> {
  const caller = w.callers[role];
  if (!caller) return async () => {};
  const columns =
    'organization_id, affiliation_status, affiliation_decided_by, affiliation_decided_at, affiliation_note';
  const { rows } = await w.app.db.query<Record<string, unknown> & { id: string }>(
    `SELECT id, ${columns} FROM "user" WHERE email = $1`,
    [caller.email.toLowerCase()],
  );
  const was = rows[0];
  const person = await w.app.db.query<{ id: string }>(`SELECT id FROM person WHERE user_id = $1`, [was.id]);
  return async () => {
    await w.app.db.query(`UPDATE "user" SET (${columns}) = ($2, $3, $4, $5, $6) WHERE id = $1`, [
      was.id,
      was.organization_id,
      was.affiliation_status,
      was.affiliation_decided_by,
      was.affiliation_decided_at,
      was.affiliation_note,
    ]);
    for (const { id } of person.rows)
      await w.app.db.query(`UPDATE person SET user_id = $2 WHERE id = $1`, [id, was.id]);
  };
}

/** A new sign-up's one-time link (any caller may open it: it is the link's holder who signs in). */
async function confirmationLink(w: World): Promise<Variables> {
  const email = uniqueEmail('link');
  const input = { email, password: DEFAULT_PASSWORD, role: 'RESEARCHER', organizationId: w.org.B };
  await w.app.gql(SIGN_UP, { input: { ...input, name: bilingual('新人', 'Newcomer') } });
  return { token: await signUpToken(w.app, email) };
}

/** A reset link of a new account (any caller may open it: it is the link's holder who resets). */
async function resetLink(w: World): Promise<Variables> {
  const account = await signUpAs(w.app, 'RESEARCHER', w.org.B);
  await w.app.gql('mutation ($email: String!) { requestPasswordReset(email: $email) { message { en } } }', {
    email: account.email,
  });
  const bodies = await emailsTo(w.app, account.email);
  const token = bodies.map((mail) => /reset-password#token=([\w-]+)/.exec(mail.body)?.[1]).find(Boolean);
  return { token };
}

/** A new session of the account, by id. */
async function newSessionOf(w: World, account: { email: string; password: string }): Promise<string> {
  const session = await signIn(w.app, account.email, account.password);
  const { rows } = await w.app.db.query<{ id: string }>(
    `SELECT s.id FROM session s JOIN refresh_token t ON t.session_id = s.id WHERE t.token_hash = $1`,
    [createHash('sha256').update(session.refreshToken).digest('hex')],
  );
  return rows[0].id;
}

async function pendingAccount(w: World): Promise<Variables> {
  return { userId: (await signUpAs(w.app, 'RESEARCHER', w.org.B)).userId };
}

function newNeedX(w: World): Promise<string> {
  return createRecord(
    w.app,
    w.accounts.memberX.accessToken,
    'createNeed',
    'CreateNeedInput',
    NEED_INPUT(w.org.X),
  );
}

function newDraftA(w: World): Promise<string> {
  const token = w.accounts.researcherA.accessToken;
  return createRecord(w.app, token, 'createSeed', 'CreateSeedInput', SEED_INPUT(w.org.A));
}

async function newPublishedSeedA(w: World): Promise<string> {
  return (await publishedSeed(w.app, w.accounts.researcherA, SEED_INPUT(w.org.A))).id;
}

// Events: a draft event of 2026-12-10 13:00–18:00 (Tokyo) with a session, a presentation and an award.
const at = (hhmm: string) => new Date(`2026-12-10T${hhmm}:00+09:00`).toISOString();
const EVENT_INPUT = {
  kind: 'EXCHANGE_MEETING',
  title: bilingual('研究交流会', 'Exchange meeting'),
  startsAt: at('13:00'),
  endsAt: at('18:00'),
  venue: { name: bilingual('会場', 'Venue') },
};

async function newAgenda(w: World): Promise<Variables> {
  const token = w.accounts.coordinator.accessToken;
  const eventId = await createRecord(w.app, token, 'createEvent', 'CreateEventInput', EVENT_INPUT);
  const sessionId = await createRecord(w.app, token, 'addSession', 'AddSessionInput', {
    eventId,
    title: bilingual('第一部', 'Part one'),
    startsAt: at('13:00'),
    endsAt: at('15:00'),
    room: 'Hall A',
  });
  const presentationId = await createRecord(w.app, token, 'addPresentation', 'AddPresentationInput', {
    sessionId,
    title: bilingual('基調講演', 'Keynote'),
    startsAt: at('13:00'),
    endsAt: at('13:30'),
  });
  const awardId = await createRecord(w.app, token, 'giveAward', 'GiveAwardInput', {
    eventId,
    presentationId,
    prize: bilingual('最優秀賞', 'Grand Prize'),
  });
  return { eventId, sessionId, presentationId, awardId };
}

async function newPublishedEvent(w: World): Promise<string> {
  const token = w.accounts.coordinator.accessToken;
  const eventId = await createRecord(w.app, token, 'createEvent', 'CreateEventInput', EVENT_INPUT);
  const version = await eventsVersionOf(w, 'event', eventId);
  await createRecord(w.app, token, 'moveEvent', 'MoveEventInput', { id: eventId, version, to: 'PUBLISHED' });
  return eventId;
}

/** researcherA's registration for a new published event. */
async function newRegistrationA(w: World): Promise<Variables> {
  const eventId = await newPublishedEvent(w);
  const id = await createRecord(
    w.app,
    w.accounts.researcherA.accessToken,
    'registerForEvent',
    'RegisterForEventInput',
    {
      eventId,
    },
  );
  return { eventId, id };
}

const draftEvents = new WeakMap<World, Promise<Variables>>();
/** One draft event per world for the read rows (nothing uses it up). */
function draftEventOf(w: World): Promise<Variables> {
  if (!draftEvents.has(w)) draftEvents.set(w, newAgenda(w));
  return draftEvents.get(w)!;
}

async function eventsVersionOf(
  w: World,
  table: 'event' | 'event_session' | 'presentation' | 'award',
  id: unknown,
): Promise<number> {
  const { rows } = await w.app.db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [
    id,
  ]);
  return rows[0].version;
}
