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
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let coordinator: Account;
let university: OrganizationView;
let brewery: OrganizationView;
let researcher: Account;
let colleague: Account;
let brewer: Account;
let pending: Account;
let publishedId: string;
let draftId: string;
let researcherPersonId: string;

const PROFILE = `id name { ja en } title bio { ja en } keywords fields researchmapUrl orcid labUrl`;
const UPDATE_PROFILE = `mutation ($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { ${PROFILE} } }`;
const MY_PERSON = `query ($statuses: [SeedStatus!]) { me { person { ${PROFILE}
  seeds(statuses: $statuses) { totalCount edges { node { id status } } } } } }`;
const PERSON_PAGE = `query ($id: ID!, $statuses: [SeedStatus!]) { person(id: $id) { ${PROFILE}
  seeds(statuses: $statuses) { totalCount edges { node { id status } } } } }`;
const ORGANIZATION_PAGE = `query ($id: ID!, $statuses: [SeedStatus!]) { organization(id: $id) {
  id version description { ja en } prefecture city website publicNeedCount
  seeds(statuses: $statuses, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } } }`;
const UPDATE_MY_ORGANIZATION = `mutation ($input: UpdateMyOrganizationInput!) {
  updateMyOrganization(input: $input) { id version description { ja en } prefecture city website } }`;

interface SeedsView {
  totalCount: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; status: string } }[];
}
interface PersonView {
  id: string;
  name: { ja: string | null; en: string | null };
  title: string | null;
  bio: { ja: string | null; en: string | null };
  keywords: string[];
  fields: string[];
  researchmapUrl: string | null;
  orcid: string | null;
  labUrl: string | null;
  seeds: SeedsView;
}
interface OrganizationPage {
  id: string;
  version: number;
  description: { ja: string | null; en: string | null };
  prefecture: string | null;
  city: string | null;
  website: string | null;
  publicNeedCount: number;
  seeds: SeedsView;
}

const updateProfile = (input: Record<string, unknown>, token: string | undefined = researcher.accessToken) =>
  app.gql<{ updateMyProfile: PersonView }>(UPDATE_PROFILE, { input }, token);
const personPage = (id: string, token?: string, statuses?: string[]) =>
  app.gql<{ person: PersonView }>(PERSON_PAGE, { id, statuses }, token);
const organizationPage = (id: string, token?: string, statuses?: string[]) =>
  app.gql<{ organization: OrganizationPage }>(ORGANIZATION_PAGE, { id, statuses }, token);
const myPerson = async (account: Account, statuses?: string[]) =>
  dataOf(await app.gql<{ me: { person: PersonView | null } }>(MY_PERSON, { statuses }, account.accessToken))
    .me.person;

async function personRow(userId: string) {
  const { rows } = await app.db.query('SELECT * FROM person WHERE user_id = $1', [userId]);
  return rows[0] as Record<string, unknown> | undefined;
}

async function createNeed(input: Record<string, unknown>, token = brewer.accessToken) {
  const response = await app.gql<{ createNeed: { id: string; version: number } }>(
    'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id version } }',
    {
      input: {
        companyId: brewery.id,
        title: { ja: '香りの安定' },
        description: { ja: '吟醸香のばらつき。' },
        ...input,
      },
    },
    token,
  );
  return dataOf(response).createNeed;
}

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  university = await createOrganization(app, admin, 'university', {
    name: { ja: '山形大学（架空）', en: 'Yamagata University (fictional)' },
    prefecture: '山形県',
    city: '鶴岡市',
  });
  brewery = await createOrganization(app, admin, 'company', { name: { ja: '羽黒酒造（架空）' } });
  researcher = await signUpAs(app, 'RESEARCHER', university.id, {
    name: { ja: '庄内 花子', en: 'Hanako Shonai' },
  });
  colleague = await signUpAs(app, 'RESEARCHER', university.id);
  brewer = await signUpAs(app, 'COMPANY_MEMBER', brewery.id);
  pending = await signUpAs(app, 'RESEARCHER', university.id);
  for (const account of [researcher, colleague, brewer])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
});
afterAll(async () => {
  await app?.close();
});

