import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  publishedSeed,
  signInAdmin,
  signUpAs,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import { OverdueNoticeService } from '#libs/matching';
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FIELDS = `id version state pathway score declineReason introducedAt reasons { factor message { ja en } }
  seed { id } need { id } history { fromState toState actorUserId note declineReason }`;
const REQUEST = `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${FIELDS} } }`;
const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${FIELDS} } }`;
const MOVE = `mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { ${FIELDS} } }`;
const GET = `query ($id: ID!) { proposal(id: $id) { ${FIELDS} } }`;
const ACCEPT = `mutation ($input: AcceptNdaInput!) { acceptNda(input: $input) { id } }`;

interface Proposal {
  id: string;
  version: number;
  state: string;
  pathway: string;
  score: number | null;
  declineReason: string | null;
  introducedAt: string | null;
  reasons: { factor: string; message: { ja: string; en: string } }[];
  seed: { id: string } | null;
  need: { id: string } | null;
  history: {
    fromState: string | null;
    toState: string;
    actorUserId: string | null;
    note: string | null;
    declineReason: string | null;
  }[];
}

let app: TestApp;
let coordinator: Account;
let company: OrganizationView;
let member: Account;
let outsider: Account;
let researcher: Account;
let seedId: string;
let needId: string;

const move = (proposal: Proposal, to: string, account: Account, extra: Record<string, unknown> = {}) =>
  app.gql<{ moveProposal: Proposal }>(
    MOVE,
    { input: { id: proposal.id, version: proposal.version, to, ...extra } },
    account.accessToken,
  );
const moved = async (proposal: Proposal, to: string, account: Account, extra: Record<string, unknown> = {}) =>
  dataOf(await move(proposal, to, account, extra)).moveProposal;
const counts = async () => {
  const { rows } = await app.db.query(
    `SELECT (SELECT count(*) FROM match_proposal)::int AS proposals, (SELECT count(*) FROM proposal_transition)::int AS steps, (SELECT count(*) FROM audit_entry WHERE entity_type = 'match-proposal')::int AS audits`,
  );
  return rows[0];
};

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true', AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  company = await createOrganization(app, admin, 'company', {
    name: { ja: '庄内食品', en: 'Shonai Foods' },
    prefecture: '山形県',
  });
  const rival = await createOrganization(app, admin, 'company', { name: { ja: '他社', en: 'Rival' } });
  const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-yu-agri'`))
    .rows[0].id as string;
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  outsider = await signUpAs(app, 'COMPANY_MEMBER', rival.id);
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  for (const account of [member, outsider, researcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  const seed = await publishedSeed(app, researcher, {
    title: {
      ja: '漬物の乳酸菌で作る発酵調味料',
      en: 'Fermented seasonings from pickle lactic acid bacteria',
    },
    summary: { ja: '庄内の漬物由来の乳酸菌を使う。' },
    fields: ['fermentation-bioprocess'],
    institutionId: institute,
    trl: 5,
    collaborationTypes: ['joint-research'],
  });
  seedId = seed.id;
  needId = dataOf(
    await app.gql<{ createNeed: { id: string } }>(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      {
        input: {
          companyId: company.id,
          title: { ja: '発酵調味料の新商品を作りたい' },
          description: { ja: '地元の乳酸菌を使った調味料を開発したい。' },
          fields: ['fermentation-bioprocess'],
          desiredCollaboration: ['joint-research'],
        },
      },
      member.accessToken,
    ),
  ).createNeed.id;
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

describe('the proposal pipeline over GraphQL', () => {
  it('goes from a company request to a closed agreement, each step by whoever may take it, with its history', async () => {
    let proposal = dataOf(
      await app.gql<{ requestIntroduction: Proposal }>(
        REQUEST,
        { input: { seedId, note: '紹介をお願いします' } },
        member.accessToken,
      ),
    ).requestIntroduction;
    expect(proposal).toMatchObject({
      state: 'REQUESTED',
      need: null,
      seed: { id: seedId },
      history: [
        { fromState: null, toState: 'REQUESTED', actorUserId: member.userId, note: '紹介をお願いします' },
      ],
    });
    expectError(await app.gql(REQUEST, { input: { seedId } }, member.accessToken), 'CONFLICT', {
      path: 'input.seedId',
    });

    // before an introduction the researcher is not a party
    expectError(await app.gql(GET, { id: proposal.id }, researcher.accessToken), 'NOT_FOUND');
    expectError(await move(proposal, 'SHORTLISTED', member), 'FORBIDDEN', { path: 'input.to' });

    proposal = await moved(proposal, 'SHORTLISTED', coordinator);
    proposal = await moved(proposal, 'INTRODUCED', coordinator, { note: 'お二人を紹介しました' });
    expect(proposal.introducedAt).not.toBeNull();
    expect(
      dataOf(await app.gql<{ proposal: Proposal }>(GET, { id: proposal.id }, researcher.accessToken)).proposal
        .state,
    ).toBe('INTRODUCED');

    proposal = await moved(proposal, 'MEETING', researcher); // the researcher accepts
    expectError(await move(proposal, 'NDA', member), 'FORBIDDEN');
    expectError(await move(proposal, 'NDA', researcher), 'FORBIDDEN');
    expectError(await move(proposal, 'NDA', coordinator), 'CONFLICT', { path: 'input.to' }); // nobody accepted the NDA yet
    const { version } = dataOf(
      await app.gql<{ ndaText: { version: string } }>(
        '{ ndaText { version text { ja en } } }',
        {},
        member.accessToken,
      ),
    ).ndaText;
    expectError(
      await app.gql(ACCEPT, { input: { proposalId: proposal.id, textVersion: 'old' } }, member.accessToken),
      'BAD_USER_INPUT',
      { path: 'input.textVersion' },
    );
    dataOf(
      await app.gql(ACCEPT, { input: { proposalId: proposal.id, textVersion: version } }, member.accessToken),
    );
    expectError(await move(proposal, 'NDA', coordinator), 'CONFLICT', { path: 'input.to' }); // one side only
    dataOf(
      await app.gql(
        ACCEPT,
        { input: { proposalId: proposal.id, textVersion: version } },
        researcher.accessToken,
      ),
    );
    for (const to of ['NDA', 'AGREEMENT', 'CLOSED']) proposal = await moved(proposal, to, coordinator);
    expect(proposal.history.map((step) => step.toState)).toEqual([
      'REQUESTED',
      'SHORTLISTED',
      'INTRODUCED',
      'MEETING',
      'NDA',
      'AGREEMENT',
      'CLOSED',
    ]);
    expect(proposal.history[3].actorUserId).toBe(researcher.userId);

    const before = await counts();
    for (const to of ['WITHDRAWN', 'DECLINED', 'MEETING']) {
      expectError(
        await move(proposal, to, coordinator, to === 'DECLINED' ? { declineReason: 'OTHER' } : {}),
        'CONFLICT',
        { path: 'input.to' },
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('proposes a seed for a need with a score and reasons, and declines only with a reason', async () => {
    let proposal = dataOf(
      await app.gql<{ proposeMatch: Proposal }>(
        PROPOSE,
        { input: { needId, seedId } },
        coordinator.accessToken,
      ),
    ).proposeMatch;
    expect(proposal).toMatchObject({ state: 'PROPOSED', need: { id: needId }, pathway: 'JOINT_RESEARCH' });
    expect(proposal.score).toBeGreaterThan(0);
    expect(proposal.reasons.find((r) => r.factor === 'fields')?.message.en).toBe(
      'Same field: Fermentation and bioprocess engineering',
    );
    expectError(await app.gql(PROPOSE, { input: { needId, seedId } }, coordinator.accessToken), 'CONFLICT');

    const before = await counts();
    expectError(await move(proposal, 'DECLINED', coordinator), 'BAD_USER_INPUT', {
      path: 'input.declineReason',
    });
    expectError(
      await move(proposal, 'SHORTLISTED', coordinator, { declineReason: 'BUDGET' }),
      'BAD_USER_INPUT',
      { path: 'input.declineReason' },
    );
    expectError(await move(proposal, 'DECLINED', researcher, { declineReason: 'TIMING' }), 'NOT_FOUND'); // not introduced: not their business yet
    expectError(
      await move({ ...proposal, version: proposal.version + 5 }, 'SHORTLISTED', coordinator),
      'CONFLICT',
      { path: 'input.version' },
    );
    expect(await counts()).toEqual(before);

    proposal = await moved(proposal, 'DECLINED', coordinator, {
      declineReason: 'BUDGET',
      note: '予算が合わない',
    });
    expect(proposal).toMatchObject({ state: 'DECLINED', declineReason: 'BUDGET' });
    expect(proposal.history.at(-1)).toMatchObject({
      fromState: 'PROPOSED',
      toState: 'DECLINED',
      declineReason: 'BUDGET',
      note: '予算が合わない',
    });
  });

  it('lets the company withdraw, and keeps everyone else out', async () => {
    const demoSeed = (await app.db.query(`SELECT id FROM research_seed WHERE external_id = 'seed-yua-015'`))
      .rows[0].id as string;
    let proposal = dataOf(
      await app.gql<{ requestIntroduction: Proposal }>(
        REQUEST,
        { input: { seedId: demoSeed, needId } },
        member.accessToken,
      ),
    ).requestIntroduction;
    expect(proposal.need).toEqual({ id: needId });
    expectError(await app.gql(GET, { id: proposal.id }, outsider.accessToken), 'NOT_FOUND');
    expectError(await move(proposal, 'WITHDRAWN', outsider), 'NOT_FOUND');
    proposal = await moved(proposal, 'SHORTLISTED', coordinator);
    proposal = await moved(proposal, 'WITHDRAWN', member, { note: '社内で見送り' });
    expect(proposal.state).toBe('WITHDRAWN');
  });

  it('refuses what cannot be proposed: researchers asking, closed or foreign needs, unpublished or unknown seeds', async () => {
    const before = await counts();
    expectError(await app.gql(REQUEST, { input: { seedId } }, researcher.accessToken), 'FORBIDDEN');
    expectError(await app.gql(REQUEST, { input: { seedId, needId } }, outsider.accessToken), 'NOT_FOUND'); // a confidential need of another company
    expectError(
      await app.gql(
        PROPOSE,
        { input: { needId, seedId: '00000000-0000-4000-8000-000000000000' } },
        coordinator.accessToken,
      ),
      'NOT_FOUND',
      { path: 'input.seedId' },
    );
    const draft = (await app.db.query(`SELECT id FROM research_seed WHERE status = 'draft' LIMIT 1`)).rows[0]
      .id as string;
    expectError(
      await app.gql(PROPOSE, { input: { needId, seedId: draft } }, coordinator.accessToken),
      'NOT_FOUND',
      { path: 'input.seedId' },
    );
    expectError(
      await app.gql(REQUEST, { input: { seedId: 'not-a-uuid' } }, member.accessToken),
      'BAD_USER_INPUT',
      { path: 'input.seedId' },
    );
    const closing = dataOf(
      await app.gql<{ createNeed: { id: string; version: number } }>(
        'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
        {
          input: {
            companyId: company.id,
            title: { en: 'A need we will close' },
            description: { en: 'Closed before anyone answers.' },
          },
        },
        member.accessToken,
      ),
    ).createNeed;
    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { id } }',
        { input: { id: closing.id, version: closing.version } },
        member.accessToken,
      ),
    );
    expectError(
      await app.gql(PROPOSE, { input: { needId: closing.id, seedId } }, coordinator.accessToken),
      'CONFLICT',
      { path: 'input.needId' },
    );
    expectError(
      await app.gql(REQUEST, { input: { needId: closing.id, seedId } }, member.accessToken),
      'CONFLICT',
      { path: 'input.needId' },
    );
    expect(await counts()).toEqual(before);
  });
});

describe('the NDA step', () => {
  const DETAILS = `query ($id: ID!) { proposal(id: $id) { state need { id title { ja } } contacts { party email } ndaAcceptances { party userId textVersion } } }`;

  it('keeps a confidential need and the contacts from the researcher until both sides accepted the NDA', async () => {
    const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-yu-agri'`))
      .rows[0].id as string;
    const seed = await publishedSeed(app, researcher, {
      title: { ja: '麹菌の酵素で作る調味料' },
      summary: { ja: '麹菌の酵素を使う。' },
      fields: ['fermentation-bioprocess'],
      institutionId: institute,
      trl: 4,
      collaborationTypes: ['joint-research'],
    });
    let proposal = dataOf(
      await app.gql<{ requestIntroduction: Proposal }>(
        REQUEST,
        { input: { seedId: seed.id, needId } },
        member.accessToken,
      ),
    ).requestIntroduction;
    for (const to of ['SHORTLISTED', 'INTRODUCED']) proposal = await moved(proposal, to, coordinator);
    const { version } = dataOf(
      await app.gql<{ ndaText: { version: string } }>('{ ndaText { version } }', {}, researcher.accessToken),
    ).ndaText;
    expectError(
      await app.gql(
        ACCEPT,
        { input: { proposalId: proposal.id, textVersion: version } },
        researcher.accessToken,
      ),
      'CONFLICT',
    ); // before the meeting stage
    proposal = await moved(proposal, 'MEETING', researcher);
    const seen = async (account: Account) =>
      dataOf(
        await app.gql<{
          proposal: {
            need: { id: string } | null;
            contacts: { party: string; email: string }[];
            ndaAcceptances: unknown[];
          };
        }>(DETAILS, { id: proposal.id }, account.accessToken),
      ).proposal;
    expect(await seen(researcher)).toMatchObject({ need: null, contacts: [] });
    expect((await seen(member)).need).toEqual(expect.objectContaining({ id: needId }));

    expectError(
      await app.gql(
        ACCEPT,
        { input: { proposalId: proposal.id, textVersion: version } },
        outsider.accessToken,
      ),
      'NOT_FOUND',
    );
    for (const account of [member, researcher])
      dataOf(
        await app.gql(
          ACCEPT,
          { input: { proposalId: proposal.id, textVersion: version } },
          account.accessToken,
        ),
      );
    expect((await seen(researcher)).need).toBeNull(); // accepted, but not yet moved to NDA
    proposal = await moved(proposal, 'NDA', coordinator);
    const after = await seen(researcher);
    expect(after.need).toEqual(
      expect.objectContaining({ id: needId, title: { ja: '発酵調味料の新商品を作りたい' } }),
    );
    expect(after.contacts.map((contact) => [contact.party, contact.email]).sort()).toEqual([
      ['company', member.email],
      ['researcher', researcher.email],
    ]);
    expect(after.ndaAcceptances).toEqual(
      expect.arrayContaining([
        { party: 'company', userId: member.userId, textVersion: version },
        { party: 'researcher', userId: researcher.userId, textVersion: version },
      ]),
    );
    dataOf(
      await app.gql(ACCEPT, { input: { proposalId: proposal.id, textVersion: version } }, member.accessToken),
    ); // accepting again (allowed under the NDA, for people who join a side later) changes nothing
    expect((await seen(member)).ndaAcceptances).toHaveLength(2);
  });
});

describe('the pipeline as each party sees it', () => {
  const LIST = `query ($states: [ProposalState!]) { proposals(states: $states, first: 50) { totalCount edges { node { id state seed { id } } } } }`;
  const ids = async (account: Account, states?: string[]) =>
    dataOf(
      await app.gql<{ proposals: { totalCount: number; edges: { node: { id: string; state: string } }[] } }>(
        LIST,
        { states },
        account.accessToken,
      ),
    ).proposals;

  it('shows coordinators everything, a company its own, researchers what they were introduced to, others nothing', async () => {
    const all = await ids(coordinator);
    expect(all.totalCount).toBe(
      Number((await app.db.query('SELECT count(*) FROM match_proposal')).rows[0].count),
    );
    expect((await ids(member)).totalCount).toBe(all.totalCount); // every proposal here is this company's
    const introduced = await ids(researcher);
    expect(introduced.edges.map((edge) => edge.node.state)).toEqual(['CLOSED', 'NDA']);
    expect((await ids(outsider)).totalCount).toBe(0);
    expect((await ids(coordinator, ['DECLINED'])).edges.map((edge) => edge.node.state)).toEqual(['DECLINED']);
  });
});

describe('response times and reports', () => {
  const REPORT = `{ pipelineReport { states { state current overdue medianDays completedStays } declineReasons { reason count } } }`;
  const DECLINES = `query ($seedId: ID, $institutionId: ID) { declineReasons(seedId: $seedId, institutionId: $institutionId) { reason count } }`;
  const OVERDUE = `{ proposals(overdue: true, first: 50) { edges { node { id state overdue dueAt } } } }`;

  it('flags a proposal past its response target, in queries and in the report', async () => {
    const open = dataOf(
      await app.gql<{ proposeMatch: Proposal & { dueAt: string } }>(
        `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id dueAt } }`,
        {
          input: {
            needId,
            seedId: (await app.db.query(`SELECT id FROM research_seed WHERE external_id = 'seed-yua-007'`))
              .rows[0].id,
          },
        },
        coordinator.accessToken,
      ),
    ).proposeMatch;
    expect(new Date(open.dueAt).getTime()).toBeGreaterThan(Date.now() + 10 * 86_400_000); // 10 business days: two weeks
    expect(
      dataOf(await app.gql<{ proposals: { edges: unknown[] } }>(OVERDUE, {}, coordinator.accessToken))
        .proposals.edges,
    ).toEqual([]);

    await app.db.query(`UPDATE match_proposal SET due_at = now() - interval '1 day' WHERE id = $1`, [
      open.id,
    ]); // two weeks pass
    const notifier = app.api.app.get(OverdueNoticeService, { strict: false });
    expect(await notifier.run()).toBe(1);
    expect(await notifier.run()).toBe(0); // told once per due date
    const told = (
      await app.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'proposal-overdue' AND proposal_id = $2`,
        [coordinator.userId, open.id],
      )
    ).rows[0].n;
    expect(told).toBe(1);
    const overdue = dataOf(
      await app.gql<{ proposals: { edges: { node: { id: string; overdue: boolean } }[] } }>(
        OVERDUE,
        {},
        coordinator.accessToken,
      ),
    ).proposals.edges;
    expect(overdue.map((edge) => edge.node)).toEqual([
      expect.objectContaining({ id: open.id, overdue: true }),
    ]);

    const report = dataOf(
      await app.gql<{
        pipelineReport: {
          states: {
            state: string;
            current: number;
            overdue: number;
            medianDays: number | null;
            completedStays: number;
          }[];
          declineReasons: { reason: string; count: number }[];
        };
      }>(REPORT, {}, coordinator.accessToken),
    ).pipelineReport;
    const state = (name: string) => report.states.find((s) => s.state === name)!;
    expect(state('PROPOSED')).toMatchObject({ current: 1, overdue: 1 });
    expect(state('CLOSED').current).toBe(1);
    expect(state('SHORTLISTED').completedStays).toBe(3); // the agreement, the NDA test's and the withdrawn one left it
    expect(state('SHORTLISTED').medianDays).toBeGreaterThanOrEqual(0);
    expect(state('CLOSED').medianDays).toBeNull();
    expect(report.declineReasons).toEqual([{ reason: 'BUDGET', count: 1 }]);
    expectError(await app.gql(REPORT, {}, member.accessToken), 'FORBIDDEN');
    // without SMTP_URL the e-mails stay queued, never marked sent
    const mail = (
      await app.db.query(`SELECT count(*)::int AS queued, count(sent_at)::int AS sent FROM email_message`)
    ).rows[0];
    expect(mail.queued).toBeGreaterThan(0);
    expect(mail.sent).toBe(0);
  });

  it('counts decline reasons per seed and per institution for those researchers and coordinators', async () => {
    const declines = async (args: Record<string, string>, token: string) =>
      dataOf(await app.gql<{ declineReasons: unknown[] }>(DECLINES, args, token)).declineReasons;
    expect(await declines({ seedId }, coordinator.accessToken)).toEqual([{ reason: 'BUDGET', count: 1 }]);
    // the BUDGET decline was of the confidential need's proposal, before any introduction: not the
    // researcher's to see (it would tell that a hidden need matched their seed)
    expect(await declines({ seedId }, researcher.accessToken)).toEqual([]);
    const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-yu-agri'`))
      .rows[0].id;
    expect(await declines({ institutionId: institute }, coordinator.accessToken)).toEqual([
      { reason: 'BUDGET', count: 1 },
    ]);
    expect(await declines({ institutionId: institute }, researcher.accessToken)).toEqual([]);
    const elsewhere = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`))
      .rows[0].id;
    expectError(await app.gql(DECLINES, { institutionId: elsewhere }, researcher.accessToken), 'FORBIDDEN', {
      path: 'institutionId',
    });
    expectError(
      await app.gql(DECLINES, { seedId, institutionId: institute }, coordinator.accessToken),
      'BAD_USER_INPUT',
      { path: 'seedId' },
    );
    expectError(await app.gql(DECLINES, { seedId }, member.accessToken), 'FORBIDDEN');
  });
});
