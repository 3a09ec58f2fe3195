import request from 'supertest';
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
} from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  DRAFT_EXTERNAL_ID,
  DRAFT_FIELD,
  NEED_EXTERNAL_ID,
  PROGRAM,
  ROLE_HIDES,
  type Role,
  type World,
} from './world.js';

const CREATE_SEED = 'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version } }';
const CREATE_NEED = 'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }';
const MOVE = 'mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version state } }';
const PROPOSE = 'mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id version state } }';
const REQUEST =
  'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id version state } }';
const PAIR = `query ($needId: ID, $seedId: ID) { proposals(needId: $needId, seedId: $seedId, first: 20) {
  edges { node { id version state } } } }`;

const CREATE_EVENT = 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id version } }';
const MOVE_EVENT = 'mutation ($input: MoveEventInput!) { moveEvent(input: $input) { id version } }';
const ADD_SESSION = 'mutation ($input: AddSessionInput!) { addSession(input: $input) { id version } }';
const ADD_PRESENTATION =
  'mutation ($input: AddPresentationInput!) { addPresentation(input: $input) { id version } }';
const GIVE_AWARD = 'mutation ($input: GiveAwardInput!) { giveAward(input: $input) { id version } }';

interface Step {
  id: string;
  version: number;
  state: string;
}

async function write<T>(app: TestApp, mutation: string, input: object, token: string): Promise<T> {
  return Object.values(dataOf(await app.gql<Record<string, T>>(mutation, { input }, token)))[0];
}

/**
 * Waits until the index caught up (as /health tells an admin: details are off for everyone else)
 * and the matcher, which runs after it, stopped filing proposals.
 */
export async function settle(app: TestApp, admin: string): Promise<void> {
  await until(async () => {
    const { body } = await request(app.url).get('/health').set('authorization', `Bearer ${admin}`);
    return body.checks.search.status === 'up' && body.checks.search.outbox.pending === 0 ? true : undefined;
  }, 20_000);
  const count = async () =>
    (
      await app.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM match_proposal)::int + (SELECT count(*) FROM notification)::int AS n',
      )
    ).rows[0].n;
  let last = -1;
  let stable = 0;
  await until(async () => {
    const now = await count();
    stable = now === last ? stable + 1 : 0;
    last = now;
    return stable >= 3 ? true : undefined;
  });
}

/**
 * Edits X's confidential needs once every record is indexed, so the matcher files its proposals
 * for them (with the text reasons it computes for coordinators) whatever order indexing took.
 */
async function rematch(app: TestApp, p: People, needIds: string[]) {
  for (const id of needIds) {
    const { need } = dataOf(
      await app.gql<{ need: { version: number } }>(
        'query ($id: ID) { need(id: $id) { version } }',
        { id },
        p.memberX.accessToken,
      ),
    );
    await write(
      app,
      'mutation ($input: UpdateNeedInput!) { updateNeed(input: $input) { id } }',
      { id, version: need.version, trlMax: 9 },
      p.memberX.accessToken,
    );
  }
}

/** Organizations A, B (universities), X, Y (companies), the program, and the accounts. */
async function people(app: TestApp, admin: string) {
  const coordinator = await createStaff(app, admin);
  const place = { prefecture: '山形県', city: '鶴岡市' };
  const org = (type: string, en: string) => createOrganization(app, admin, type, { name: { en }, ...place });
  const [A, B, X, Y] = await Promise.all([
    org('university', 'University A'),
    org('university', 'University B'),
    org('company', 'Company X'),
    org('company', 'Company Y'),
  ]);
  await write(
    app,
    'mutation ($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    { code: PROGRAM, name: { en: 'Fermentation cluster' } },
    coordinator.accessToken,
  );
  const [researcherA, colleagueA, researcherB, memberX, memberY, pendingX, pendingA] = await Promise.all([
    signUpAs(app, 'RESEARCHER', A.id),
    signUpAs(app, 'RESEARCHER', A.id),
    signUpAs(app, 'RESEARCHER', B.id),
    signUpAs(app, 'COMPANY_MEMBER', X.id),
    signUpAs(app, 'COMPANY_MEMBER', Y.id),
    signUpAs(app, 'COMPANY_MEMBER', X.id),
    signUpAs(app, 'RESEARCHER', A.id),
  ]);
  await Promise.all(
    [researcherA, colleagueA, researcherB, memberX, memberY].map((account) =>
      decideAffiliation(app, coordinator.accessToken, account.userId, 'approve'),
    ),
  );
  return {
    coordinator,
    orgs: { A, B, X, Y },
    researcherA,
    colleagueA,
    researcherB,
    memberX,
    memberY,
    pendingX,
    pendingA,
  };
}
type People = Awaited<ReturnType<typeof people>>;