describe('a researcher’s own profile', () => {
  it('is made on the first edit, linked to the account, and audited', async () => {
    expect(await personRow(researcher.userId)).toBeUndefined();
    expect(await myPerson(researcher)).toBeNull();
    const person = dataOf(
      await updateProfile({
        title: ' 准教授 ',
        bio: {
          ja: '発酵微生物の代謝を研究しています。',
          en: 'I study the metabolism of fermentation microbes.',
        },
        keywords: ['乳酸菌', ' lactic acid bacteria ', '乳酸菌', ''],
        fields: ['fermentation-bioprocess', 'metabolomics'],
        researchmapUrl: 'https://researchmap.jp/hanako-shonai',
        orcid: '0000-0002-1694-233X',
        labUrl: 'https://lab.example.ac.jp/shonai',
      }),
    ).updateMyProfile;
    expect(person).toMatchObject({
      name: { ja: '庄内 花子', en: 'Hanako Shonai' },
      title: '准教授',
      keywords: ['乳酸菌', 'lactic acid bacteria'],
      fields: ['fermentation-bioprocess', 'metabolomics'],
      orcid: '0000-0002-1694-233X',
    });
    researcherPersonId = person.id;
    expect((await personRow(researcher.userId))?.organization_id).toBe(university.id);
    expect((await myPerson(researcher))?.id).toBe(person.id);
    const audit = await app.db.query(
      `SELECT action, actor_user_id FROM audit_entry WHERE entity_type = 'person' AND entity_id = $1`,
      [person.id],
    );
    expect(audit.rows).toEqual([{ action: 'updated', actor_user_id: researcher.userId }]);
  });

  it('changes only the fields given; null clears a link', async () => {
    const person = dataOf(
      await updateProfile({ name: { ja: '庄内 花子', en: 'Dr Hanako Shonai' }, labUrl: null }),
    ).updateMyProfile;
    expect(person).toMatchObject({ name: { en: 'Dr Hanako Shonai' }, labUrl: null, title: '准教授' });
    expect(person.orcid).toBe('0000-0002-1694-233X');
  });

  it('is the person a first seed lists (one person per account)', async () => {
    const seed = await publishedSeed(app, researcher, {
      title: { ja: '漬物の乳酸菌', en: 'Pickle lactic acid bacteria' },
      summary: { ja: '庄内の漬物由来の乳酸菌。' },
      fields: ['fermentation-bioprocess'],
      institutionId: university.id,
      trl: 5,
      collaborationTypes: ['joint-research'],
    });
    publishedId = seed.id;
    const draft = dataOf(
      await app.gql<{ createSeed: { id: string } }>(
        'mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id } }',
        {
          input: {
            title: { ja: '未公開の酵母' },
            summary: { ja: '下書き' },
            fields: ['fermentation-bioprocess'],
            institutionId: university.id,
          },
        },
        researcher.accessToken,
      ),
    ).createSeed;
    draftId = draft.id;
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM person WHERE user_id = $1', [
      researcher.userId,
    ]);
    expect(rows[0].n).toBe(1);
    const listed = await app.db.query('SELECT person_id FROM seed_researcher WHERE seed_id = $1', [
      publishedId,
    ]);
    expect(listed.rows).toEqual([{ person_id: researcherPersonId }]);
  });

  it.each([
    ['orcid', { orcid: '0000-0002-1694-2338' }], // wrong check digit
    ['orcid', { orcid: '0000000216942338' }],
    ['researchmapUrl', { researchmapUrl: 'https://evil.example/researchmap.jp' }],
    ['researchmapUrl', { researchmapUrl: 'http://researchmap.jp/hanako' }],
    ['labUrl', { labUrl: 'javascript:alert(1)' }],
    ['labUrl', { labUrl: 'http://lab.example.ac.jp' }],
    ['fields', { fields: ['not-a-field'] }],
    ['keywords', { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }],
    ['keywords', { keywords: ['x'.repeat(101)] }],
    ['bio.ja', { bio: { ja: 'あ'.repeat(2001) } }],
    ['title', { title: 't'.repeat(101) }],
    ['bio.en', { bio: { ja: 'ok', en: 'bad\u0000text' } }],
  ])('refuses a bad %s, naming it and writing nothing', async (path, input) => {
    const before = await personRow(researcher.userId);
    expectError(await updateProfile(input), 'BAD_USER_INPUT', { path: `input.${path}` });
    expect(await personRow(researcher.userId)).toEqual(before);
  });

  it('is only ever one’s own: another researcher’s edit makes and changes their own person', async () => {
    const before = await personRow(researcher.userId);
    const theirs = dataOf(await updateProfile({ title: '助教' }, colleague.accessToken)).updateMyProfile;
    expect(theirs.id).not.toBe(researcherPersonId);
    expect(await personRow(researcher.userId)).toEqual(before);
    // there is no way to name a person: an id is not part of the input
    expectError(
      await updateProfile({ id: researcherPersonId, title: 'x' }, colleague.accessToken),
      'BAD_USER_INPUT',
      {
        localized: false,
      },
    );
  });

  it('is for approved researchers only', async () => {
    expectError(await app.gql(UPDATE_PROFILE, { input: { title: 'x' } }), 'UNAUTHENTICATED');
    expectError(await updateProfile({ title: 'x' }, pending.accessToken), 'FORBIDDEN');
    expectError(await updateProfile({ title: 'x' }, brewer.accessToken), 'FORBIDDEN');
    expect(await personRow(pending.userId)).toBeUndefined();
    expect(await personRow(brewer.userId)).toBeUndefined();
  });

  it('links account to person only for the account itself and coordinators', async () => {
    const MEMBERS = `query ($id: ID!) { organizationMembers(organizationId: $id) { edges { node { id person { id } } } } }`;
    const personOf = async (token: string) => {
      const page = dataOf(
        await app.gql<{
          organizationMembers: { edges: { node: { id: string; person: { id: string } | null } }[] };
        }>(MEMBERS, { id: university.id }, token),
      ).organizationMembers;
      return page.edges.find((edge) => edge.node.id === researcher.userId)?.node.person ?? null;
    };
    expect(await personOf(colleague.accessToken)).toBeNull();
    expect(await personOf(coordinator.accessToken)).toEqual({ id: researcherPersonId });
  });
});

