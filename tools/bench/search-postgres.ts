/**
 * The PostgreSQL baselines of `npm run bench:search`: the same seeds in one
 * table, the same queries as ILIKE, ILIKE with pg_trgm, and tsvector.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { EmbeddedPostgres } from '#libs/core';
import { BATCH, PAGE, SEED_FACETS, type BenchQuery, type SyntheticCatalog } from './search-data.js';
import { n0, progress, queryText, timeEach, type Timing } from './search-measure.js';

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

export interface PgOutcome {
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
  /** pg_trgm's only when the extension could be installed. */
  timings: { ilike: Timing[]; trgm?: Timing[]; tsvector: Timing[] };
}

export async function runPostgres(
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
  const outcome: Omit<PgOutcome, 'timings'> = {
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
  const ilike = await run('ilike', subsetQueries, warmup.slice(0, 5));

  let trgm: Timing[] | undefined;
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
    trgm = await run('trgm', subsetQueries, warmup.slice(0, 5));
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
  const tsvector = await run('tsvector', queries, warmup);
  return { ...outcome, timings: { ilike, trgm, tsvector } };
}
