import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { EmbeddedPostgres, findFreePort, projectRoot } from '#libs/core';
import { emptyReadCounts, graphql, prepareWorld, readRequests, type LoadWorld } from './load-mix.js';

/**
 *   npm run load -- [--connections 100] [--duration 30] [--writes 4] [--keep-dir]
 * (or LOAD_CONNECTIONS, LOAD_DURATION, LOAD_WRITES_PER_SECOND). Starts the built API as its own
 * process (on an embedded PostgreSQL of its own in a fresh directory, or DATABASE_URL when set), loads the demo
 * catalogue with the seed-demo command, then runs autocannon on a mixed read load (searchSeeds,
 * searchNeeds, seed pages, candidatesForNeed as a company member) beside a trickle of writes (the
 * member updating its needs and saving searches). Rate limits are raised for the run. Prints one
 * table; exits 1 on any connection error, non-2xx answer or GraphQL error.
 */

const progress = (message: string) => process.stderr.write(`[load] ${message}\n`);
const UNLIMITED = '100000000';

function settings() {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: process.env.LOAD_CONNECTIONS ?? '100' },
      duration: { type: 'string', default: process.env.LOAD_DURATION ?? '30' },
      writes: { type: 'string', default: process.env.LOAD_WRITES_PER_SECOND ?? '4' },
      'keep-dir': { type: 'boolean', default: false },
    },
  });
  const numbers = {
    connections: Number(values.connections),
    duration: Number(values.duration),
    writes: Number(values.writes),
  };
  for (const [name, value] of Object.entries(numbers))
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return { ...numbers, keepDir: values['keep-dir'] };
}

/** The API's and the command's environment: this run's data directory, unlimited budgets. */
function environment(
  dataDir: string,
  databaseUrl: string,
  port: number,
  admin: { email: string; password: string },
) {
  return {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DEMO_CATALOG: 'false',
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    RATE_LIMIT_SEARCH: UNLIMITED,
    RATE_LIMIT_CANDIDATES: UNLIMITED,
    RATE_LIMIT_SIGN_IN: UNLIMITED,
    RATE_LIMIT_SIGN_UP: UNLIMITED,
    RATE_LIMIT_IMPORT: UNLIMITED,
  };
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(projectRoot(), 'dist', script), ...args], {
    cwd: projectRoot(),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((done) =>
    child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code)),
  );

async function seedDemo(env: NodeJS.ProcessEnv) {
  progress('loading the demo catalogue (seed-demo)');
  const code = await exited(run('apps/cli/src/catalog.js', ['seed-demo'], env));
  if (code !== 0) throw new Error(`seed-demo exited with ${code}`);
}

/** Waits for /health, then for the search index to hold the catalogue. */
async function waitReady(base: string, api: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
    try {
      const found = await graphql<{ searchSeeds: { totalHits: number } }>(
        base,
        '{ searchSeeds { totalHits } }',
      );
      if (found.searchSeeds.totalHits > 0) return;
    } catch {
      // not listening yet, or the index still empty
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('the API did not become ready with an indexed catalogue within 2 minutes');
}

/** Until a health check answers within 100 ms (or 10 s have passed). */
async function waitIdle(base: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    await fetch(`${base}/health`).catch(() => undefined);
    if (Date.now() - started < 100) return;
  }
}

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

interface WriteCounts {
  sent: number;
  failed: number;
  firstErrors: string[];
}

/**
 * The write trickle, on a fixed schedule whatever the latency: a need edit (each need's version
 * carried forward, so one edit per need at a time) or, while that need is busy, a saved search;
 * past 10 kept searches the oldest is deleted instead (an account keeps at most 50).
 */
function writeTrickle(base: string, world: LoadWorld, perSecond: number, counts: WriteCounts) {
  const needs = world.needs.map((need) => ({ ...need, busy: false }));
  const inFlight = new Set<Promise<void>>();
  const saved: string[] = [];
  let searchBusy = false;
  const write = async (i: number) => {
    const need = needs[Math.floor(i / 2) % needs.length];
    const edit = i % 2 === 0 && need && !need.busy;
    if (edit) need.busy = true;
    if (!edit && searchBusy) return; // one saved-search write at a time keeps the count known
    const oldest = !edit && saved.length >= 10 ? saved.shift() : undefined;
    if (!edit) searchBusy = true;
    const [query, variables] = edit
      ? [
          'mutation ($input: UpdateNeedInput!) { updateNeed(input: $input) { version } }',
          { input: { id: need.id, version: need.version, deadline: `2027-0${1 + (i % 9)}-15` } },
        ]
      : oldest
        ? ['mutation ($id: ID!) { deleteSavedSearch(id: $id) }', { id: oldest }]
        : [
            'mutation ($input: SaveSearchInput!) { saveSearch(input: $input) { id } }',
            { input: { name: `load ${i}`, query: i % 3 ? '発酵' : 'spider silk' } },
          ];
    counts.sent += 1;
    try {
      const data = await graphql<{ updateNeed?: { version: number } }>(
        base,
        query,
        variables,
        world.memberToken,
      );
      if (edit && data.updateNeed) need.version = data.updateNeed.version;
    } catch (error) {
      counts.failed += 1;
      if (counts.firstErrors.length < 5) counts.firstErrors.push((error as Error).message.slice(0, 300));
    } finally {
      if (edit) need.busy = false;
      else searchBusy = false;
    }
  };
  let i = 0;
  const timer = setInterval(() => {
    const sent = write(i++);
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }, 1000 / perSecond);
  return async () => {
    clearInterval(timer);
    await Promise.all(inFlight);
  };
}

