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
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 10 item 3: the NDA binds people, not sides, and a researcher lists no one of another institution.

const NEED_TITLE = '極秘: 減塩しょうゆの新製法';
const CREATE_SEED = `mutation ($input: CreateSeedInput!) { createSeed(input: $input) { id version researchers { id } } }`;
const UPDATE_SEED = `mutation ($input: UpdateSeedInput!) { updateSeed(input: $input) { id version researchers { id } } }`;
const MOVE = `mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { id version state } }`;
const ACCEPT = `mutation ($input: AcceptNdaInput!) { acceptNda(input: $input) { id } }`;
const DETAILS = `query ($id: ID!) { proposal(id: $id) { state need { id title { ja } } contacts { party email } } }`;

interface Details {
  state: string;
  need: { id: string; title: { ja: string | null } } | null;
  contacts: { party: string; email: string }[];
}

let app: TestApp;
let coordinator: Account;
let member: Account;
let researcher: Account;
let colleague: Account;
let foreign: Account;
let lateMember: Account;
let seed: { id: string; version: number };
let needId: string;
let institutionId: string;
let proposalId: string;
let version: string;
const personOf: Record<string, string> = {};

const seen = async (account: Account) =>
  dataOf(await app.gql<{ proposal: Details }>(DETAILS, { id: proposalId }, account.accessToken)).proposal;
const accept = (account: Account, textVersion = version) =>
  app.gql(ACCEPT, { input: { proposalId, textVersion } }, account.accessToken);
const listOnSeed = (account: Account, people: string[]) =>
  app.gql<{ updateSeed: { id: string; version: number; researchers: { id: string }[] } }>(
    UPDATE_SEED,
    { input: { id: seed.id, version: seed.version, researcherIds: people } },
    account.accessToken,
  );
const seedState = async () => {
  const { rows } = await app.db.query(
    `SELECT s.version, array(SELECT person_id::text FROM seed_researcher WHERE seed_id = s.id ORDER BY 1) AS people,
       (SELECT count(*)::int FROM audit_entry WHERE entity_id = s.id) AS audits
     FROM research_seed s WHERE s.id = $1`,
    [seed.id],
  );
  return rows[0];
};

/** A person for the account in the directory: the one their own draft seed lists. */
async function personFor(account: Account, institutionId: string): Promise<string> {
  const created = dataOf(
    await app.gql<{ createSeed: { researchers: { id: string }[] } }>(
      CREATE_SEED,
      {
        input: {
          title: { ja: '下書き' },
          summary: { ja: '下書き' },
          fields: ['metabolomics'],
          institutionId,
        },
      },
      account.accessToken,
    ),
  ).createSeed;
  return created.researchers[0].id;
}