const seedText = (title: string, summary: string) => ({
  title: { en: title },
  summary: { en: summary },
  fields: ['fermentation-bioprocess'],
  trl: 4,
  collaborationTypes: ['joint-research'],
  programCodes: [PROGRAM],
});

/** Published seeds of A and B, and A's two drafts with the draft markers (one keyed, by a coordinator). */
async function seeds(app: TestApp, p: People) {
  const staff = p.coordinator.accessToken;
  const draftInput = {
    title: { en: 'Plimvorant fermentation sensors', ja: 'プリムヴォラント発酵センサー' },
    summary: { en: 'A drextonal film that follows fermentation.', ja: 'ドレクストナル膜で発酵を追う。' },
    keywords: ['glimbracite'],
    applications: ['snorfelwick'],
    fields: [DRAFT_FIELD],
    programCodes: [PROGRAM],
    institutionId: p.orgs.A.id,
  };
  const [a, b] = await Promise.all([
    publishedSeed(app, p.researcherA, {
      ...seedText('Koji fermentation of rice bran', 'Rice bran fermentation with koji for snacks.'),
      institutionId: p.orgs.A.id,
    }),
    publishedSeed(app, p.researcherB, {
      ...seedText('Lactic fermentation of pickles', 'Pickle fermentation with local lactic bacteria.'),
      institutionId: p.orgs.B.id,
    }),
  ]);
  const draft = await write<Step>(app, CREATE_SEED, draftInput, p.researcherA.accessToken);
  const { seed: listed } = dataOf(
    await app.gql<{ seed: { researchers: { id: string }[] } }>(
      'query ($id: ID!) { seed(id: $id) { researchers { id } } }',
      { id: draft.id },
      staff,
    ),
  );
  const personA = listed.researchers[0].id;
  const keyed = { ...draftInput, externalId: DRAFT_EXTERNAL_ID, researcherIds: [personA] };
  const keyedDraft = (await write<Step>(app, CREATE_SEED, keyed, staff)).id;
  return { personA, seeds: { a: a.id, b: b.id, draft: draft.id, keyedDraft } };
}

