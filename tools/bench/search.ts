import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { configureLogger, taxonomy } from '#libs/core';
import { EmbeddedEngine, GlossaryIndex, planQuery, projectGlossary, type SearchRequest } from '#libs/search';
import {
  BATCH,
  evenSubset,
  querySet,
  searchRequest,
  SyntheticCatalog,
  type BenchQuery,
} from './search-data.js';
import {
  fileSize,
  filterText,
  mean,
  ms,
  n0,
  percentile,
  progress,
  queryText,
  timeEach,
  type Timing,
} from './search-measure.js';
import { runPostgres, type PgOutcome } from './search-postgres.js';
import { searchReport } from './search-report.js';

/**
 *   npm run bench:search -- [--seeds 10000] [--queries 500] [--baseline-queries N] [--seed-rng 42]
 *                           [--skip-pg] [--keep-dir] [--database-url postgres://…] [--pg-ctype C.UTF-8]
 * Generates synthetic bilingual seeds, indexes them into a fresh embedded
 * engine, times the query set end to end through engine.search, then loads
 * the same documents into PostgreSQL and times the same queries as ILIKE,
 * ILIKE with pg_trgm, and tsvector baselines. One table, ratios from this run.
 */

/**
 * The slowest ten queries of the run, re-run 3× each with and without facets
 * and with a page of one: a table row each.
 */
