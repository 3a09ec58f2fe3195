import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SEARCH_ENGINE, SearchReindexService, type SearchEngine } from '#libs/search';
import { adminEnv, createStaff, dataOf, signInAdmin, type Account } from './support/fixtures.js';
import { searchHealth, waitForIndex } from './support/search.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The index must equal the database after any engine failure: no change
 * lost, none applied twice, nothing stale. Failures are injected into the
 * real engine of the running app, after part of a batch was applied.
 */

const IMPORT = `mutation ($input: ImportCatalogInput!) { importCatalog(input: $input) { created updated rejected written } }`;
const UPDATE_SEED = `mutation ($input: UpdateSeedInput!) { updateSeed(input: $input) { id version } }`;

let app: TestApp;
let coordinator: Account;
let engine: SearchEngine;
let failing: false | 'always' | 'every-other' = false;
let calls = 0;

function catalog(round: number, seeds: number, needs: number): string {
  const lines: object[] = [
    {
      kind: 'organization',
      externalId: 'org-lab',
      type: 'university',
      name: { ja: '鶴岡大学', en: 'Tsuruoka University' },
      prefecture: '山形県',
    },
    {
      kind: 'organization',
      externalId: 'org-co',
      type: 'company',
      name: { ja: '庄内食品', en: 'Shonai Foods' },
    },
  ];
  for (let i = 0; i < seeds; i++) {
    lines.push({
      kind: 'seed',
      externalId: `seed-${i}`,
      title: { ja: `発酵シーズ${i} 第${round}版`, en: `Fermentation seed ${i} round ${round}` },
      summary: { en: `Koji fermentation study number ${i}.` },
      fields: ['fermentation-bioprocess'],
      institution: 'org-lab',
      trl: (i % 9) + 1,
      collaborationTypes: ['joint-research'],
      status: i % 5 === 0 ? 'draft' : 'published',
    });
  }
  for (let i = 0; i < needs; i++) {
    lines.push({
      kind: 'need',
      externalId: `need-${i}`,
      company: 'org-co',
      title: { ja: `ニーズ${i} 第${round}版` },
      description: { ja: '麹の活用を探しています。' },
      confidentiality: i % 2 ? 'public' : 'coordinators',
    });
  }
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

const importCatalog = async (ndjson: string) =>
  dataOf(
    await app.gql<{ importCatalog: { written: boolean } }>(
      IMPORT,
      { input: { ndjson } },
      coordinator.accessToken,
    ),
  ).importCatalog;

/** The index holds exactly the database's seeds and needs, each as the database has it now. */
async function expectIndexEqualsDatabase() {
  const seeds = (await app.db.query('SELECT id, title_en, status FROM research_seed ORDER BY id')).rows as {
    id: string;
    title_en: string;
    status: string;
  }[];
  const needs = (await app.db.query('SELECT id, title_ja FROM company_need ORDER BY id')).rows as {
    id: string;
    title_ja: string;
  }[];
  const seedIds = await engine.documentIds('seeds');
  const needIds = await engine.documentIds('needs');
  expect(seedIds).toEqual(seeds.map((seed) => seed.id));
  expect(new Set(seedIds).size).toBe(seedIds.length);
  expect(needIds).toEqual(needs.map((need) => need.id));
  for (const seed of seeds) {
    const document = await engine.getDocument('seeds', seed.id);
    expect({ id: seed.id, titleEn: document?.titleEn, status: document?.status }).toEqual({
      id: seed.id,
      titleEn: seed.title_en,
      status: seed.status,
    });
  }
  for (const need of needs) expect((await engine.getDocument('needs', need.id))?.titleJa).toBe(need.title_ja);
}

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  coordinator = await createStaff(app, await signInAdmin(app));
  engine = app.api.app.get<symbol, SearchEngine>(SEARCH_ENGINE, { strict: false });
  const apply = engine.apply.bind(engine);
  // a failing engine that still applied the seeds part of the batch, as a Meilisearch task may succeed before its sibling fails
  engine.apply = async (batches, change) => {
    calls++;
    const fail = failing === 'always' || (failing === 'every-other' && calls % 2 === 0);
    if (!fail) return apply(batches, change);
    if (batches.seeds)
      await apply(
        {
          seeds: {
            upserts: batches.seeds.upserts.slice(0, Math.ceil(batches.seeds.upserts.length / 2)),
            deletes: [],
          },
        },
        0,
      );
    throw new Error('injected: engine unavailable');
  };
  await waitForIndex(app);
});
afterAll(async () => {
  await app?.close();
});

describe('the search outbox when the engine fails', () => {
  it('keeps every write while the engine is down, and catches up exactly when it returns', async () => {
    failing = 'always';
    expect((await importCatalog(catalog(1, 120, 30))).written).toBe(true);
    const seed = (await app.db.query(`SELECT id, version FROM research_seed WHERE external_id = 'seed-7'`))
      .rows[0];
    dataOf(
      await app.gql(
        UPDATE_SEED,
        { input: { id: seed.id, version: seed.version, title: { en: 'Renamed while the engine was down' } } },
        coordinator.accessToken,
      ),
    );

    await new Promise((resolve) => setTimeout(resolve, 300));
    const down = await searchHealth(app);
    expect(down.outbox.pending).toBeGreaterThanOrEqual(153);
    expect(down.outbox.oldestPendingSeconds).toBeGreaterThan(0);
    const failed = (
      await app.db.query(
        `SELECT count(*)::int AS n FROM outbox_change WHERE attempts > 0 AND last_error LIKE 'injected%' AND processed_at IS NULL`,
      )
    ).rows[0].n;
    expect(failed).toBeGreaterThan(0);

    failing = false;
    await waitForIndex(app);
    await expectIndexEqualsDatabase();
    expect((await engine.getDocument('seeds', seed.id))?.titleEn).toBe('Renamed while the engine was down');
  });

  it('converges under intermittent failures during a stream of writes', async () => {
    failing = 'every-other';
    for (let round = 2; round <= 5; round++)
      expect((await importCatalog(catalog(round, 120 + round * 10, 30))).written).toBe(true);
    failing = false;
    await waitForIndex(app);
    await expectIndexEqualsDatabase();
  });

  it('rebuilds without losing the writes made during the rebuild', async () => {
    const reindexer = app.api.app.get(SearchReindexService, { strict: false });
    const begin = engine.beginRebuild.bind(engine);
    const seed = (await app.db.query(`SELECT id, version FROM research_seed WHERE external_id = 'seed-3'`))
      .rows[0];
    // just before the swap: a seed the rebuild already holds changes, and the relay applies it to the live index
    engine.beginRebuild = async (index) => {
      const rebuild = await begin(index);
      return {
        ...rebuild,
        swap: async () => {
          dataOf(
            await app.gql(
              UPDATE_SEED,
              { input: { id: seed.id, version: seed.version, title: { en: 'Changed during the rebuild' } } },
              coordinator.accessToken,
            ),
          );
          await waitForIndex(app);
          return rebuild.swap();
        },
      };
    };
    expect(await reindexer.reindex('seeds')).toBe(
      Number((await app.db.query('SELECT count(*) FROM research_seed')).rows[0].count),
    );
    engine.beginRebuild = begin;
    await waitForIndex(app);
    await expectIndexEqualsDatabase();
    expect((await engine.getDocument('seeds', seed.id))?.titleEn).toBe('Changed during the rebuild');
  });
});
