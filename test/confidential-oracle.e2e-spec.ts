import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  expectError,
  signInAdmin,
  signUpAs,
  type Account,
  type OrganizationView,
} from './support/fixtures.js';
import { waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A word only the confidential need contains, and one no record contains. */
const MARKER = 'zorblaxine';
const ABSENT = 'quintrelop';
const FIELD = 'organic-electronics'; // no demo need has it: the need is not crowded out

const FOR_SEED = `query ($seedId: ID!) { candidatesForSeed(seedId: $seedId, first: 50) {
  confidential score pathway need { id } summary { title { ja en } fields desiredCollaboration trlMin trlMax prefecture }
  reasons { factor weight value message { ja en } }
} }`;
interface NeedCandidate {
  confidential: boolean;
  score: number;
  need: { id: string } | null;
  summary: { fields: string[]; trlMin: number | null; trlMax: number | null };
  reasons: { factor: string; value: number; message: { en: string } }[];
}
const CREATE_NEED = `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id externalId } }`;
const CREATE_SEED = `mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id externalId } }`;

let app: TestApp;
let coordinator: Account;
let maker: OrganizationView;
let rival: OrganizationView;
let makerMember: Account;
let rivalMember: Account;
let researcher: Account;
let colleague: Account;
let institute: OrganizationView;
let otherInstitute: OrganizationView;
let otherResearcher: Account;

const draftSeed = async (account: Account, input: Record<string, unknown>) =>
  dataOf(await app.gql<{ createSeed: { id: string } }>(CREATE_SEED, { input }, account.accessToken))
    .createSeed;
const candidatesForSeed = async (seedId: string, token: string) =>
  dataOf(await app.gql<{ candidatesForSeed: NeedCandidate[] }>(FOR_SEED, { seedId }, token))
    .candidatesForSeed;

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  maker = await createOrganization(app, admin, 'company', { name: { en: 'Secret Maker' } });
  rival = await createOrganization(app, admin, 'company', { name: { en: 'Rival Maker' } });
  institute = await createOrganization(app, admin, 'university', { name: { en: 'Oracle University' } });
  otherInstitute = await createOrganization(app, admin, 'university', { name: { en: 'Other University' } });
  makerMember = await signUpAs(app, 'COMPANY_MEMBER', maker.id);
  rivalMember = await signUpAs(app, 'COMPANY_MEMBER', rival.id);
  researcher = await signUpAs(app, 'RESEARCHER', institute.id);
  colleague = await signUpAs(app, 'RESEARCHER', institute.id);
  otherResearcher = await signUpAs(app, 'RESEARCHER', otherInstitute.id);
  for (const account of [makerMember, rivalMember, researcher, colleague, otherResearcher])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
});
afterAll(async () => {
  await app?.close();
});

describe('candidatesForSeed is no word oracle', () => {
  let secretId: string;

  beforeAll(async () => {
    secretId = dataOf(
      await app.gql<{ createNeed: { id: string } }>(
        CREATE_NEED,
        {
          input: {
            companyId: maker.id,
            title: { en: `Printed ${MARKER} transistors for flexible sensors` },
            description: { en: `We want a ${MARKER} layer that survives bending.` },
            fields: [FIELD],
            desiredCollaboration: ['joint-research'],
            trlMin: 3,
            trlMax: 6,
          },
        },
        makerMember.accessToken,
      ),
    ).createNeed.id;
    await waitForIndex(app);
  });

  it('answers the same about a confidential need whether the seed names its word or not', async () => {
    const seedInput = (word: string) => ({
      title: { en: word },
      summary: { en: word },
      fields: [FIELD],
      institutionId: institute.id,
      trl: 4,
      collaborationTypes: ['joint-research'],
    });
    const probe = await draftSeed(researcher, seedInput(MARKER));
    const control = await draftSeed(researcher, seedInput(ABSENT));
    const aboutSecret = (found: NeedCandidate[]) =>
      found
        .filter((candidate) => candidate.confidential && candidate.summary.fields.includes(FIELD))
        .map(({ score, reasons, summary, need }) => ({ score, reasons, summary, need }));

    const withWord = aboutSecret(await candidatesForSeed(probe.id, researcher.accessToken));
    const without = aboutSecret(await candidatesForSeed(control.id, researcher.accessToken));
    expect(withWord).toEqual(without);
    expect(withWord).toHaveLength(1); // still found through its field, as an anonymous summary
    expect(withWord[0].need).toBeNull();
    const text = withWord[0].reasons.find((reason) => reason.factor === 'text');
    expect(text).toMatchObject({ value: 0, message: { en: 'Confidential: its text was not compared' } });
    expect(JSON.stringify(withWord)).not.toContain(MARKER);

    // a coordinator may read the need: its text counts for them
    const brokered = await candidatesForSeed(probe.id, coordinator.accessToken);
    const full = brokered.find((candidate) => candidate.need?.id === secretId);
    expect(full?.reasons.find((reason) => reason.factor === 'text')?.value).toBe(1);
  });
});