describe('a person’s page', () => {
  it('shows the profile and published seeds to anyone, and never an e-mail', async () => {
    const person = dataOf(await personPage(researcherPersonId)).person;
    expect(person).toMatchObject({
      bio: { ja: '発酵微生物の代謝を研究しています。' },
      researchmapUrl: 'https://researchmap.jp/hanako-shonai',
      orcid: '0000-0002-1694-233X',
    });
    expect(person.seeds).toEqual({
      totalCount: 1,
      edges: [{ node: { id: publishedId, status: 'PUBLISHED' } }],
    });
    expectError(
      await app.gql(`query ($id: ID!) { person(id: $id) { email } }`, { id: researcherPersonId }),
      'GRAPHQL_VALIDATION_FAILED',
      { localized: false },
    );
  });

  it('never shows or counts a draft to anonymous viewers, colleagues or companies, even when asked', async () => {
    for (const token of [undefined, colleague.accessToken, brewer.accessToken, pending.accessToken]) {
      const seeds = dataOf(await personPage(researcherPersonId, token, ['DRAFT', 'PUBLISHED', 'ARCHIVED']))
        .person.seeds;
      expect(seeds.totalCount).toBe(1);
      expect(seeds.edges.map((edge) => edge.node.id)).not.toContain(draftId);
    }
  });

  it('shows the researcher their own drafts when they ask for them', async () => {
    const seeds = (await myPerson(researcher, ['DRAFT', 'PUBLISHED']))?.seeds;
    expect(seeds?.totalCount).toBe(2);
    expect(seeds?.edges.map((edge) => edge.node.id).sort()).toEqual([draftId, publishedId].sort());
    // the default is what everyone sees: published only
    expect((await myPerson(researcher))?.seeds.totalCount).toBe(1);
  });
});