beforeAll(async () => {
  app = await startTestApp({ ...adminEnv(), DEMO_CATALOG: 'true', AUTO_PROPOSALS: 'false' });
  const admin = await signInAdmin(app);
  coordinator = await createStaff(app, admin);
  const company = await createOrganization(app, admin, 'company', {
    name: { ja: '鶴岡醤油', en: 'Tsuruoka Soy' },
  });
  const institute = await createOrganization(app, admin, 'university', { name: { ja: '庄内大学' } });
  institutionId = institute.id;
  const other = await createOrganization(app, admin, 'university', { name: { ja: '別の大学' } });
  member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  lateMember = await signUpAs(app, 'COMPANY_MEMBER', company.id);
  researcher = await signUpAs(app, 'RESEARCHER', institute.id);
  colleague = await signUpAs(app, 'RESEARCHER', institute.id);
  foreign = await signUpAs(app, 'RESEARCHER', other.id);
  for (const account of [member, researcher, colleague, foreign])
    await decideAffiliation(app, coordinator.accessToken, account.userId, 'approve');
  personOf.colleague = await personFor(colleague, institute.id);
  personOf.foreign = await personFor(foreign, other.id);
  seed = await publishedSeed(app, researcher, {
    title: { ja: '麹菌による減塩技術' },
    summary: { ja: '麹菌の酵素で塩味を補う。' },
    fields: ['fermentation-bioprocess'],
    institutionId: institute.id,
    trl: 5,
    collaborationTypes: ['joint-research'],
  });
  personOf.researcher = (
    await app.db.query('SELECT id FROM person WHERE user_id = $1', [researcher.userId])
  ).rows[0].id;
  needId = dataOf(
    await app.gql<{ createNeed: { id: string } }>(
      'mutation ($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
      {
        input: {
          companyId: company.id,
          title: { ja: NEED_TITLE },
          description: { ja: '塩分を3割減らしたい。' },
          fields: ['fermentation-bioprocess'],
          confidentiality: 'COORDINATORS',
        },
      },
      member.accessToken,
    ),
  ).createNeed.id;
  let proposal = dataOf(
    await app.gql<{ requestIntroduction: { id: string; version: number } }>(
      'mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id version } }',
      { input: { seedId: seed.id, needId } },
      member.accessToken,
    ),
  ).requestIntroduction;
  const move = async (to: string, account: Account) =>
    (proposal = dataOf(
      await app.gql<{ moveProposal: { id: string; version: number } }>(
        MOVE,
        { input: { id: proposal.id, version: proposal.version, to } },
        account.accessToken,
      ),
    ).moveProposal);
  await move('SHORTLISTED', coordinator);
  await move('INTRODUCED', coordinator);
  await move('MEETING', researcher);
  proposalId = proposal.id;
  version = dataOf(
    await app.gql<{ ndaText: { version: string } }>('{ ndaText { version } }', {}, member.accessToken),
  ).ndaText.version;
  for (const account of [member, researcher]) dataOf(await accept(account));
  await move('NDA', coordinator);
});
afterAll(async () => {
  await app?.close();
});

describe('listing people of another institution on a seed', () => {
  it('is refused to a researcher, naming the field, and changes nothing', async () => {
    const before = await seedState();
    const error = expectError(
      await listOnSeed(researcher, [personOf.researcher, personOf.foreign]),
      'FORBIDDEN',
      {
        reason: 'PERSON_OF_OTHER_INSTITUTION',
        path: 'input.researcherIds',
      },
    );
    expect(error.extensions.localizedMessage).toEqual({ ja: expect.any(String), en: expect.any(String) });
    expect(await seedState()).toEqual(before);
    // still no party to the proposal: the attack of issue 10 item 3 ends here
    expectError(await app.gql(DETAILS, { id: proposalId }, foreign.accessToken), 'NOT_FOUND');
    const seeds = Number((await app.db.query('SELECT count(*) FROM research_seed')).rows[0].count);
    expectError(
      await app.gql(
        CREATE_SEED,
        {
          input: {
            title: { ja: '共同' },
            summary: { ja: '共同' },
            fields: ['metabolomics'],
            institutionId,
            researcherIds: [personOf.foreign],
          },
        },
        researcher.accessToken,
      ),
      'FORBIDDEN',
      { reason: 'PERSON_OF_OTHER_INSTITUTION', path: 'input.researcherIds' },
    );
    expect(Number((await app.db.query('SELECT count(*) FROM research_seed')).rows[0].count)).toBe(seeds);
  });

  it('is the catalogue import’s to do, as a coordinator’s', async () => {
    const line = {
      kind: 'seed',
      externalId: 'seed-cross-institution',
      title: { ja: '機関をまたぐ共同シーズ' },
      summary: { ja: '二つの機関の研究者によるシーズ。' },
      fields: ['metabolomics'],
      institution: 'org-iab',
      researchers: ['p-iab-kobayashi', 'p-yua-igarashi'],
      collaborationTypes: ['joint-research'],
      status: 'draft',
    };
    const report = dataOf(
      await app.gql<{ importCatalog: { created: number; rejected: number; problems: unknown[] } }>(
        'mutation ($input: ImportCatalogInput!) { importCatalog(input: $input) { created rejected problems { reason } } }',
        { input: { ndjson: JSON.stringify(line) } },
        coordinator.accessToken,
      ),
    ).importCatalog;
    expect(report).toEqual({ created: 1, rejected: 0, problems: [] });
    const { rows } = await app.db.query(
      `SELECT p.external_id FROM seed_researcher sr JOIN person p ON p.id = sr.person_id
       JOIN research_seed s ON s.id = sr.seed_id WHERE s.external_id = 'seed-cross-institution' ORDER BY 1`,
    );
    expect(rows.map((row) => row.external_id)).toEqual(['p-iab-kobayashi', 'p-yua-igarashi']);
  });
});