describe('seeds for a need or a company', () => {
  // The matcher searches published seeds only; the engine's fallbacks (dropping a word found nowhere,
  // typo widening) look only at those too, so a draft holding the need's word changes nothing.
  it('are never moved by someone else’s draft seed', async () => {
    const word = 'vexmorilate';
    const FOR_NEED = `query ($needId: ID!) { candidatesForNeed(needId: $needId, first: 50) {
      score seed { id } reasons { factor value }
    } }`;
    const needId = dataOf(
      await app.gql<{ createNeed: { id: string } }>(
        CREATE_NEED,
        {
          input: {
            companyId: rival.id,
            title: { en: `A ${word} coating for sensors` },
            description: { en: `Looking for ${word} expertise.` },
            fields: [FIELD],
          },
        },
        rivalMember.accessToken,
      ),
    ).createNeed.id;
    await waitForIndex(app);
    const ask = async () =>
      dataOf(await app.gql<{ candidatesForNeed: unknown[] }>(FOR_NEED, { needId }, rivalMember.accessToken))
        .candidatesForNeed;
    const before = await ask();
    await draftSeed(otherResearcher, {
      title: { en: `${word} ${word}` },
      summary: { en: `A ${word} study.` },
      fields: [FIELD],
      institutionId: otherInstitute.id,
    });
    await waitForIndex(app);
    expect(await ask()).toEqual(before);
  });
});

describe('searchNeeds and searchSeeds are no word oracle', () => {
  /** Words only the hidden need and the hidden draft hold; "shipping" and "camera" are in visible demo records. */
  const HIDDEN = 'plexovarin';
  const UNKNOWN = 'qorzvintel';
  const SEARCH = (
    name: 'searchNeeds' | 'searchSeeds',
  ) => `query ($query: String!) { ${name}(query: $query, first: 50) {
    totalHits processingTimeMs facets { attribute values { value count } } hits { ${name === 'searchNeeds' ? 'need' : 'seed'} { id } }
  } }`;
  interface View {
    totalHits: number;
    processingTimeMs: number | null;
    facets: unknown[];
    hits: unknown[];
  }
  const search = async (name: 'searchNeeds' | 'searchSeeds', query: string, token?: string) =>
    (dataOf(await app.gql<Record<string, View>>(SEARCH(name), { query }, token)) as Record<string, View>)[
      name
    ];
  /** Everything a viewer is told, but the time (checked on its own). */
  const told = async (name: 'searchNeeds' | 'searchSeeds', query: string, token?: string) => {
    const { processingTimeMs, ...rest } = await search(name, query, token);
    expect(processingTimeMs).toBeNull();
    return rest;
  };

  beforeAll(async () => {
    dataOf(
      await app.gql(
        CREATE_NEED,
        {
          input: {
            companyId: maker.id,
            title: { en: `${HIDDEN} packaging for shippinxes` },
            description: { en: `A ${HIDDEN} liner.` },
          },
        },
        makerMember.accessToken,
      ),
    );
    await draftSeed(researcher, {
      title: { en: `${HIDDEN} lenses for camerqon rigs` },
      summary: { en: `A ${HIDDEN} study.` },
      fields: [FIELD],
      institutionId: institute.id,
    });
    await waitForIndex(app);
  });

  it('answers another company about a confidential need’s word as about a word found nowhere', async () => {
    const needs = (query: string) => told('searchNeeds', query, rivalMember.accessToken);
    const unknown = await needs(`${UNKNOWN} shipping `);
    expect(unknown.totalHits).toBeGreaterThan(0);
    expect(await needs(`${HIDDEN} shipping `)).toEqual(unknown);
    expect(await needs(`${HIDDEN.slice(0, -1)}m shipping `)).toEqual(unknown); // one typo away from the hidden word
    // "shippinx" starts only the hidden "shippinxes" and is one typo from "shipping", as "shippinq" is
    const typo = await needs('shippinq');
    expect(typo.totalHits).toBeGreaterThan(0);
    expect(await needs('shippinx')).toEqual(typo);
    // the word is in the index: its company and coordinators find the need
    expect((await search('searchNeeds', `${HIDDEN} `, makerMember.accessToken)).totalHits).toBe(1);
  });

  it('answers a visitor about a draft seed’s word as about a word found nowhere', async () => {
    const seeds = (query: string) => told('searchSeeds', query);
    const unknown = await seeds(`${UNKNOWN} camera `);
    expect(unknown.totalHits).toBeGreaterThan(0);
    expect(await seeds(`${HIDDEN} camera `)).toEqual(unknown);
    expect(await seeds(`${HIDDEN.slice(0, -1)}m camera `)).toEqual(unknown);
    const typo = await seeds('camerz');
    expect(typo.totalHits).toBeGreaterThan(0);
    expect(await seeds('camerq')).toEqual(typo);
    expect(await told('searchSeeds', `${UNKNOWN} camera `, otherResearcher.accessToken)).toEqual(
      await told('searchSeeds', `${HIDDEN} camera `, otherResearcher.accessToken),
    );
  });

  it('tells the engine’s time only to those who see every document', async () => {
    const coordinatorTime = (await search('searchNeeds', 'shipping ', coordinator.accessToken))
      .processingTimeMs;
    expect(coordinatorTime).toEqual(expect.any(Number));
    expect((await search('searchSeeds', 'camera ', coordinator.accessToken)).processingTimeMs).toEqual(
      expect.any(Number),
    );
    expect((await search('searchNeeds', 'shipping ', makerMember.accessToken)).processingTimeMs).toBeNull();
    expect((await search('searchSeeds', 'camera ', researcher.accessToken)).processingTimeMs).toBeNull();
    expect((await search('searchSeeds', 'camera ')).processingTimeMs).toBeNull();
  });
});

