import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf } from '../support/fixtures.js';
import { schemaOperations, type Operation } from './fuzz/operations.js';
import { Random } from './fuzz/random.js';
import { makeCase, newTotals, runBatch, type FuzzCase, type Totals } from './fuzz/runner.js';
import { startWorld, type World } from './fuzz/world.js';

/**
 * Schema-driven fuzz: every argument of every Query and Mutation of schema.gql
 * gets generated hostile and valid-looking values (recursing through input
 * objects), sent as variables over HTTP by five roles, until 10,000 hostile
 * values have gone out (a call carries one or several, beside valid-looking
 * ones so that deeper code is reached). No answer may be an
 * INTERNAL_SERVER_ERROR, leak a stack, a path or SQL, or carry an odd status;
 * refused mutations write nothing. FUZZ_SEED=<n> replays a run; FUZZ_INPUTS
 * (hostile values) and FUZZ_CONCURRENCY change its size.
 */
const INPUTS = Number(process.env.FUZZ_INPUTS ?? 10_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Calls between two row-count snapshots: a batch whose mutations were all refused must change no count. */
const BATCH = 16;

let world: World;
let operations: Operation[];
let countsSql: string;
const totals: Totals = newTotals();

/**
 * Written on their own time by the relay's listeners after a publish (a saved search's match, its
 * notification and e-mail), so they can grow during any later batch; never by a request itself.
 */
const BACKGROUND_TABLES = new Set(['saved_search_match', 'notification', 'email_message']);

/** Every table's row count in one statement, cheap enough to take around every batch. */
async function counts(): Promise<Record<string, number>> {
  const { rows } = await world.app.db.query<{ t: string; n: string }>(countsSql);
  return Object.fromEntries(
    rows.filter((row) => !BACKGROUND_TABLES.has(row.t)).map((row) => [row.t, Number(row.n)]),
  );
}

/** After an accepted write, background work (search relay, saved-search matches) settles before the next snapshot. */
async function settled(): Promise<Record<string, number>> {
  let before = await counts();
  for (let attempt = 0; attempt < 100; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const pending = await world.app.db.query(
      `SELECT 1 FROM outbox_change WHERE processed_at IS NULL LIMIT 1`,
    );
    const after = await counts();
    if (pending.rowCount === 0 && JSON.stringify(after) === JSON.stringify(before)) return after;
    before = after;
  }
  return before;
}

beforeAll(async () => {
  world = await startWorld();
  operations = schemaOperations('schema.gql');
  const { rows } = await world.app.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  countsSql = rows
    .map(({ table_name }) => `SELECT '${table_name}' AS t, count(*) AS n FROM "${table_name}"`)
    .join(' UNION ALL ');
}, 60_000);
afterAll(async () => {
  await world?.app.close();
});

describe('fuzz', () => {
  it('sends lone surrogates as JSON escapes, so the server sees them as sent', () => {
    expect(JSON.stringify({ v: 'a\ud800b' })).toBe('{"v":"a\\ud800b"}');
  });

  it(`answers ${INPUTS} hostile inputs to every operation without an internal error or a leak`, async () => {
    const random = new Random(SEED);
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${operations.length} operations`);
    let before = await settled();
    for (let start = 0, generated = 0; generated < INPUTS; start += BATCH) {
      const cases: FuzzCase[] = [];
      for (let i = start; i < start + BATCH; i += 1) cases.push(makeCase(i, operations, world, random));
      generated += cases.reduce((sum, fuzzCase) => sum + fuzzCase.count.hostile, 0);
      const { accepted } = await runBatch(world, cases, totals, CONCURRENCY);
      if (accepted > 0) {
        before = await settled();
        continue;
      }
      const after = await counts();
      totals.refusedBatchesChecked += 1;
      if (JSON.stringify(after) !== JSON.stringify(before))
        totals.writeLeaks.push(
          `calls ${start}–${start + cases.length - 1} (${[...new Set(cases.map((c) => c.operation.name))].join(', ')}): ` +
            `${JSON.stringify(before)} → ${JSON.stringify(after)}`,
        );
      before = after;
    }
    const byCode = Object.entries(totals.outcomes).sort((a, b) => b[1] - a[1]);
    console.log(
      [
        `fuzz totals (seed ${SEED}): ${totals.hostileValues} hostile inputs among ${totals.values} generated values ` +
          `in ${totals.sent} calls, ${(totals.ms / 1000).toFixed(1)} s sending ` +
          `(${Math.round(totals.sent / (totals.ms / 1000))} calls/s, ${CONCURRENCY} in flight)`,
        `  outcomes: ${byCode.map(([code, n]) => `${code} ${n}`).join(', ')}`,
        `  operations called ${totals.operationsCalled.size}/${operations.length}, ` +
          `answered without error ${totals.operationsAnswered.size}/${operations.length}`,
        `  refused mutations ${totals.refusedMutations}; row counts checked around ${totals.refusedBatchesChecked} ` +
          `batches of refused calls, ${totals.writeLeaks.length} changed`,
        `  slowest operations (total ms): ${Object.entries(totals.msByOperation)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([name, ms]) => `${name} ${Math.round(ms)}`)
          .join(', ')}`,
        `  findings ${totals.findings.length}`,
        ...totals.findings
          .slice(0, 20)
          .map(
            (f) =>
              `  - #${f.case} ${f.operation} as ${f.role}: ${f.problems.join('; ')}\n    sent ${f.body}\n    got  ${f.response}`,
          ),
      ].join('\n'),
    );
    expect(totals.hostileValues).toBeGreaterThanOrEqual(INPUTS);
    expect(totals.operationsCalled.size).toBe(operations.length);
    expect(totals.findings).toEqual([]);
    expect(totals.writeLeaks).toEqual([]);
  }, 240_000);

  it('gives every error a code when a request has more bad variables than GraphQL reports (finding)', async () => {
    // graphql-js stops after 50 coercion errors with a closing error of its own that had no code.
    const response = await world.app.gql(
      'query ($ids: [ID!]) { seeds(institutionIds: $ids) { totalCount } }',
      {
        ids: Array.from({ length: 60 }, () => true),
      },
    );
    expect(response.errors?.length).toBe(51);
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(Array(51).fill('BAD_USER_INPUT'));
  });

  it('still answers /health and a normal query after the run', async () => {
    const health = await fetch(`${world.app.url}/health`);
    expect(health.status).toBe(200);
    // The fuzz may have archived seeds, so the coordinator counts every status; anyone may still search.
    const seeds = await world.app.gql<{ seeds: { totalCount: number } }>(
      '{ seeds(statuses: [DRAFT, PUBLISHED, ARCHIVED]) { totalCount } }',
      {},
      world.token('coordinator'),
    );
    expect(dataOf(seeds).seeds.totalCount).toBeGreaterThan(0);
    dataOf(await world.app.gql('{ searchSeeds(query: "発酵") { totalHits hits { seed { id } } } }'));
  });
});
