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
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CANDIDATES = `query ($needId: ID!, $first: Int) {
  candidatesForNeed(needId: $needId, first: $first) {
    score pathway seed { id externalId status title { ja en } } reasons { factor weight value message { ja en } }
  }
}`;
interface Candidate {
  score: number;
  pathway: string;
  seed: { id: string; externalId: string; status: string };
  reasons: { factor: string; weight: number; value: number; message: { ja: string; en: string } }[];
}

let app: TestApp;
let coordinator: Account;
let brewery: OrganizationView;
let other: OrganizationView;
let member: Account;
let otherMember: Account;
let researcher: Account;
let needId: string;

const post = async (account: Account, companyId: string, input: Record<string, unknown>) =>
  dataOf(
    await app.gql<{ createNeed: { id: string; version: number } }>(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
      { input: { companyId, ...input } },
      account.accessToken,
    ),
  ).createNeed;
const candidates = async (variables: Record<string, unknown>, token: string) =>
  dataOf(await app.gql<{ candidatesForNeed: Candidate[] }>(CANDIDATES, variables, token)).candidatesForNeed;

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  brewery = await createOrganization(app, admin, 'company', {
    name: { ja: '鶴岡酒造', en: 'Tsuruoka Brewery' },
    prefecture: '山形県',
    city: '鶴岡市',
  });
  other = await createOrganization(app, admin, 'company', { name: { ja: '他社', en: 'Other Co' } });
  member = await signUpAs(app, 'COMPANY_MEMBER', brewery.id);
  otherMember = await signUpAs(app, 'COMPANY_MEMBER', other.id);
  const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`)).rows[0]
    .id as string;
  researcher = await signUpAs(app, 'RESEARCHER', institute);
  for (const account of [member, otherMember, researcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  needId = (
    await post(member, brewery.id, {
      title: { ja: '日本酒の香りと味のばらつきを減らしたい' },
      description: {
        ja: 'タンクごとに吟醸香や味が変わる。成分を分析して原因を突き止め、製造条件の改善につなげたい。',
      },
      fields: ['fermentation-bioprocess'],
      desiredCollaboration: ['joint-research', 'contract-research'],
      trlMin: 4,
      trlMax: 9,
    })
  ).id;
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

describe('candidatesForNeed', () => {
  it('proposes the sake seeds first, best first, each with a pathway and reasons in both languages', async () => {
    const found = await candidates({ needId, first: 10 }, member.accessToken);
    expect(found.length).toBe(10);
    const ids = found.map((candidate) => candidate.seed.externalId);
    expect(ids.slice(0, 5)).toEqual(expect.arrayContaining(['seed-iab-008']));
    expect(ids).toContain('seed-yitc-001');
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
    for (const candidate of found) {
      expect(candidate.seed.status).toBe('PUBLISHED');
      expect(['JOINT_RESEARCH', 'COMMERCIALIZATION', 'VENTURE_CREATION']).toContain(candidate.pathway);
      expect(candidate.reasons.length).toBeGreaterThan(1);
      for (const reason of candidate.reasons) expect(reason.message.ja && reason.message.en).toBeTruthy();
    }
    const sake = found.find((c) => c.seed.externalId === 'seed-iab-008')!;
    expect(sake.reasons.find((r) => r.factor === 'locality')?.message.ja).toBe('同じ市内（鶴岡市）');
    expect(sake.reasons.find((r) => r.factor === 'text')?.value).toBeGreaterThan(0);
  });

  it('gives coordinators the same list', async () => {
    const mine = (await candidates({ needId }, member.accessToken)).map((c) => c.seed.id);
    expect((await candidates({ needId }, coordinator.accessToken)).map((c) => c.seed.id)).toEqual(mine);
  });

  it('refuses other companies, researchers and visitors, unknown and closed needs, and bad sizes', async () => {
    expectError(await app.gql(CANDIDATES, { needId }, otherMember.accessToken), 'NOT_FOUND'); // confidential: does not exist for them
    const open = await post(member, brewery.id, {
      title: { en: 'Public need about koji' },
      description: { en: 'Koji for miso.' },
      confidentiality: 'PUBLIC',
    });
    expectError(await app.gql(CANDIDATES, { needId: open.id }, otherMember.accessToken), 'FORBIDDEN');
    expectError(await app.gql(CANDIDATES, { needId }, researcher.accessToken), 'FORBIDDEN');
    expectError(await app.gql(CANDIDATES, { needId }), 'UNAUTHENTICATED');
    expectError(
      await app.gql(CANDIDATES, { needId: '00000000-0000-4000-8000-000000000000' }, coordinator.accessToken),
      'NOT_FOUND',
    );
    expectError(await app.gql(CANDIDATES, { needId, first: 0 }, coordinator.accessToken), 'BAD_USER_INPUT', {
      path: 'first',
    });
    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { id } }',
        { input: { id: open.id, version: open.version } },
        member.accessToken,
      ),
    );
    expectError(await app.gql(CANDIDATES, { needId: open.id }, member.accessToken), 'CONFLICT', {
      path: 'needId',
    });
  });
});

describe('candidatesForSeed', () => {
  const FOR_SEED = `query ($seedId: ID!) { candidatesForSeed(seedId: $seedId, first: 20) {
    confidential score pathway need { id title { ja } } summary { title { ja en } fields desiredCollaboration trlMin trlMax } reasons { factor message { ja en } }
  } }`;
  interface NeedCandidate {
    confidential: boolean;
    need: { id: string } | null;
    summary: { title: { ja: string; en: string }; fields: string[]; trlMin: number | null };
    reasons: { factor: string; message: { ja: string; en: string } }[];
  }
  let seedId: string;

  beforeAll(async () => {
    const institute = (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`))
      .rows[0].id as string;
    const seed = await publishedSeed(app, researcher, {
      title: { ja: '日本酒の香り成分の分析と製造条件の改善', en: 'Sake aroma analysis' },
      summary: { ja: '吟醸香の成分を測定し、タンクごとのばらつきの原因を探る。' },
      fields: ['fermentation-bioprocess'],
      institutionId: institute,
      trl: 5,
      collaborationTypes: ['joint-research'],
    });
    seedId = seed.id;
    await waitForIndex(app);
  });

  it('shows the listed researcher a confidential need only as an anonymous summary, coordinators in full', async () => {
    const theirs = dataOf(
      await app.gql<{ candidatesForSeed: NeedCandidate[] }>(FOR_SEED, { seedId }, researcher.accessToken),
    ).candidatesForSeed;
    const secret = theirs.find(
      (candidate) =>
        candidate.confidential &&
        candidate.summary.trlMin === 4 &&
        candidate.summary.fields.includes('fermentation-bioprocess'),
    );
    expect(secret).toBeDefined();
    expect(secret!.need).toBeNull();
    expect(secret!.summary.title).toEqual({ ja: '非公開のニーズ', en: 'A confidential need' });
    expect(secret!.reasons.find((r) => r.factor === 'text')?.message.en).toBe(
      'Confidential: its text was not compared',
    );
    expect(JSON.stringify(theirs)).not.toContain('ばらつきを減らしたい');

    const all = dataOf(
      await app.gql<{ candidatesForSeed: NeedCandidate[] }>(FOR_SEED, { seedId }, coordinator.accessToken),
    ).candidatesForSeed;
    const full = all.find((candidate) => candidate.need?.id === needId);
    expect(full).toMatchObject({
      confidential: false,
      summary: { title: { ja: '日本酒の香りと味のばらつきを減らしたい' } },
    });
    expect(all.map((candidate) => candidate.need?.id)).toContain(needId);
  });

  it('is for the seed’s researchers and coordinators only', async () => {
    const colleague = await signUpAs(
      app,
      'RESEARCHER',
      (await app.db.query(`SELECT id FROM organization WHERE external_id = 'org-iab'`)).rows[0].id,
    );
    await decideAffiliation(app, coordinator.accessToken, colleague.userId, 'approve');
    expectError(await app.gql(FOR_SEED, { seedId }, colleague.accessToken), 'FORBIDDEN', { path: 'seedId' });
    expectError(await app.gql(FOR_SEED, { seedId }, member.accessToken), 'FORBIDDEN');
    expectError(await app.gql(FOR_SEED, { seedId: 'nope' }, coordinator.accessToken), 'BAD_USER_INPUT', {
      path: 'seedId',
    });
  });
});

