import 'reflect-metadata';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { configureLogger, EmbeddedPostgres, taxonomy } from '#libs/core';
import { EmbeddedEngine, GlossaryIndex, planQuery, projectGlossary, type SearchRequest } from '#libs/search';
import {
  evenSubset,
  querySet,
  QUERY_KINDS,
  searchRequest,
  SEED_FACETS,
  SyntheticCatalog,
  type BenchQuery,
} from './search-data.js';

/**
 *   npm run bench:search -- [--seeds 10000] [--queries 500] [--baseline-queries N] [--seed-rng 42]
 *                           [--skip-pg] [--keep-dir] [--database-url postgres://…] [--pg-ctype C.UTF-8]
 * Generates synthetic bilingual seeds, indexes them into a fresh embedded
 * engine, times the query set end to end through engine.search, then loads
 * the same documents into PostgreSQL and times the same queries as ILIKE,
 * ILIKE with pg_trgm, and tsvector baselines. One table, ratios from this run.
 */

const BATCH = 1000;
const PAGE = 20;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const TARGET_P95_MS = 20;
const TARGET_RATIO = 10;

interface Timing {
  ms: number;
  hits: number;
}

const progress = (message: string) => process.stderr.write(`[bench:search] ${message}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const n0 = (value: number) => Math.round(value).toLocaleString('en');
const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);
const ms = (value: number) =>
  Number.isNaN(value)
    ? '–'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : value.toFixed(0);
const ratio = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : value.toFixed(0)}×` : '–';

/** Aligned plain-text columns: the first left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanHits: number;
  zero: number;
}
function summarize(timings: Timing[]): Summary {
  const times = timings.map((t) => t.ms);
  return {
    n: timings.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: Math.max(...times),
    meanHits: mean(timings.map((t) => t.hits)),
    zero: timings.filter((t) => t.hits === 0).length,
  };
}

async function timeEach<T>(items: T[], run: (item: T) => Promise<number>, label: string): Promise<Timing[]> {
  const out: Timing[] = [];
  let last = performance.now();
  for (const [i, item] of items.entries()) {
    const started = performance.now();
    const hits = await run(item);
    out.push({ ms: performance.now() - started, hits });
    if (performance.now() - last > 15000) {
      progress(`${label}: ${i + 1}/${items.length} queries`);
      last = performance.now();
    }
  }
  return out;
}

const queryText = (query: BenchQuery) => query.terms.join(' ');
const isJapanese = (query: BenchQuery) => query.terms.some((term) => JAPANESE.test(term));
const filterText = (query: BenchQuery) =>
  [
    query.fields ? `fields∈{${query.fields.join(',')}}` : '',
    query.trl ? `trl ${query.trl.min}–${query.trl.max}` : '',
    query.facets ? '6 facets' : '',
  ]
    .filter(Boolean)
    .join(', ');

// ---------- PostgreSQL baselines ----------

type Baseline = 'ilike' | 'trgm' | 'tsvector';

const FACET_SQL: Record<string, string> = {
  fields: 'SELECT unnest(fields) AS v, count(*) AS n FROM m GROUP BY 1',
  institution: 'SELECT institution AS v, count(*) AS n FROM m GROUP BY 1',
  programs: 'SELECT unnest(programs) AS v, count(*) AS n FROM m GROUP BY 1',
  trl: 'SELECT trl AS v, count(*) AS n FROM m GROUP BY 1',
  collaborationTypes: 'SELECT unnest(collaboration_types) AS v, count(*) AS n FROM m GROUP BY 1',
  ipStatus: 'SELECT ip_status AS v, count(*) AS n FROM m GROUP BY 1',
};

const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One statement per query, as the engine does one pass: the matches are
 * materialised once, then counted, paged (20, newest first for ILIKE, by
 * ts_rank_cd for tsvector) and, for facet queries, grouped per facet.
 */
function baselineSql(kind: Baseline, query: BenchQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => (values.push(value), `$${values.length}`);
  const where: string[] = [];
  let rank = '';
  if (kind === 'tsvector') {
    const q = `plainto_tsquery('simple', ${param(queryText(query))})`;
    where.push(`tsv @@ ${q}`);
    rank = `, ts_rank_cd(tsv, ${q}) AS rank`;
  } else {
    for (const term of query.terms) {
      const p = param(`%${escapeLike(term)}%`);
      where.push(
        kind === 'trgm'
          ? `search_text ILIKE ${p}`
          : `(title_ja ILIKE ${p} OR title_en ILIKE ${p} OR summary_ja ILIKE ${p} OR summary_en ILIKE ${p})`,
      );
    }
  }
  where.push(`status = 'published'`, `visibility = 'public'`);
  if (query.fields) where.push(`fields && ${param(query.fields)}::text[]`);
  if (query.trl) where.push(`trl BETWEEN ${param(query.trl.min)} AND ${param(query.trl.max)}`);
  const order = kind === 'tsvector' ? 'rank DESC, published_at DESC' : 'published_at DESC';
  const facets = query.facets
    ? SEED_FACETS.map(
        (facet) => `,\n  (SELECT json_object_agg(v, n) FROM (${FACET_SQL[facet]}) x) AS "f_${facet}"`,
      ).join('')
    : '';
  const text = `WITH m AS MATERIALIZED (
  SELECT id, title_ja, title_en, published_at, fields, institution, programs, trl, collaboration_types, ip_status${rank}
  FROM seeds WHERE ${where.join(' AND ')})
SELECT (SELECT count(*) FROM m)::int AS total,
  (SELECT coalesce(json_agg(p), '[]') FROM (SELECT id, title_ja, title_en FROM m ORDER BY ${order} LIMIT ${PAGE}) p) AS page${facets}`;
  return { text, values };
}

const SEED_COLUMNS = `id text, "titleJa" text, "titleEn" text, "summaryJa" text, "summaryEn" text, keywords text[], fields text[], institution text,
  prefecture text, trl smallint, "ipStatus" text, "collaborationTypes" text[], programs text[], status text, visibility text,
  "listedUserIds" text[], "publishedAt" bigint`;

interface PgOutcome {
  version: string;
  ctype: string;
  parallelWorkers: string;
  loadSeconds: number;
  analyzeSeconds: number;
  tableBytes: number;
  trgm: {
    installed: boolean;
    columnSeconds: number;
    indexSeconds: number;
    indexBytes: number;
    error?: string;
  };
  tsvector: { columnSeconds: number; indexSeconds: number; indexBytes: number };
  timings: Partial<Record<Baseline, Timing[]>>;
}

async function runPostgres(
  options: { work: string; databaseUrl?: string; ctype?: string },
  catalog: SyntheticCatalog,
  seeds: number,
  queries: BenchQuery[],
  subset: number[],
  warmup: BenchQuery[],
  cleanup: (fn: () => Promise<void>) => void,
): Promise<PgOutcome> {
  let url = options.databaseUrl;
  let schema: string | undefined;
  if (!url) {
    progress('starting embedded PostgreSQL');
    const server = new EmbeddedPostgres({ dataDir: join(options.work, 'db'), port: 0, database: 'postgres' });
    cleanup(() => server.stop());
    const serverUrl = await server.start();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const ctype = options.ctype ? ` LC_COLLATE 'C' LC_CTYPE '${options.ctype}'` : '';
      await admin.query(`CREATE DATABASE bench_search TEMPLATE template0 ENCODING 'UTF8'${ctype}`);
    } finally {
      await admin.end();
    }
    const database = new URL(serverUrl);
    database.pathname = '/bench_search';
    url = database.toString();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanup(async () => {
    if (schema) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await client.end();
  });
  if (options.databaseUrl) {
    // someone's server: everything in a schema of our own, dropped at the end
    schema = `kyoso_bench_search_${process.pid}`;
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.query(`SET search_path TO ${schema}, public`);
  }
  const show = async (setting: string) => String((await client.query(`SHOW ${setting}`)).rows[0][setting]);
  const outcome: PgOutcome = {
    version: await show('server_version'),
    ctype: String(
      (await client.query('SELECT datctype FROM pg_database WHERE datname = current_database()')).rows[0]
        .datctype,
    ),
    parallelWorkers: await show('max_parallel_workers_per_gather'),
    loadSeconds: 0,
    analyzeSeconds: 0,
    tableBytes: 0,
    trgm: { installed: false, columnSeconds: 0, indexSeconds: 0, indexBytes: 0 },
    tsvector: { columnSeconds: 0, indexSeconds: 0, indexBytes: 0 },
    timings: {},
  };
  await client.query(`CREATE TABLE seeds (
    id text PRIMARY KEY, title_ja text, title_en text, summary_ja text, summary_en text, keywords text[], fields text[], institution text,
    prefecture text, trl smallint, ip_status text, collaboration_types text[], programs text[], status text, visibility text,
    listed_user_ids text[], published_at bigint)`);

  progress(`loading ${n0(seeds)} seeds into PostgreSQL`);
  let loadMs = 0;
  let loaded = 0;
  for (const batch of catalog.batches(seeds, BATCH)) {
    const json = JSON.stringify(batch);
    const started = performance.now();
    await client.query(
      `INSERT INTO seeds SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${SEED_COLUMNS})`,
      [json],
    );
    loadMs += performance.now() - started;
    loaded += batch.length;
    if (loaded % 20000 === 0) progress(`  ${n0(loaded)} loaded`);
  }
  outcome.loadSeconds = loadMs / 1000;
  let started = performance.now();
  await client.query('ANALYZE seeds');
  outcome.analyzeSeconds = (performance.now() - started) / 1000;
  outcome.tableBytes = Number((await client.query(`SELECT pg_total_relation_size('seeds') AS n`)).rows[0].n);

  const subsetQueries = subset.map((i) => queries[i]);
  const run = async (kind: Baseline, list: BenchQuery[], warm: BenchQuery[]) => {
    const exec = async (query: BenchQuery) => {
      const { text, values } = baselineSql(kind, query);
      const result = await client.query(text, values);
      return Number(result.rows[0].total);
    };
    for (const query of warm) await exec(query);
    return timeEach(list, exec, kind);
  };

  progress(`ILIKE baseline: ${subsetQueries.length} queries`);
  outcome.timings.ilike = await run('ilike', subsetQueries, warmup.slice(0, 5));

  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    outcome.trgm.installed = true;
  } catch (error) {
    outcome.trgm.error = (error as Error).message;
  }
  if (outcome.trgm.installed) {
    progress('pg_trgm: building the concatenated column and its GIN index');
    started = performance.now();
    await client.query(`ALTER TABLE seeds ADD COLUMN search_text text GENERATED ALWAYS AS (
      coalesce(title_ja, '') || E'\\n' || coalesce(title_en, '') || E'\\n' || coalesce(summary_ja, '') || E'\\n' || coalesce(summary_en, '')) STORED`);
    outcome.trgm.columnSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await client.query('CREATE INDEX seeds_trgm ON seeds USING gin (search_text gin_trgm_ops)');
    outcome.trgm.indexSeconds = (performance.now() - started) / 1000;
    await client.query('ANALYZE seeds');
    outcome.trgm.indexBytes = Number(
      (await client.query(`SELECT pg_relation_size('seeds_trgm') AS n`)).rows[0].n,
    );
    progress(`pg_trgm baseline: ${subsetQueries.length} queries`);
    outcome.timings.trgm = await run('trgm', subsetQueries, warmup.slice(0, 5));
  }

  progress('tsvector: building the generated column and its GIN index');
  started = performance.now();
  await client.query(`ALTER TABLE seeds ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title_ja, '') || ' ' || coalesce(title_en, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(summary_ja, '') || ' ' || coalesce(summary_en, '')), 'C')) STORED`);
  outcome.tsvector.columnSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await client.query('CREATE INDEX seeds_tsv ON seeds USING gin (tsv)');
  outcome.tsvector.indexSeconds = (performance.now() - started) / 1000;
  await client.query('ANALYZE seeds');
  outcome.tsvector.indexBytes = Number(
    (await client.query(`SELECT pg_relation_size('seeds_tsv') AS n`)).rows[0].n,
  );
  progress(`tsvector baseline: ${queries.length} queries`);
  outcome.timings.tsvector = await run('tsvector', queries, warmup);
  return outcome;
}