describe('an organization’s page', () => {
  it('shows an institution’s published seeds, paginated, never its drafts', async () => {
    await publishedSeed(app, colleague, {
      title: { ja: '庄内柿の渋み' },
      summary: { ja: '渋みの成分。' },
      fields: ['fermentation-bioprocess'],
      institutionId: university.id,
      trl: 3,
      collaborationTypes: ['joint-research'],
    });
    for (const token of [undefined, brewer.accessToken, colleague.accessToken]) {
      const page = dataOf(await organizationPage(university.id, token, ['DRAFT', 'PUBLISHED'])).organization;
      expect(page.seeds.totalCount).toBe(2);
      expect(page.seeds.pageInfo?.hasNextPage).toBe(true);
      const next = dataOf(
        await app.gql<{ organization: { seeds: SeedsView } }>(
          `query ($id: ID!, $after: String) { organization(id: $id) { seeds(first: 5, after: $after) { edges { node { id status } } } } }`,
          { id: university.id, after: page.seeds.pageInfo?.endCursor },
          token,
        ),
      ).organization.seeds;
      const seen = [...page.seeds.edges, ...next.edges].map((edge) => edge.node);
      expect(seen).toHaveLength(2);
      expect(seen.every((seed) => seed.status === 'PUBLISHED')).toBe(true);
    }
    // staff and the listed researcher see the draft where they ask for it
    const staffView = dataOf(
      await organizationPage(university.id, coordinator.accessToken, ['DRAFT']),
    ).organization;
    expect(staffView.seeds.totalCount).toBe(1);
  });

  it('counts only open needs anyone may read, for every viewer', async () => {
    await createNeed({ confidentiality: 'PUBLIC' });
    const closing = await createNeed({ confidentiality: 'PUBLIC' });
    await createNeed({ confidentiality: 'COORDINATORS' });
    await createNeed({}); // confidential by default
    dataOf(
      await app.gql(
        'mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { id } }',
        { input: closing },
        brewer.accessToken,
      ),
    );
    for (const token of [undefined, brewer.accessToken, coordinator.accessToken, researcher.accessToken]) {
      expect(dataOf(await organizationPage(brewery.id, token)).organization.publicNeedCount).toBe(1);
    }
  });

  it('lets an approved member edit the description, place and website of their own organization', async () => {
    const { version } = dataOf(await organizationPage(university.id)).organization;
    const edited = dataOf(
      await app.gql<{ updateMyOrganization: OrganizationPage }>(
        UPDATE_MY_ORGANIZATION,
        {
          input: {
            version,
            description: { ja: '庄内の発酵研究拠点。', en: 'Fermentation research in Shonai.' },
            city: '酒田市',
            website: 'https://www.example.ac.jp/',
          },
        },
        researcher.accessToken,
      ),
    ).updateMyOrganization;
    expect(edited).toMatchObject({
      id: university.id,
      version: version + 1,
      description: { ja: '庄内の発酵研究拠点。' },
      prefecture: '山形県',
      city: '酒田市',
      website: 'https://www.example.ac.jp/',
    });
    expect(dataOf(await organizationPage(university.id)).organization.description.en).toBe(
      'Fermentation research in Shonai.',
    );
    const audit = await app.db.query(
      `SELECT actor_user_id FROM audit_entry WHERE entity_type = 'organization' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
      [university.id],
    );
    expect(audit.rows[0].actor_user_id).toBe(researcher.userId);
  });

  it('refuses a member’s bad or stale edit, and anyone who is not an approved member', async () => {
    const { version, website } = dataOf(await organizationPage(university.id)).organization;
    const edit = (input: Record<string, unknown>, token?: string) =>
      app.gql(UPDATE_MY_ORGANIZATION, { input: { version, ...input } }, token);
    expectError(
      await edit({ website: 'http://www.example.ac.jp/' }, researcher.accessToken),
      'BAD_USER_INPUT',
      {
        path: 'input.website',
      },
    );
    expectError(
      await edit({ description: { ja: 'x'.repeat(5001) } }, researcher.accessToken),
      'BAD_USER_INPUT',
      {
        path: 'input.description.ja',
      },
    );
    expectError(await edit({ name: { ja: '乗っ取り' } }, researcher.accessToken), 'BAD_USER_INPUT', {
      localized: false,
    });
    expectError(await edit({ city: '鶴岡市' }, pending.accessToken), 'FORBIDDEN');
    expectError(await edit({ city: '鶴岡市' }, coordinator.accessToken), 'FORBIDDEN');
    expectError(await edit({ city: '鶴岡市' }), 'UNAUTHENTICATED');
    expectError(
      await app.gql(
        UPDATE_MY_ORGANIZATION,
        { input: { version: version - 1, city: '鶴岡市' } },
        colleague.accessToken,
      ),
      'CONFLICT',
    );
    // a member edits their own organization only: the brewer's edit lands on the brewery
    const brewerEdit = dataOf(
      await app.gql<{ updateMyOrganization: OrganizationPage }>(
        UPDATE_MY_ORGANIZATION,
        { input: { version: 1, city: '鶴岡市' } },
        brewer.accessToken,
      ),
    ).updateMyOrganization;
    expect(brewerEdit.id).toBe(brewery.id);
    const after = dataOf(await organizationPage(university.id)).organization;
    expect(after).toMatchObject({ version, website, city: '酒田市' });
  });
});
