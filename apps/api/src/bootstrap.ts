import 'reflect-metadata';
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, configureLogger, JsonLogger, logger, requestIdMiddleware } from '#libs/core';
import { SessionService } from '#libs/identity';
import { openDatabase } from '#libs/platform';
import { AppModule } from './app.module.js';
import { requestGate } from './request-gate.js';

export interface RunningApi {
  app: INestApplication;
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `Port ${port} on ${host} is already in use (is Kyoso already running?). Stop that process or set PORT.`,
    );
    this.name = 'PortInUseError';
  }
}

function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error),
    );
    probe.listen(port, host, () => probe.close(() => done()));
  });
}

/** Starts the API: database, migrations, GraphQL at /graphql, health at /health. */
export async function startApi(config: AppConfig): Promise<RunningApi> {
  configureLogger(config.LOG_LEVEL);
  const log = logger('bootstrap');
  await assertPortFree(config.HOST, config.PORT);
  const database = await openDatabase(config);
  let app: INestApplication | undefined;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database.url), {
      logger: new JsonLogger(),
      // /graphql parses its own bodies (requestGate), with limits that depend on who is asking
      bodyParser: false,
    });
    app.use(requestIdMiddleware);
    // JSON and multipart GraphQL requests (importCatalog's file); Apollo's CSRF rule asks clients for an Apollo-Require-Preflight header
    const sessions = app.get(SessionService);
    app.use(
      '/graphql',
      requestGate(config, (authorization) => sessions.authenticate(authorization)),
    );
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${address.port}`;
  log.info(
    { graphql: `${url}/graphql`, health: `${url}/health`, embeddedDatabase: !config.DATABASE_URL },
    'Kyoso API ready',
  );
  const running = app;
  return { app: running, url, close: () => shutdown(running, database, config.SHUTDOWN_TIMEOUT_MS) };
}

/** Finishes in-flight requests (up to the timeout), closes the pool, then stops an embedded database. */
async function shutdown(app: INestApplication, database: { stop(): Promise<void> }, timeoutMs: number) {
  const log = logger('shutdown');
  const server = app.getHttpServer() as import('node:http').Server;
  const force = setTimeout(() => {
    log.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing their connections');
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
    await database.stop();
  }
  log.info('stopped');
}
