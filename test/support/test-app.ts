import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { parseConfig } from '#libs/core';
import { startApi, type RunningApi } from '../../apps/api/src/bootstrap.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }[];
}

export interface TestApp {
  url: string;
  api: RunningApi;
  /** A client on this test's own database, for checking what was (not) written. */
  db: pg.Pool;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

function serverUrl(database: string): string {
  const base = process.env.KYOSO_TEST_SERVER_URL;
  if (!base) throw new Error('e2e tests run through jest, whose global setup starts the database server');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Boots the real API on a fresh, empty database of its own, migrated at start. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = `kyoso_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${database}`));
  const dataDir = mkdtempSync(join(tmpdir(), 'kyoso-test-'));
  const config = parseConfig({
    DATA_DIR: dataDir,
    SEARCH_RELAY_INTERVAL_MS: '20',
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: serverUrl(database),
    DATABASE_POOL_SIZE: '5',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...env,
  });
  const api = await startApi(config);
  const db = new pg.Pool({ connectionString: serverUrl(database), max: 2 });
  return {
    url: api.url,
    api,
    db,
    async gql(query, variables, token) {
      const call = request(api.url).post('/graphql').set('content-type', 'application/json');
      if (token) call.set('authorization', `Bearer ${token}`);
      const response = await call.send({ query, variables });
      return { status: response.status, ...response.body };
    },
    async close() {
      await db.end();
      await api.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
