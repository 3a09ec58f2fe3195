import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '#libs/core';
import { CatalogImportService } from '#libs/catalog';
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
} from './support/fixtures.js';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO = readFileSync(join(projectRoot(), 'data', 'demo', 'catalog.ndjson'), 'utf8');
const demoLines = DEMO.trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Record<string, unknown>);
const count = (kind: string, where: (record: Record<string, unknown>) => boolean = () => true) =>
  demoLines.filter((record) => record.kind === kind && where(record)).length;

const IMPORT = `mutation ($input: ImportCatalogInput!) {
  importCatalog(input: $input) { created updated unchanged rejected lines written problems { line key reason } }
}`;
interface Report {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  lines: number;
  written: boolean;
  problems: { line: number; key: string | null; reason: string }[];
}

let app: TestApp;
let coordinator: Account;

const importText = async (
  ndjson: string,
  options: { partial?: boolean; dryRun?: boolean } = {},
  token = coordinator.accessToken,
) => app.gql<{ importCatalog: Report }>(IMPORT, { input: { ndjson, ...options } }, token);
const exportText = async (target: TestApp, token: string) =>
  dataOf(await target.gql<{ exportCatalog: string }>('{ exportCatalog }', {}, token)).exportCatalog;
const tableCounts = async () => {
  const counts: Record<string, number> = {};
  for (const table of [
    'organization',
    'person',
    'program',
    'research_seed',
    'company_need',
    'seed_researcher',
    'audit_entry',
  ]) {
    counts[table] = Number((await app.db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
  }
  return counts;
};

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  coordinator = await createStaff(app, await signInAdmin(app));
});
afterAll(async () => {
  await app?.close();
});

describe('importing the demo catalogue', () => {
  it('creates every record once, and a second import changes nothing', async () => {
    const first = dataOf(await importText(DEMO)).importCatalog;
    expect(first).toMatchObject({
      created: demoLines.length,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      written: true,
      problems: [],
    });
    const counts = await tableCounts();
    expect(counts).toMatchObject({
      organization: count('organization'),
      person: count('person'),
      program: count('program'),
      research_seed: count('seed'),
      company_need: count('need'),
    });
    expect(counts.audit_entry).toBe(demoLines.length); // every imported record is in the audit log

    const again = dataOf(await importText(DEMO)).importCatalog;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: demoLines.length, rejected: 0 });
    expect(await tableCounts()).toEqual(counts);
  });

  it('shows visitors the published seeds and public open needs only', async () => {
    const seeds = dataOf(await app.gql<{ seeds: { totalCount: number } }>('{ seeds { totalCount } }')).seeds;
    expect(seeds.totalCount).toBe(count('seed', (seed) => (seed.status ?? 'published') === 'published'));
    const needs = dataOf(await app.gql<{ needs: { totalCount: number } }>('{ needs { totalCount } }')).needs;
    expect(needs.totalCount).toBe(
      count('need', (need) => need.confidentiality === 'public' && (need.status ?? 'open') === 'open'),
    );
  });

  it('finds imported records by their externalId', async () => {
    const org = demoLines.find((record) => record.kind === 'organization')!;
    const seed = demoLines.find(
      (record) => record.kind === 'seed' && (record.status ?? 'published') === 'published',
    )!;
    const found = dataOf(
      await app.gql<{ organization: { name: unknown }; seed: { externalId: string } }>(
        'query ($org: String!, $seed: String!) { organization(externalId: $org) { name { ja en } } seed(externalId: $seed) { externalId } }',
        { org: org.externalId, seed: seed.externalId },
      ),
    );
    expect(found.organization.name).toEqual({ ja: null, en: null, ...(org.name as object) });
    expect(found.seed.externalId).toBe(seed.externalId);

    const person = demoLines.find((record) => record.kind === 'person')!;
    const shown = dataOf(
      await app.gql<{ person: { name: unknown; organization: { id: string } } }>(
        'query ($key: String!) { person(externalId: $key) { name { ja en } organization { id } } }',
        { key: person.externalId },
      ),
    ).person;
    expect(shown.name).toEqual({ ja: null, en: null, ...(person.name as object) });
    expect(JSON.stringify(await app.gql('{ __type(name: "Person") { fields { name } } }'))).not.toContain(
      'email',
    ); // never public
    expectError(await app.gql('{ person(externalId: "nobody") { id } }'), 'NOT_FOUND', {
      path: 'externalId',
    });
  });

  it('updates an edited record in place and audits the change', async () => {
    const seedLine = demoLines.find((record) => record.kind === 'seed' && record.trl === 5)!;
    const edited = JSON.stringify({ ...seedLine, trl: 6 });
    const report = dataOf(await importText(edited)).importCatalog;
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const { rows } = await app.db.query(
      `SELECT s.trl, a.changes FROM research_seed s JOIN audit_entry a ON a.entity_id = s.id WHERE s.external_id = $1 ORDER BY a.at DESC LIMIT 1`,
      [seedLine.externalId],
    );
    expect(rows[0]).toEqual({ trl: 6, changes: { trl: { before: 5, after: 6 } } });
  });
});

