/** The plain-text report of `npm run bench:search`, section by section. */
import { BATCH, PAGE, QUERY_KINDS, type BenchQuery } from './search-data.js';
import {
  isJapanese,
  mb,
  mean,
  ms,
  n0,
  percentile,
  ratio,
  summarize,
  table,
  type Summary,
  type Timing,
} from './search-measure.js';
import type { PgOutcome } from './search-postgres.js';

const TARGET_P95_MS = 20;
const TARGET_RATIO = 10;

/** What one run measured. */
export interface SearchBenchRun {
  seeds: number;
  rngSeed: number;
  queries: BenchQuery[];
  warmup: BenchQuery[];
  /** Indices of the queries ILIKE and pg_trgm ran. */
  subset: number[];
  /** Over a sample of documents: text bytes per seed, summary lengths in characters. */
  text: { bytes: number; summaryJa: number; summaryEn: number };
  applyMs: number;
  generateMs: number;
  sizes: { db: number; wal: number; shm: number };
  memory: {
    before: NodeJS.MemoryUsage;
    indexed: NodeJS.MemoryUsage;
    queried: NodeJS.MemoryUsage;
    peak: number;
  };
  engineTimings: Timing[];
  browse: Timing[];
  /** The slowest ten queries re-run, one table row each. */
  profileRows: string[][];
  /** Absent with --skip-pg. */
  pg?: PgOutcome;
}

export function searchReport(run: SearchBenchRun): string[] {
  return [
    ...overview(run),
    ...latency(run),
    ...byKind(run),
    ...byHits(run),
    ...(run.pg ? baselinesByKindAndLanguage(run, run.pg) : []),
    ...slowest(run),
    ...targets(run),
  ];
}

const subsetNote = (run: SearchBenchRun) => run.subset.length < run.queries.length;
const subsetTimings = (run: SearchBenchRun) => run.subset.map((i) => run.engineTimings[i]);
const kindCount = (list: BenchQuery[]) =>
  QUERY_KINDS.map((kind) => `${list.filter((q) => q.kind === kind).length} ${kind}`).join(', ');

function overview(run: SearchBenchRun): string[] {
  const { seeds, queries, text, sizes, memory } = run;
  const out = [
    '',
    `Search benchmark: ${n0(seeds)} synthetic bilingual seeds (rng seed ${run.rngSeed}), ${queries.length} queries (${kindCount(queries)})`,
    `Every request as the GraphQL layer sends it for a visitor: status published, visibility public, page of ${PAGE}, highlights; latency per query end to end (performance.now() around the call).`,
    `Machine: 2 cores, other work running concurrently: single pass per query, percentiles over queries (noisy; compare ratios within one run).`,
    `Warm-up before timing: ${run.warmup.length} other queries for the engine and tsvector, 5 for ILIKE and pg_trgm.`,
    `Document text: ~${n0(text.bytes)} bytes per seed (titles, summaries of ${n0(text.summaryJa)}/${n0(text.summaryEn)} chars ja/en on average, keywords, applications); vocabulary: 400 glossary concepts, Zipf–Mandelbrot frequencies.`,
    '',
    'Indexing',
    `  embedded engine: ${n0(seeds)} seeds in ${(run.applyMs / 1000).toFixed(1)} s = ${n0(seeds / (run.applyMs / 1000))} docs/s (apply() in batches of ${BATCH}; generating them took ${(run.generateMs / 1000).toFixed(1)} s more)`,
    `  index file: ${mb(sizes.db + sizes.wal + sizes.shm)} (search.sqlite ${mb(sizes.db)} + WAL ${mb(sizes.wal)} + shm ${mb(sizes.shm)})`,
    `  process memory: RSS ${mb(memory.before.rss)} before the engine, ${mb(memory.indexed.rss)} after indexing, ${mb(memory.queried.rss)} after the queries (peak ${mb(memory.peak)}); heapUsed ${mb(memory.before.heapUsed)} → ${mb(memory.indexed.heapUsed)} → ${mb(memory.queried.heapUsed)}`,
  ];
  if (run.pg) {
    const p = run.pg;
    out.push(
      `  PostgreSQL ${p.version} (lc_ctype ${p.ctype}, max_parallel_workers_per_gather ${p.parallelWorkers}): load ${p.loadSeconds.toFixed(1)} s = ${n0(seeds / p.loadSeconds)} docs/s (INSERT … jsonb_to_recordset, batches of ${BATCH}) + ANALYZE ${p.analyzeSeconds.toFixed(1)} s; table ${mb(p.tableBytes)}`,
      p.trgm.installed
        ? `  pg_trgm: stored concatenated column ${p.trgm.columnSeconds.toFixed(1)} s + GIN (gin_trgm_ops) ${p.trgm.indexSeconds.toFixed(1)} s; index ${mb(p.trgm.indexBytes)}`
        : `  pg_trgm: not installed (${p.trgm.error})`,
      `  tsvector: stored generated column ${p.tsvector.columnSeconds.toFixed(1)} s + GIN ${p.tsvector.indexSeconds.toFixed(1)} s; index ${mb(p.tsvector.indexBytes)}`,
    );
  }
  return out;
}