/** Public needs of X and Y, Y's confidential one, and X's two confidential ones with the need markers. */
async function needs(app: TestApp, p: People) {
  const need = (companyId: string, confidentiality: string, en: string, description: object) => ({
    companyId,
    confidentiality,
    title: { en },
    description,
    fields: ['fermentation-bioprocess'],
    desiredCollaboration: ['joint-research'],
    programCodes: [PROGRAM],
  });
  const secret = {
    ...need(p.orgs.X.id, 'COORDINATORS', 'Zorquelite fermentation coatings', {
      en: 'A vantriplex layer for fermentation tanks.',
      ja: 'ヴァントリプレクス層で発酵タンクを守る。',
    }),
    title: { en: 'Zorquelite fermentation coatings', ja: 'ゾルクェライト発酵被膜' },
  };
  const post = async (input: object, account: { accessToken: string }) =>
    (await write<Step>(app, CREATE_NEED, input, account.accessToken)).id;
  const [xPublic, yPublic, yConfidential, secretId, keyedSecret] = await Promise.all([
    post(
      need(p.orgs.X.id, 'PUBLIC', 'Fermented rice bran snacks', {
        en: 'Snacks from rice bran fermentation.',
      }),
      p.memberX,
    ),
    post(
      need(p.orgs.Y.id, 'PUBLIC', 'Fermentation of local pickles', {
        en: 'Pickles with steady fermentation.',
      }),
      p.memberY,
    ),
    post(
      need(p.orgs.Y.id, 'COORDINATORS', 'Fermentation tank cleaning', {
        en: 'Cleaning tanks between fermentation runs.',
      }),
      p.memberY,
    ),
    post(secret, p.memberX),
    post({ ...secret, externalId: NEED_EXTERNAL_ID }, p.coordinator),
  ]);
  return { xPublic, yPublic, yConfidential, secret: secretId, keyedSecret };
}

/**
 * Proposals: X's confidential need introduced to researcher B (before any NDA), proposed for A's
 * seed (never introduced), X's other one declined for A's seed; Y's request introduced to A.
 * The matcher may have filed a pair already: then that proposal is the one moved.
 */
async function pipeline(app: TestApp, p: People, s: World['seeds'], n: World['needs']) {
  const staff = p.coordinator.accessToken;
  const filed = async (vars: Record<string, unknown>, token = staff) =>
    dataOf(await app.gql<{ proposals: { edges: { node: Step }[] } }>(PAIR, vars, token)).proposals.edges.map(
      (edge) => edge.node,
    );
  const pair = async (needId: string, seedId: string) =>
    (await filed({ needId, seedId }))[0] ?? write<Step>(app, PROPOSE, { needId, seedId }, staff);
  const move = (step: Step, to: string, extra: object = {}) =>
    write<Step>(app, MOVE, { id: step.id, version: step.version, to, ...extra }, staff);
  const introduce = async (step: Step) => move(await move(step, 'SHORTLISTED'), 'INTRODUCED');

  const secretToB = await introduce(await pair(n.secret, s.b));
  const secretForA = await pair(n.secret, s.a);
  const declined = await move(await pair(n.keyedSecret, s.a), 'DECLINED', { declineReason: 'BUDGET' });
  const requested =
    (await filed({ needId: n.yPublic, seedId: s.a }, p.memberY.accessToken))[0] ??
    (await write<Step>(app, REQUEST, { seedId: s.a, needId: n.yPublic }, p.memberY.accessToken));
  const visible = await introduce(requested);
  const aboutSecrets = [...(await filed({ needId: n.secret })), ...(await filed({ needId: n.keyedSecret }))];
  return {
    proposals: {
      secretToB: secretToB.id,
      secretForA: secretForA.id,
      declined: declined.id,
      visible: visible.id,
    },
    aboutSecrets: aboutSecrets.map((proposal) => proposal.id),
  };
}

