import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, projectRoot } from '#libs/core';

/**
 * The built server as a newcomer runs it (node dist/…/main.js, embedded
 * PostgreSQL in DATA_DIR): a second start, a port clash, SIGTERM, a warm restart.
 */
const MAIN = join(projectRoot(), 'dist', 'apps', 'api', 'src', 'main.js');
const ADMIN = { email: 'admin@kyoso.test', password: 'correct-horse-battery' };
const dataDirs: string[] = [];
const children: ChildProcess[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kyoso-process-'));
  chmodSync(dir, 0o755);
  dataDirs.push(dir);
  return dir;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(dataDir: string, port: number): Started {
  const child = spawn(process.execPath, [MAIN], {
    cwd: projectRoot(),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started, timeoutMs = 60000): Promise<number> {
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return Date.now() - begin;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`no healthy server within ${timeoutMs} ms:\n${started.output()}`);
}

interface OrganizationName {
  organization: { name: { ja: string | null } };
}

async function graphql<T>(port: number, query: string, variables?: object, token?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

/** Sends the headers and half the body now, the rest on finish(): a request the server is in the middle of. */
function startSlowRequest(port: number, query: string, variables: object) {
  const body = JSON.stringify({ query, variables });
  const request = httpRequest({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number | undefined; body: string }>((done, fail) => {
    request.once('error', fail);
    request.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode, body: text }));
    });
  });
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  return {
    finish: () => {
      request.end(body.slice(half));
      return response;
    },
  };
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await new Promise((done) => setTimeout(done, 500));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('running the server', () => {
  it('refuses a second start, survives it, shuts down on SIGTERM and restarts with its data', async () => {
    const dataDir = tempDataDir();
    const port = await findFreePort();
    const first = launch(dataDir, port);
    await waitForHealth(port, first);
    // a development start on an empty database loads the demo catalogue
    const demo = await graphql<{ seeds: { totalCount: number }; needs: { totalCount: number } }>(
      port,
      '{ seeds { totalCount } needs { totalCount } }',
    );
    expect(demo.data?.seeds.totalCount).toBeGreaterThanOrEqual(80);

    const signIn = await graphql<{ signIn: { accessToken: string } }>(
      port,
      'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
      {
        i: ADMIN,
      },
    );
    const token = signIn.data?.signIn.accessToken as string;
    expect(token).toBeTruthy();
    const created = await graphql<{ createOrganization: { id: string } }>(
      port,
      'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
      { i: { type: 'public-lab', name: { ja: '山形県工業技術センター' }, prefecture: '山形県' } },
      token,
    );
    const organizationId = created.data?.createOrganization.id as string;
    expect(organizationId).toBeTruthy();

    // same data directory, other port: refused at once by the data directory lock
    const second = launch(dataDir, await findFreePort());
    const begun = Date.now();
    expect(await second.exited).toBe(1);
    expect(Date.now() - begun).toBeLessThan(10000);
    expect(second.output()).toMatch(/data directory .* is in use by another Kyoso process \(pid \d+\)/);

    // same port, other data directory: refused before any database is started
    const third = launch(tempDataDir(), port);
    expect(await third.exited).toBe(1);
    expect(third.output()).toMatch(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));

    // the first server and its data are untouched
    const still = await graphql<OrganizationName>(
      port,
      'query($id: ID!) { organization(id: $id) { name { ja } } }',
      {
        id: organizationId,
      },
    );
    expect(still.data?.organization.name.ja).toBe('山形県工業技術センター');

    // SIGTERM while a request is in flight: it still gets its answer, database and all
    const inFlight = startSlowRequest(
      port,
      'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
      { i: ADMIN },
    );
    await new Promise((done) => setTimeout(done, 300)); // the server has the headers and half the body
    first.child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 500));
    const answer = await inFlight.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.signIn.accessToken).toBeTruthy();
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'kyoso.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const again = launch(dataDir, port);
    await waitForHealth(port, again);
    const kept = await graphql<OrganizationName>(
      port,
      'query($id: ID!) { organization(id: $id) { name { ja } } }',
      {
        id: organizationId,
      },
    );
    expect(kept.data?.organization.name.ja).toBe('山形県工業技術センター');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('cleans up after a predecessor that was killed outright', async () => {
    const dataDir = tempDataDir();
    const port = await findFreePort();
    const crashed = launch(dataDir, port);
    await waitForHealth(port, crashed);
    crashed.child.kill('SIGKILL'); // leaves its lock file and an orphaned postmaster behind
    await crashed.exited;
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const next = launch(dataDir, port);
    await waitForHealth(port, next);
    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
  });

  it('boots the worker against a database and stops it on SIGTERM', async () => {
    const worker = spawn(
      process.execPath,
      [join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js')],
      {
        cwd: projectRoot(),
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'development',
          DATABASE_URL: process.env.KYOSO_TEST_SERVER_URL,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(worker);
    let output = '';
    const ready = new Promise<void>((done) =>
      worker.stdout?.on('data', (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Kyoso worker ready')) done();
      }),
    );
    const exited = new Promise<number | null>((done) => worker.once('exit', done));
    await Promise.race([ready, exited.then(() => Promise.reject(new Error(`worker exited:\n${output}`)))]);
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('names the bad variable when the configuration is invalid', async () => {
    const started = launch(tempDataDir(), 70000);
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('PORT="70000"');
  });
});