describe('export', () => {
  it('round-trips: exported, imported into an empty database, exported again, byte for byte', async () => {
    const first = await exportText(app, coordinator.accessToken);
    expect(first.split('\n').filter(Boolean)).toHaveLength(demoLines.length);
    const empty = await startTestApp(adminEnv());
    try {
      const otherCoordinator = await createStaff(empty, await signInAdmin(empty));
      const report = dataOf(
        await empty.gql<{ importCatalog: Report }>(
          IMPORT,
          { input: { ndjson: first } },
          otherCoordinator.accessToken,
        ),
      ).importCatalog;
      expect(report).toMatchObject({ created: demoLines.length, rejected: 0 });
      expect(await exportText(empty, otherCoordinator.accessToken)).toBe(first);
    } finally {
      await empty.close();
    }
  });

  it('carries records made in Kyoso under their id, and stays readable as an import', async () => {
    const made = await createOrganization(app, coordinator.accessToken, 'company', {
      name: { ja: '新しい会社' },
    });
    const text = await exportText(app, coordinator.accessToken);
    expect(text).toContain(`"externalId":"${made.id}"`);
    expect(dataOf(await importText(text, { dryRun: true })).importCatalog).toMatchObject({
      created: 0,
      rejected: 0,
    });
  });

  it('is for coordinators only: it holds confidential needs', async () => {
    const university = await createOrganization(app, coordinator.accessToken, 'university');
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'approve');
    expectError(await app.gql('{ exportCatalog }', {}, researcher.accessToken), 'FORBIDDEN');
    expectError(await app.gql('{ exportCatalog }'), 'UNAUTHENTICATED');
    expectError(await importText('{}', {}, researcher.accessToken), 'FORBIDDEN');
  });
});

describe('uploading a file', () => {
  const UPLOAD = `mutation ($input: ImportCatalogInput!, $file: Upload) {
    importCatalog(input: $input, file: $file) { created rejected written problems { line reason } }
  }`;
  const upload = (
    text: string,
    input: Record<string, unknown> = {},
    headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
  ) => {
    const call = request(app.url).post('/graphql').set('authorization', `Bearer ${coordinator.accessToken}`);
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    return call
      .field('operations', JSON.stringify({ query: UPLOAD, variables: { input, file: null } }))
      .field('map', JSON.stringify({ 0: ['variables.file'] }))
      .attach('0', Buffer.from(text), { filename: 'catalog.ndjson', contentType: 'application/x-ndjson' });
  };
  const organizations = ['u-1', 'u-2', 'u-3']
    .map((id) =>
      JSON.stringify({
        kind: 'organization',
        externalId: id,
        name: { ja: `アップロード${id}` },
        type: 'startup',
      }),
    )
    .join('\n');

  it('imports an uploaded catalogue like the same text', async () => {
    const response = await upload(organizations);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.importCatalog).toMatchObject({ created: 3, rejected: 0, written: true });
  });

  it('wants the text or a file, not both and not neither', async () => {
    const both = await upload(organizations, { ndjson: organizations });
    expect(both.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expectError(await app.gql(IMPORT, { input: {} }, coordinator.accessToken), 'BAD_USER_INPUT', {
      path: 'input.ndjson',
    });
  });

  it('refuses a multipart request without the CSRF preflight header, as a client error', async () => {
    const response = await upload(organizations, {}, {});
    expect(response.status).toBe(400);
  });
});