// ---------- main ----------

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
    engine = new EmbeddedEngine({ file, glossary });
    await engine.ensureIndexes();
    progress(`indexing ${n0(seeds)} synthetic seeds into the embedded engine`);
    let generateMs = 0;
    let applyMs = 0;
    let batchNo = 0;
    let mark = performance.now();
    for (const batch of catalog.batches(seeds, BATCH)) {
      generateMs += performance.now() - mark;
      mark = performance.now();
      await engine.apply({ seeds: { upserts: batch, deletes: [] } }, ++batchNo);
      applyMs += performance.now() - mark;
      if ((batchNo * BATCH) % 20000 === 0) progress(`  ${n0(batchNo * BATCH)} indexed`);
      mark = performance.now();
    }
    const memoryIndexed = process.memoryUsage();
    const stats = await engine.stats();
    if (stats.indexes.seeds.documents !== seeds)
      throw new Error(`engine holds ${stats.indexes.seeds.documents} seeds of ${seeds}`);
    const sizes = { db: fileSize(file), wal: fileSize(`${file}-wal`), shm: fileSize(`${file}-shm`) };

    // --- embedded engine: queries ---
    const search = async (request: SearchRequest) => (await engine!.search('seeds', request)).totalHits;
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

    // --- profile of the slowest ten ---
    const glossaryIndex = new GlossaryIndex(glossary);
    const medianOf3 = async (request: SearchRequest) => {
      const times: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t = performance.now();
        await engine!.search('seeds', request);
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

    // --- report ---
    const engineAll = summarize(engineTimings);
    const engineSubset = summarize(subset.map((i) => engineTimings[i]));
    const subsetNote = subset.length < queries.length;
    const row = (name: string, s: Summary, versus?: Summary) => [
      name,
      String(s.n),
      ms(s.p50),
      ms(s.p95),
      ms(s.p99),
      ms(s.max),
      versus ? ratio(s.p95 / versus.p95) : '1×',
      n0(s.meanHits),
      String(s.zero),
    ];
    const kindCount = (list: BenchQuery[]) =>
      QUERY_KINDS.map((kind) => `${list.filter((q) => q.kind === kind).length} ${kind}`).join(', ');
    out.push(
      '',
      `Search benchmark: ${n0(seeds)} synthetic bilingual seeds (rng seed ${rngSeed}), ${queries.length} queries (${kindCount(queries)})`,
    );
    out.push(
      `Every request as the GraphQL layer sends it for a visitor: status published, visibility public, page of ${PAGE}, highlights; latency per query end to end (performance.now() around the call).`,
    );
    out.push(
      `Machine: 2 cores, other work running concurrently: single pass per query, percentiles over queries (noisy; compare ratios within one run).`,
    );
    out.push(
      `Warm-up before timing: ${warmup.length} other queries for the engine and tsvector, 5 for ILIKE and pg_trgm.`,
    );
    out.push(
      `Document text: ~${n0(textBytes)} bytes per seed (titles, summaries of ${n0(meanOf((doc) => doc.summaryJa!.length))}/${n0(meanOf((doc) => doc.summaryEn!.length))} chars ja/en on average, keywords, applications); vocabulary: 400 glossary concepts, Zipf–Mandelbrot frequencies.`,
    );
    out.push('');
    out.push('Indexing');
    out.push(
      `  embedded engine: ${n0(seeds)} seeds in ${(applyMs / 1000).toFixed(1)} s = ${n0(seeds / (applyMs / 1000))} docs/s (apply() in batches of ${BATCH}; generating them took ${(generateMs / 1000).toFixed(1)} s more)`,
    );
    out.push(
      `  index file: ${mb(sizes.db + sizes.wal + sizes.shm)} (search.sqlite ${mb(sizes.db)} + WAL ${mb(sizes.wal)} + shm ${mb(sizes.shm)})`,
    );
    out.push(
      `  process memory: RSS ${mb(memoryBefore.rss)} before the engine, ${mb(memoryIndexed.rss)} after indexing, ${mb(memoryQueried.rss)} after the queries (peak ${mb(peakAfterEngine)}); heapUsed ${mb(memoryBefore.heapUsed)} → ${mb(memoryIndexed.heapUsed)} → ${mb(memoryQueried.heapUsed)}`,
    );
    if (pgOutcome) {
      const p = pgOutcome;
      out.push(
        `  PostgreSQL ${p.version} (lc_ctype ${p.ctype}, max_parallel_workers_per_gather ${p.parallelWorkers}): load ${p.loadSeconds.toFixed(1)} s = ${n0(seeds / p.loadSeconds)} docs/s (INSERT … jsonb_to_recordset, batches of ${BATCH}) + ANALYZE ${p.analyzeSeconds.toFixed(1)} s; table ${mb(p.tableBytes)}`,
      );
      out.push(
        p.trgm.installed
          ? `  pg_trgm: stored concatenated column ${p.trgm.columnSeconds.toFixed(1)} s + GIN (gin_trgm_ops) ${p.trgm.indexSeconds.toFixed(1)} s; index ${mb(p.trgm.indexBytes)}`
          : `  pg_trgm: not installed (${p.trgm.error})`,
      );
      out.push(
        `  tsvector: stored generated column ${p.tsvector.columnSeconds.toFixed(1)} s + GIN ${p.tsvector.indexSeconds.toFixed(1)} s; index ${mb(p.tsvector.indexBytes)}`,
      );
    }

    out.push('', 'Latency (ms)');
    const rows = [row('embedded engine (SQLite FTS5)', engineAll)];
    if (pgOutcome) {
      if (subsetNote) rows.push(row('embedded engine, baseline subset', engineSubset));
      const t = pgOutcome.timings;
      rows.push(row('PostgreSQL ILIKE (no index)', summarize(t.ilike!), engineSubset));
      rows.push(
        t.trgm
          ? row('PostgreSQL ILIKE + pg_trgm GIN', summarize(t.trgm), engineSubset)
          : ['PostgreSQL ILIKE + pg_trgm GIN', 'not installed'],
      );
      rows.push(row('PostgreSQL tsvector simple + GIN', summarize(t.tsvector!), engineAll));
    }
    out.push(
      table(
        ['engine', 'queries', 'p50', 'p95', 'p99', 'max', 'p95 / embedded p95', 'mean hits', 'zero-hit'],
        rows,
      ),
    );
    if (pgOutcome && subsetNote) {
      out.push(
        `ILIKE and pg_trgm ran ${subset.length} of the ${queries.length} queries (--baseline-queries ${subset.length}: every ${(queries.length / subset.length).toFixed(0)}th, ${kindCount(subset.map((i) => queries[i]))}); their ratios are against the embedded engine on that same subset. tsvector ran all ${queries.length}.`,
      );
    }
    out.push(
      'Hits differ by design: the engine expands glossary synonyms (ja↔en), folds katakana/hiragana and width, treats the last word as a prefix, drops trailing words when nothing matches',
    );
    out.push(
      'and also searches keywords, applications, field and institution names; ILIKE/pg_trgm match the literal text of title and summary; tsvector uses the "simple" parser (no Japanese segmentation), so Japanese words inside unspaced sentences mostly do not match.',
    );

    out.push('', 'Embedded engine by query kind (ms)');
    const kindRows = QUERY_KINDS.map((kind) => {
      const s = summarize(engineTimings.filter((_, i) => queries[i].kind === kind));
      return [kind, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), n0(s.meanHits), String(s.zero)];
    });
    const b = summarize(browse);
    kindRows.push([
      '(extra) browse: empty query + 6 facets',
      String(b.n),
      ms(b.p50),
      ms(b.p95),
      ms(b.p99),
      ms(b.max),
      n0(b.meanHits),
      String(b.zero),
    ]);
    out.push(table(['kind', 'n', 'p50', 'p95', 'p99', 'max', 'mean hits', 'zero-hit'], kindRows));
    out.push(
      'The browse row (the search page before anything is typed) is not part of the query set or the targets.',
    );

    const buckets: [string, (hits: number) => boolean][] = [
      ['0 hits', (h) => h === 0],
      ['1–100', (h) => h >= 1 && h <= 100],
      ['101–1,000', (h) => h > 100 && h <= 1000],
      ['1,001–10,000', (h) => h > 1000 && h <= 10000],
      ['> 10,000', (h) => h > 10000],
    ];
    out.push('', 'Embedded engine by number of hits (ms)');
    out.push(
      table(
        ['total hits', 'n', 'p50', 'p95', 'max', 'facet queries'],
        buckets.map(([name, test]) => {
          const picked = engineTimings.map((t, i) => ({ t, q: queries[i] })).filter(({ t }) => test(t.hits));
          const s = summarize(picked.map(({ t }) => t));
          return [
            name,
            String(s.n),
            ms(s.p50),
            ms(s.p95),
            s.n ? ms(s.max) : '–',
            String(picked.filter(({ q }) => q.facets).length),
          ];
        }),
      ),
    );

    if (pgOutcome) {
      const t = pgOutcome.timings;
      out.push(
        '',
        'p50 / p95 by kind (ms)' +
          (subsetNote
            ? `; ILIKE and pg_trgm over the ${subset.length}-query subset, beside the engine on that subset`
            : ''),
      );
      const cell = (timings: Timing[] | undefined, indices: number[], kind: string) => {
        if (!timings) return '–';
        const picked = timings.filter((_, k) => queries[indices[k]].kind === kind);
        return `${ms(
          percentile(
            picked.map((x) => x.ms),
            50,
          ),
        )} / ${ms(
          percentile(
            picked.map((x) => x.ms),
            95,
          ),
        )}`;
      };
      const all = queries.map((_, i) => i);
      out.push(
        table(
          ['kind', 'embedded', ...(subsetNote ? ['embedded (subset)'] : []), 'ILIKE', 'pg_trgm', 'tsvector'],
          QUERY_KINDS.map((kind) => [
            kind,
            cell(engineTimings, all, kind),
            ...(subsetNote
              ? [
                  cell(
                    subset.map((i) => engineTimings[i]),
                    subset,
                    kind,
                  ),
                ]
              : []),
            cell(t.ilike, subset, kind),
            cell(t.trgm, subset, kind),
            cell(t.tsvector, all, kind),
          ]),
        ),
      );
      out.push('', 'Mean hits by query language' + (subsetNote ? ' (ILIKE and pg_trgm: subset)' : ''));
      const hitsCell = (timings: Timing[] | undefined, indices: number[], japanese: boolean) => {
        if (!timings) return '–';
        const picked = timings.filter((_, k) => isJapanese(queries[indices[k]]) === japanese);
        return `${n0(mean(picked.map((x) => x.hits)))} (${picked.filter((x) => x.hits === 0).length} of ${picked.length} zero)`;
      };
      const languages = [
        ['Japanese', true],
        ['English', false],
      ] as const;
      out.push(
        table(
          ['language', 'embedded', 'ILIKE', 'pg_trgm', 'tsvector'],
          languages.map(([name, japanese]) => [
            name,
            hitsCell(engineTimings, all, japanese),
            hitsCell(t.ilike, subset, japanese),
            hitsCell(t.trgm, subset, japanese),
            hitsCell(t.tsvector, all, japanese),
          ]),
        ),
      );
      out.push(
        '',
        'p50 / p95 by query language (ms)' +
          (subsetNote ? '; ILIKE and pg_trgm over the subset, beside the engine on that subset' : ''),
      );
      const latencyCell = (timings: Timing[] | undefined, indices: number[], japanese: boolean) => {
        if (!timings) return '–';
        const picked = timings
          .filter((_, k) => isJapanese(queries[indices[k]]) === japanese)
          .map((x) => x.ms);
        return `${ms(percentile(picked, 50))} / ${ms(percentile(picked, 95))}`;
      };
      out.push(
        table(
          [
            'language',
            'embedded',
            ...(subsetNote ? ['embedded (subset)'] : []),
            'ILIKE',
            'pg_trgm',
            'tsvector',
          ],
          languages.map(([name, japanese]) => [
            name,
            latencyCell(engineTimings, all, japanese),
            ...(subsetNote
              ? [
                  latencyCell(
                    subset.map((i) => engineTimings[i]),
                    subset,
                    japanese,
                  ),
                ]
              : []),
            latencyCell(t.ilike, subset, japanese),
            latencyCell(t.trgm, subset, japanese),
            latencyCell(t.tsvector, all, japanese),
          ]),
        ),
      );
    }

    out.push(
      '',
      'Slowest 10 embedded queries, re-run 3× each (medians): facets ≈ full − no facets; page + highlights ≈ no facets − (no facets, limit 1)',
    );
    out.push(
      table(
        [
          'kind',
          'query',
          'filters',
          'hits',
          'groups/phrases',
          'in run',
          'full',
          'no facets',
          'no facets, limit 1',
        ],
        profileRows,
      ),
    );

    out.push('', `Targets (stated for 100,000 seeds; this run has ${n0(seeds)})`);
    out.push(
      `  embedded p95 < ${TARGET_P95_MS} ms over all ${queries.length} queries incl. facets: ${ms(engineAll.p95)} ms — ${engineAll.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`,
    );
    if (pgOutcome) {
      const r = summarize(pgOutcome.timings.ilike!).p95 / engineSubset.p95;
      out.push(
        `  ILIKE p95 / embedded p95 ≥ ${TARGET_RATIO}× (same ${subset.length} queries): ${ratio(r)} — ${r >= TARGET_RATIO ? 'met' : 'NOT met'}`,
      );
    } else out.push('  ILIKE ratio: not measured (--skip-pg)');
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
