// Plain ESM: Jest loads global setup outside its module system, so this uses the
// build in dist/ (npm test builds first).
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../dist/libs/core/src/database/embedded-postgres.js';
import { configureLogger } from '../../dist/libs/core/src/logging/logger.js';

/**
 * One PostgreSQL server for the run: TEST_DATABASE_URL's, or an embedded one in
 * a temporary directory. Each test file then makes its own fresh database on it.
 */
export default async function globalSetup() {
  configureLogger('warn');
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    process.env.KYOSO_TEST_SERVER_URL = external;
    console.log('\ne2e: using the PostgreSQL server at TEST_DATABASE_URL');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kyoso-test-'));
  chmodSync(dataDir, 0o755); // the unprivileged postgres user must reach its cluster when we are root
  const server = new EmbeddedPostgres({ dataDir, port: 0, database: 'postgres' });
  process.env.KYOSO_TEST_SERVER_URL = await server.start();
  globalThis.kyosoTestServer = { server, dataDir };
  console.log(`\ne2e: embedded PostgreSQL for this run in ${dataDir}`);
}