/** The one-time link of the newest sign-up e-mail to the address (the run has no SMTP server). */
async function signUpToken(database: pg.Pool, email: string): Promise<string> {
  const { rows } = await database.query<{ body: string }>(
    `SELECT body FROM email_message WHERE to_address = $1 AND kind = 'sign-up' ORDER BY created_at DESC LIMIT 1`,
    [email.toLowerCase()],
  );
  const token = /verify-email#token=([\w-]+)/.exec(rows[0]?.body ?? '')?.[1];
  if (!token) throw new Error(`no sign-up link was sent to ${email}`);
  return token;
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

async function main() {
  const options = settings();
  const dataDir = mkdtempSync(join(tmpdir(), 'kyoso-load-'));
  chmodSync(dataDir, 0o755); // the embedded database's unprivileged user must reach it when we are root
  const admin = {
    email: process.env.ADMIN_EMAIL ?? 'load-admin@kyoso.local',
    password: process.env.ADMIN_PASSWORD ?? `${randomUUID()}-Yama-Kawa`,
  };
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  // the run's own server unless DATABASE_URL names one: this process reads the sign-up link from it
  const server = process.env.DATABASE_URL
    ? undefined
    : new EmbeddedPostgres({ dataDir: join(dataDir, 'db'), port: 0, database: 'kyoso' });
  const databaseUrl = server ? await server.start() : String(process.env.DATABASE_URL);
  const database = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const env = environment(dataDir, databaseUrl, port, admin);
  let api: ChildProcess | undefined;
  try {
    await seedDemo(env);
    progress(
      `starting the API on ${base} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`,
    );
    api = run('apps/api/src/main.js', [], env);
    const pid = api.pid;
    if (pid === undefined) throw new Error('the API did not start');
    await waitReady(base, api);
    const world = await prepareWorld(base, admin, (email) => signUpToken(database, email));
    const rssBefore = rssMb(pid);
    const reads = emptyReadCounts();
    const writes: WriteCounts = { sent: 0, failed: 0, firstErrors: [] };
    progress(`${options.connections} connections × ${options.duration} s, ${options.writes} writes/s beside`);
    const stopWrites = writeTrickle(base, world, options.writes, writes);
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.duration,
      timeout: 30,
      requests: readRequests(world, reads),
    });
    await stopWrites();
    const rssAfter = rssMb(pid);
    // autocannon hangs up on requests still running at the end: let the API finish them before it stops
    await waitIdle(base);
    const graphqlErrors = Object.values(reads.graphqlErrors).reduce((a, b) => a + b, 0);
    console.log(
      table([
        ['load', `${options.connections} connections × ${result.duration} s, reads as mixed below`],
        [
          'requests',
          `${result.requests.total} (${Object.entries(reads.responses)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
        ],
        ['req/s (mean)', result.requests.average.toFixed(1)],
        ['latency p50 / p99', `${result.latency.p50} ms / ${result.latency.p99} ms`],
        ['errors (connection, timeouts)', `${result.errors} (${result.timeouts} timeouts)`],
        ['non-2xx', String(result.non2xx)],
        [
          'GraphQL errors',
          `${graphqlErrors} (${Object.entries(reads.graphqlErrors)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
        ],
        [
          'writes (updateNeed, saveSearch, deleteSavedSearch)',
          `${writes.sent} sent, ${writes.failed} failed`,
        ],
        ['API RSS before / after', `${rssBefore.toFixed(0)} MB / ${rssAfter.toFixed(0)} MB`],
      ]),
    );
    for (const error of [...reads.firstErrors, ...writes.firstErrors]) console.log(`  error: ${error}`);
    const failed = result.errors + result.non2xx + graphqlErrors + writes.failed > 0;
    if (failed) process.exitCode = 1;
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exited(api);
    }
    await database.end();
    await server?.stop();
    if (!options.keepDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[load] failed: ${error.message}\n`);
  process.exit(1);
});