describe('an externalId tells nothing of records the caller may not see', () => {
  it('is set by coordinators only, so a key taken by a hidden need or draft answers like a free one', async () => {
    const key = `ext-secret-${Date.now()}`;
    dataOf(
      await app.gql(
        CREATE_NEED,
        {
          input: {
            companyId: maker.id,
            title: { en: 'A hidden need' },
            description: { en: 'Hidden.' },
            externalId: key,
          },
        },
        coordinator.accessToken,
      ),
    );
    dataOf(
      await app.gql(
        CREATE_SEED,
        {
          input: {
            title: { en: 'A hidden draft' },
            summary: { en: 'Hidden.' },
            fields: [FIELD],
            institutionId: institute.id,
            externalId: key,
          },
        },
        coordinator.accessToken,
      ),
    );
    const free = `ext-free-${Date.now()}`;
    const answers = async (externalId: string) => [
      await app.gql(
        CREATE_NEED,
        { input: { companyId: rival.id, title: { en: 'Mine' }, description: { en: 'Mine.' }, externalId } },
        rivalMember.accessToken,
      ),
      await app.gql(
        CREATE_SEED,
        {
          input: {
            title: { en: 'Mine' },
            summary: { en: 'Mine.' },
            fields: [FIELD],
            institutionId: otherInstitute.id,
            externalId,
          },
        },
        otherResearcher.accessToken,
      ),
      await app.gql(
        CREATE_SEED,
        {
          input: {
            title: { en: 'Mine' },
            summary: { en: 'Mine.' },
            fields: [FIELD],
            institutionId: institute.id,
            externalId,
          },
        },
        colleague.accessToken,
      ),
    ];
    const taken = await answers(key);
    const untaken = await answers(free);
    const scrub = (responses: unknown[]) =>
      JSON.stringify(responses).replaceAll(key, 'K').replaceAll(free, 'K');
    expect(scrub(taken)).toEqual(scrub(untaken));
    for (const response of taken) {
      expectError(response, 'FORBIDDEN', { path: 'input.externalId' });
      expect(JSON.stringify(response)).not.toContain('EXTERNAL_ID_TAKEN');
    }
  });

  it('still refuses a coordinator a taken key, and creates without one for anyone', async () => {
    const key = `ext-twice-${Date.now()}`;
    const input = {
      companyId: maker.id,
      title: { en: 'Once' },
      description: { en: 'Once.' },
      externalId: key,
    };
    dataOf(await app.gql(CREATE_NEED, { input }, coordinator.accessToken));
    const again = await app.gql(CREATE_NEED, { input }, coordinator.accessToken);
    expect(JSON.stringify(again)).toContain('EXTERNAL_ID_TAKEN');
    const mine = dataOf(
      await app.gql<{ createNeed: { externalId: string | null } }>(
        CREATE_NEED,
        { input: { companyId: rival.id, title: { en: 'No key' }, description: { en: 'Mine.' } } },
        rivalMember.accessToken,
      ),
    ).createNeed;
    expect(mine.externalId).toBeNull();
  });
});