/** The world of the confidentiality suite, on an app of its own (closed again if building fails). */
export async function buildWorld(): Promise<World> {
  const app = await startTestApp({
    ...adminEnv(),
    HEALTH_DETAILS: 'false', // production's default; with details on, index sizes count every record
    RATE_LIMIT_SEARCH: '100000',
    RATE_LIMIT_CANDIDATES: '100000',
    RATE_LIMIT_SIGN_UP: '100000',
    RATE_LIMIT_SIGN_IN: '100000',
  });
  try {
    return await populate(app);
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function populate(app: TestApp): Promise<World> {
  const admin = await signInAdmin(app);
  const p = await people(app, admin);
  const [{ personA, seeds: s }, n] = await Promise.all([seeds(app, p), needs(app, p)]);
  await settle(app, admin);
  await rematch(app, p, [n.secret, n.keyedSecret]);
  await settle(app, admin);
  const { proposals, aboutSecrets } = await pipeline(app, p, s, n);
  const eventIds = await events(app, p, s.a, personA);

  const account = (name: string, who?: Account, extra: Partial<Role> = {}): Role => ({
    name,
    token: who?.accessToken,
    hides: ROLE_HIDES[name],
    partyTo: [],
    ...extra,
  });
  const roles: Role[] = [
    account('anonymous'),
    account('pending member of X', p.pendingX),
    account('pending researcher of A', p.pendingA),
    account('researcher A', p.researcherA, { organizationId: p.orgs.A.id, seedId: s.a }),
    // at the drafts' institution, listed on none of them
    account('colleague of A', p.colleagueA, { organizationId: p.orgs.A.id }),
    account('researcher B', p.researcherB, {
      organizationId: p.orgs.B.id,
      seedId: s.b,
      partyTo: [proposals.secretToB],
    }),
    account('member of X', p.memberX, {
      organizationId: p.orgs.X.id,
      needId: n.xPublic,
      partyTo: aboutSecrets,
    }),
    account('member of Y', p.memberY, { organizationId: p.orgs.Y.id, needId: n.yPublic }),
  ];
  return {
    app,
    admin,
    coordinator: p.coordinator,
    orgs: p.orgs,
    personA,
    seeds: s,
    needs: n,
    proposals,
    events: eventIds,
    hidden: {
      need: [n.secret, n.keyedSecret, ...aboutSecrets],
      draft: [s.draft, s.keyedDraft, eventIds.draft],
      yNeed: [n.yConfidential],
    },
    roles,
  };
}

/** A published event presenting A's published seed, and a draft event carrying the draft markers. */
async function events(app: TestApp, p: People, seedId: string, personA: string) {
  const staff = p.coordinator.accessToken;
  const at = (hhmm: string) => `2026-12-10T${hhmm}:00+09:00`;
  const event = (title: { ja: string; en: string }) => ({
    kind: 'RESEARCH_PRESENTATION',
    title,
    startsAt: at('13:00'),
    endsAt: at('17:00'),
    venue: { name: { ja: '鶴岡市先端研究産業支援センター', en: 'Tsuruoka Research Park' } },
  });
  const published = await write<Step>(
    app,
    CREATE_EVENT,
    event({ ja: '研究発表会', en: 'Presentation meeting' }),
    staff,
  );
  const session = await write<Step>(
    app,
    ADD_SESSION,
    { eventId: published.id, title: { ja: '第一部' }, startsAt: at('13:00'), endsAt: at('15:00'), room: 'A' },
    staff,
  );
  const talk = await write<Step>(
    app,
    ADD_PRESENTATION,
    { sessionId: session.id, seedId, presenterIds: [personA], startsAt: at('13:00'), endsAt: at('13:30') },
    staff,
  );
  await write(
    app,
    GIVE_AWARD,
    { eventId: published.id, presentationId: talk.id, prize: { ja: '優秀賞' } },
    staff,
  );
  await write(app, MOVE_EVENT, { id: published.id, version: published.version, to: 'PUBLISHED' }, staff);
  const draft = await write<Step>(
    app,
    CREATE_EVENT,
    {
      ...event({ en: 'Plimvorant exchange meeting', ja: 'プリムヴォラント交流会' }),
      description: { en: 'Drextonal films, glimbracite and snorfelwick.' },
    },
    staff,
  );
  const draftSession = await write<Step>(
    app,
    ADD_SESSION,
    { eventId: draft.id, title: { en: 'Glimbracite session' }, startsAt: at('13:00'), endsAt: at('14:00') },
    staff,
  );
  await write(
    app,
    ADD_PRESENTATION,
    {
      sessionId: draftSession.id,
      title: { en: 'Snorfelwick talk' },
      startsAt: at('13:00'),
      endsAt: at('13:30'),
    },
    staff,
  );
  return { published: published.id, draft: draft.id };
}