function latency(run: SearchBenchRun): string[] {
  const { queries, subset } = run;
  const engineAll = summarize(run.engineTimings);
  const engineSubset = summarize(subsetTimings(run));
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
  const out = ['', 'Latency (ms)'];
  const rows = [row('embedded engine (SQLite FTS5)', engineAll)];
  if (run.pg) {
    if (subsetNote(run)) rows.push(row('embedded engine, baseline subset', engineSubset));
    const t = run.pg.timings;
    rows.push(row('PostgreSQL ILIKE (no index)', summarize(t.ilike), engineSubset));
    rows.push(
      t.trgm
        ? row('PostgreSQL ILIKE + pg_trgm GIN', summarize(t.trgm), engineSubset)
        : ['PostgreSQL ILIKE + pg_trgm GIN', 'not installed'],
    );
    rows.push(row('PostgreSQL tsvector simple + GIN', summarize(t.tsvector), engineAll));
  }
  out.push(
    table(
      ['engine', 'queries', 'p50', 'p95', 'p99', 'max', 'p95 / embedded p95', 'mean hits', 'zero-hit'],
      rows,
    ),
  );
  if (run.pg && subsetNote(run)) {
    out.push(
      `ILIKE and pg_trgm ran ${subset.length} of the ${queries.length} queries (--baseline-queries ${subset.length}: every ${(queries.length / subset.length).toFixed(0)}th, ${kindCount(subset.map((i) => queries[i]))}); their ratios are against the embedded engine on that same subset. tsvector ran all ${queries.length}.`,
    );
  }
  out.push(
    'Hits differ by design: the engine expands glossary synonyms (ja↔en), folds katakana/hiragana and width, treats the last word as a prefix, drops trailing words when nothing matches',
    'and also searches keywords, applications, field and institution names; ILIKE/pg_trgm match the literal text of title and summary; tsvector uses the "simple" parser (no Japanese segmentation), so Japanese words inside unspaced sentences mostly do not match.',
  );
  return out;
}

function byKind(run: SearchBenchRun): string[] {
  const kindRows = QUERY_KINDS.map((kind) => {
    const s = summarize(run.engineTimings.filter((_, i) => run.queries[i].kind === kind));
    return [kind, String(s.n), ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max), n0(s.meanHits), String(s.zero)];
  });
  const b = summarize(run.browse);
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
  return [
    '',
    'Embedded engine by query kind (ms)',
    table(['kind', 'n', 'p50', 'p95', 'p99', 'max', 'mean hits', 'zero-hit'], kindRows),
    'The browse row (the search page before anything is typed) is not part of the query set or the targets.',
  ];
}