async function profileSlowest(
  engine: EmbeddedEngine,
  glossaryIndex: GlossaryIndex,
  queries: BenchQuery[],
  engineTimings: Timing[],
): Promise<string[][]> {
  const medianOf3 = async (request: SearchRequest) => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      await engine.search('seeds', request);
      times.push(performance.now() - t);
    }
    return percentile(times, 50);
  };
  const slowest = engineTimings
    .map((timing, i) => ({ ...timing, i }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  const profileRows: string[][] = [];
  for (const slow of slowest) {
    const query = queries[slow.i];
    const request = searchRequest(query);
    const full = await medianOf3(request);
    const noFacets = await medianOf3({ ...request, facets: [] });
    const bare = await medianOf3({ ...request, facets: [], limit: 1 });
    const groups = planQuery(request.query, glossaryIndex);
    profileRows.push([
      query.kind,
      queryText(query),
      filterText(query),
      n0(slow.hits),
      `${groups.length}/${groups.reduce((a, g) => a + g.phrases.length, 0)}`,
      ms(slow.ms),
      ms(full),
      ms(noFacets),
      ms(bare),
    ]);
  }
  return profileRows;
}

async function main() {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '10000' },
      queries: { type: 'string', default: '500' },
      'baseline-queries': { type: 'string' },
      'seed-rng': { type: 'string', default: '42' },
      'skip-pg': { type: 'boolean', default: false },
      'keep-dir': { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      'pg-ctype': { type: 'string' },
    },
  });
  const seeds = Number(values.seeds);
  const queryCount = Number(values.queries);
  const rngSeed = Number(values['seed-rng']);
  const baselineCount =
    values['baseline-queries'] !== undefined
      ? Number(values['baseline-queries'])
      : seeds >= 50000
        ? 100
        : queryCount;
  for (const [name, value] of [
    ['--seeds', seeds],
    ['--queries', queryCount],
    ['--baseline-queries', baselineCount],
    ['--seed-rng', rngSeed],
  ] as const) {
    if (!Number.isInteger(value) || value < (name === '--seed-rng' ? 0 : 1))
      throw new Error(`${name} must be a positive integer`);
  }
  if (values['pg-ctype'] && !/^[A-Za-z0-9_.@-]+$/.test(values['pg-ctype']))
    throw new Error('--pg-ctype: a locale name such as C.UTF-8');
  if (values['pg-ctype'] && values['database-url'])
    throw new Error('--pg-ctype applies to the embedded PostgreSQL only');
  configureLogger('warn');

  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'kyoso-bench-search-'));
  chmodSync(work, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const cleanups: (() => Promise<void>)[] = [];
  let engine: EmbeddedEngine | undefined;
  const out: string[] = [];
  try {
    const glossary = projectGlossary();
    const catalog = new SyntheticCatalog(glossary, taxonomy(), rngSeed);
    const queries = querySet(catalog, queryCount, seeds, rngSeed);
    const warmup = querySet(catalog, 20, seeds, rngSeed + 1);
    const subset = evenSubset(queries, baselineCount);
    const samples = Array.from({ length: Math.min(seeds, 200) }, (_, i) => catalog.document(i));
    const meanOf = (f: (doc: (typeof samples)[number]) => number) => mean(samples.map(f));
    const textBytes = meanOf((doc) =>
      ['titleJa', 'titleEn', 'summaryJa', 'summaryEn', 'keywords', 'applications'].reduce(
        (n, a) => n + Buffer.byteLength(String(doc[a])),
        0,
      ),
    );

    // --- embedded engine: index ---
    const memoryBefore = process.memoryUsage();
    const file = join(work, 'search.sqlite');
    const index = new EmbeddedEngine({ file, glossary });
    engine = index; // closed in finally
    await index.ensureIndexes();
    progress(`indexing ${n0(seeds)} synthetic seeds into the embedded engine`);
    let generateMs = 0;
    let applyMs = 0;
    let batchNo = 0;
    let mark = performance.now();
    for (const batch of catalog.batches(seeds, BATCH)) {
      generateMs += performance.now() - mark;
      mark = performance.now();
      await index.apply({ seeds: { upserts: batch, deletes: [] } }, ++batchNo);
      applyMs += performance.now() - mark;
      if ((batchNo * BATCH) % 20000 === 0) progress(`  ${n0(batchNo * BATCH)} indexed`);
      mark = performance.now();
    }
    const memoryIndexed = process.memoryUsage();
    const stats = await index.stats();
    if (stats.indexes.seeds.documents !== seeds)
      throw new Error(`engine holds ${stats.indexes.seeds.documents} seeds of ${seeds}`);
    const sizes = { db: fileSize(file), wal: fileSize(`${file}-wal`), shm: fileSize(`${file}-shm`) };

    // --- embedded engine: queries ---
    const search = async (request: SearchRequest) => (await index.search('seeds', request)).totalHits;
    for (const query of warmup) await search(searchRequest(query));
    progress(`embedded engine: ${queries.length} queries`);
    const engineTimings = await timeEach(queries, (query) => search(searchRequest(query)), 'embedded');
    const browse = await timeEach(
      Array.from({ length: 20 }, () => 0),
      () => search({ ...searchRequest({ kind: 'facets', terms: [], ranks: [], facets: true }) }),
      'browse',
    );
    const memoryQueried = process.memoryUsage();
    const peakAfterEngine = process.resourceUsage().maxRSS * 1024;
    const profileRows = await profileSlowest(index, new GlossaryIndex(glossary), queries, engineTimings);

    // --- PostgreSQL ---
    let pgOutcome: PgOutcome | undefined;
    if (!values['skip-pg']) {
      pgOutcome = await runPostgres(
        { work, databaseUrl: values['database-url'], ctype: values['pg-ctype'] },
        catalog,
        seeds,
        queries,
        subset,
        warmup,
        (fn) => cleanups.unshift(fn),
      );
    }

    out.push(
      ...searchReport({
        seeds,
        rngSeed,
        queries,
        warmup,
        subset,
        text: {
          bytes: textBytes,
          summaryJa: meanOf((doc) => (doc.summaryJa ?? '').length),
          summaryEn: meanOf((doc) => (doc.summaryEn ?? '').length),
        },
        applyMs,
        generateMs,
        sizes,
        memory: {
          before: memoryBefore,
          indexed: memoryIndexed,
          queried: memoryQueried,
          peak: peakAfterEngine,
        },
        engineTimings,
        browse,
        profileRows,
        pg: pgOutcome,
      }),
    );
    out.push(
      `Total run time ${((performance.now() - started) / 1000).toFixed(0)} s.${values['keep-dir'] ? ` Files kept in ${work}` : ''}`,
    );
  } finally {
    await engine?.close().catch(() => undefined);
    for (const cleanup of cleanups)
      await cleanup().catch((error: Error) => progress(`cleanup: ${error.message}`));
    if (!values['keep-dir']) rmSync(work, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