describe('candidatesForCompany', () => {
  const FOR_COMPANY = `query ($organizationId: ID!) { candidatesForCompany(organizationId: $organizationId) { score seed { externalId } reasons { factor } } }`;

  it('proposes seeds from the company’s own description before it posts a need', async () => {
    const admin = await signInAdmin(app);
    const sakeHouse = await createOrganization(app, admin, 'company', {
      name: { ja: '羽黒の酒蔵', en: 'Haguro Sake House' },
      prefecture: '山形県',
      description: { ja: '吟醸酒を中心に日本酒を造る酒蔵です。香りと味の安定、麹づくりに力を入れています。' },
    });
    const brewer = await signUpAs(app, 'COMPANY_MEMBER', sakeHouse.id);
    await decideAffiliation(app, coordinator.accessToken, brewer.userId, 'approve');
    const found = dataOf(
      await app.gql<{ candidatesForCompany: { score: number; seed: { externalId: string } }[] }>(
        FOR_COMPANY,
        { organizationId: sakeHouse.id },
        brewer.accessToken,
      ),
    ).candidatesForCompany;
    expect(found.length).toBeGreaterThan(0);
    expect(found.slice(0, 5).map((c) => c.seed.externalId)).toEqual(expect.arrayContaining(['seed-iab-008']));
    expectError(
      await app.gql(FOR_COMPANY, { organizationId: sakeHouse.id }, member.accessToken),
      'FORBIDDEN',
      { path: 'organizationId' },
    );
    expectError(
      await app.gql(
        FOR_COMPANY,
        { organizationId: '00000000-0000-4000-8000-000000000000' },
        coordinator.accessToken,
      ),
      'NOT_FOUND',
    );
    expectError(
      await app.gql(FOR_COMPANY, { organizationId: sakeHouse.id }, researcher.accessToken),
      'FORBIDDEN',
    );
  });
});