function byHits(run: SearchBenchRun): string[] {
  const buckets: [string, (hits: number) => boolean][] = [
    ['0 hits', (h) => h === 0],
    ['1–100', (h) => h >= 1 && h <= 100],
    ['101–1,000', (h) => h > 100 && h <= 1000],
    ['1,001–10,000', (h) => h > 1000 && h <= 10000],
    ['> 10,000', (h) => h > 10000],
  ];
  return [
    '',
    'Embedded engine by number of hits (ms)',
    table(
      ['total hits', 'n', 'p50', 'p95', 'max', 'facet queries'],
      buckets.map(([name, test]) => {
        const picked = run.engineTimings
          .map((t, i) => ({ t, q: run.queries[i] }))
          .filter(({ t }) => test(t.hits));
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
  ];
}

/** The engine beside the baselines, by query kind and by query language. */
function baselinesByKindAndLanguage(run: SearchBenchRun, pg: PgOutcome): string[] {
  const { queries, subset, engineTimings } = run;
  const withSubset = subsetNote(run);
  const t = pg.timings;
  const all = queries.map((_, i) => i);
  const out = [
    '',
    'p50 / p95 by kind (ms)' +
      (withSubset
        ? `; ILIKE and pg_trgm over the ${subset.length}-query subset, beside the engine on that subset`
        : ''),
  ];
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
  out.push(
    table(
      ['kind', 'embedded', ...(withSubset ? ['embedded (subset)'] : []), 'ILIKE', 'pg_trgm', 'tsvector'],
      QUERY_KINDS.map((kind) => [
        kind,
        cell(engineTimings, all, kind),
        ...(withSubset ? [cell(subsetTimings(run), subset, kind)] : []),
        cell(t.ilike, subset, kind),
        cell(t.trgm, subset, kind),
        cell(t.tsvector, all, kind),
      ]),
    ),
  );
  out.push('', 'Mean hits by query language' + (withSubset ? ' (ILIKE and pg_trgm: subset)' : ''));
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
      (withSubset ? '; ILIKE and pg_trgm over the subset, beside the engine on that subset' : ''),
  );
  const latencyCell = (timings: Timing[] | undefined, indices: number[], japanese: boolean) => {
    if (!timings) return '–';
    const picked = timings.filter((_, k) => isJapanese(queries[indices[k]]) === japanese).map((x) => x.ms);
    return `${ms(percentile(picked, 50))} / ${ms(percentile(picked, 95))}`;
  };
  out.push(
    table(
      ['language', 'embedded', ...(withSubset ? ['embedded (subset)'] : []), 'ILIKE', 'pg_trgm', 'tsvector'],
      languages.map(([name, japanese]) => [
        name,
        latencyCell(engineTimings, all, japanese),
        ...(withSubset ? [latencyCell(subsetTimings(run), subset, japanese)] : []),
        latencyCell(t.ilike, subset, japanese),
        latencyCell(t.trgm, subset, japanese),
        latencyCell(t.tsvector, all, japanese),
      ]),
    ),
  );
  return out;
}

function slowest(run: SearchBenchRun): string[] {
  return [
    '',
    'Slowest 10 embedded queries, re-run 3× each (medians): facets ≈ full − no facets; page + highlights ≈ no facets − (no facets, limit 1)',
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
      run.profileRows,
    ),
  ];
}

function targets(run: SearchBenchRun): string[] {
  const engineAll = summarize(run.engineTimings);
  const out = [
    '',
    `Targets (stated for 100,000 seeds; this run has ${n0(run.seeds)})`,
    `  embedded p95 < ${TARGET_P95_MS} ms over all ${run.queries.length} queries incl. facets: ${ms(engineAll.p95)} ms — ${engineAll.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}`,
  ];
  if (run.pg) {
    const r = summarize(run.pg.timings.ilike).p95 / summarize(subsetTimings(run)).p95;
    out.push(
      `  ILIKE p95 / embedded p95 ≥ ${TARGET_RATIO}× (same ${run.subset.length} queries): ${ratio(r)} — ${r >= TARGET_RATIO ? 'met' : 'NOT met'}`,
    );
  } else out.push('  ILIKE ratio: not measured (--skip-pg)');
  return out;
}