describe('the NDA binds each person, not each side', () => {
  it('shows the sides who accepted the confidential need and both sides’ e-mails', async () => {
    const details = await seen(researcher);
    expect(details).toMatchObject({ state: 'NDA', need: { id: needId, title: { ja: NEED_TITLE } } });
    expect(details.contacts.map((contact) => contact.email).sort()).toEqual(
      [member.email, researcher.email].sort(),
    );
  });

  it('keeps everything it unlocks from someone of another institution a coordinator lists, until they accept', async () => {
    const listed = dataOf(await listOnSeed(coordinator, [personOf.researcher, personOf.foreign])).updateSeed;
    seed = { id: listed.id, version: listed.version };
    expect(await seen(foreign)).toEqual({ state: 'NDA', need: null, contacts: [] }); // as before the NDA
    dataOf(await accept(foreign));
    const after = await seen(foreign);
    expect(after.need).toEqual({ id: needId, title: { ja: NEED_TITLE } });
    expect(after.contacts.map((contact) => contact.email)).toEqual(
      expect.arrayContaining([member.email, researcher.email, foreign.email]),
    );
  });

  it('keeps it from a colleague the researcher lists later, until they accept', async () => {
    const listed = dataOf(
      await listOnSeed(researcher, [personOf.researcher, personOf.foreign, personOf.colleague]),
    ).updateSeed; // the coordinator's listing of another institution's researcher may stay
    seed = { id: listed.id, version: listed.version };
    expect(listed.researchers.map((person) => person.id)).toContain(personOf.colleague);
    expect(await seen(colleague)).toEqual({ state: 'NDA', need: null, contacts: [] });
    expect((await seen(researcher)).contacts.map((contact) => contact.email)).not.toContain(colleague.email);
    dataOf(await accept(colleague));
    expect(await seen(colleague)).toMatchObject({ need: { id: needId } });
    expect((await seen(researcher)).contacts.map((contact) => contact.email)).toContain(colleague.email);
  });

  it('keeps the contacts from someone who joins the company later, until they accept', async () => {
    await decideAffiliation(app, coordinator.accessToken, lateMember.userId, 'approve');
    const before = await seen(lateMember);
    expect(before.contacts).toEqual([]);
    expect(before.need?.id).toBe(needId); // their own company's need, by the catalog's rule
    dataOf(await accept(lateMember));
    expect((await seen(lateMember)).contacts.map((contact) => contact.email)).toContain(researcher.email);
  });

  it('does not count an acceptance of an earlier NDA text', async () => {
    await app.db.query(`UPDATE nda_acceptance SET text_version = '2000-01' WHERE user_id = $1`, [
      foreign.userId,
    ]);
    expect(await seen(foreign)).toEqual({ state: 'NDA', need: null, contacts: [] });
    expect((await seen(researcher)).contacts.map((contact) => contact.email)).not.toContain(foreign.email);
    expectError(await accept(foreign, '2000-01'), 'BAD_USER_INPUT', { path: 'input.textVersion' });
    dataOf(await accept(foreign));
    expect(await seen(foreign)).toMatchObject({ need: { id: needId } });
    dataOf(await accept(foreign)); // accepting again changes nothing
    const { rows } = await app.db.query(
      'SELECT text_version FROM nda_acceptance WHERE user_id = $1 ORDER BY 1',
      [foreign.userId],
    );
    expect(rows.map((row) => row.text_version)).toEqual(['2000-01', version]);
  });
});