describe('hostile files', () => {
  const org = (externalId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ kind: 'organization', externalId, name: { ja: 'テスト' }, type: 'company', ...extra });

  const cases: [string, string, number, RegExp][] = [
    ['a truncated line', `${org('h-ok-1')}\n{"kind":"organization","externalId":"h-trunc"`, 2, /JSON/i],
    ['a wrong type', `${org('h-ok-2')}\n${org('h-type', { name: 'not bilingual' })}`, 2, /object/],
    [
      'an unknown code',
      `${org('h-ok-3')}\n${org('h-code', { type: 'castle' })}`,
      2,
      /organizationTypes|castle/,
    ],
    ['a duplicate externalId', `${org('h-dup')}\n${org('h-dup')}`, 2, /duplicate/],
    [
      'a dangling reference',
      `${org('h-ok-4')}\n${JSON.stringify({ kind: 'person', externalId: 'h-person', name: { ja: '誰か' }, organization: 'h-nowhere', role: 'researcher' })}`,
      2,
      /h-nowhere/,
    ],
    [
      'a program listing itself (no cycles can be written)',
      JSON.stringify({ kind: 'program', externalId: 'h-prog', name: { ja: '循環' }, programs: ['h-prog'] }),
      1,
      /unknown key/,
    ],
  ];

  it.each(cases)(
    'refuses %s with its line and reason, writing nothing',
    async (_name, text, line, reason) => {
      const before = await tableCounts();
      const report = dataOf(await importText(text)).importCatalog;
      expect(report.written).toBe(false);
      expect(report.rejected).toBeGreaterThanOrEqual(1);
      const problem = report.problems.find((p) => p.line === line);
      expect(problem?.reason).toMatch(reason);
      expect(await tableCounts()).toEqual(before);
    },
  );

  it('in partial mode writes the good lines and reports the bad ones', async () => {
    const before = await tableCounts();
    const report = dataOf(
      await importText(`${org('h-partial-good')}\n${org('h-partial-bad', { type: 'castle' })}`, {
        partial: true,
      }),
    ).importCatalog;
    expect(report).toMatchObject({ created: 1, rejected: 1, written: true });
    expect((await tableCounts()).organization).toBe(before.organization + 1);
  });

  it('in a dry run counts without writing', async () => {
    const before = await tableCounts();
    const report = dataOf(await importText(org('h-dry'), { dryRun: true })).importCatalog;
    expect(report).toMatchObject({ created: 1, written: false });
    expect(await tableCounts()).toEqual(before);
  });

  it('reports invalid UTF-8 and a 10 MB line without writing', async () => {
    const importer = app.api.app.get(CatalogImportService);
    const before = await tableCounts();
    const badBytes = Buffer.concat([
      Buffer.from(`${org('h-utf-ok')}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
    ]);
    const utf = await importer.run(() => [badBytes], { actorUserId: null });
    expect(utf.problems).toEqual([
      expect.objectContaining({ lineNumber: 2, reason: expect.stringMatching(/UTF-8/) }),
    ]);

    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const huge = async function* () {
      yield Buffer.from(`${org('h-huge-ok')}\n{"kind":"organization","externalId":"h-huge","name":{"ja":"`);
      for (let i = 0; i < 160; i++) yield chunk; // 10 MiB
      yield Buffer.from('"},"type":"company"}\n');
    };
    const long = await importer.run(() => huge(), { actorUserId: null });
    expect(long.problems).toEqual([
      expect.objectContaining({ lineNumber: 2, reason: expect.stringMatching(/longer than/) }),
    ]);
    expect(long.written).toBe(false);
    expect(await tableCounts()).toEqual(before);
  });
});
