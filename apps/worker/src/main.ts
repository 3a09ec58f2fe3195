import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { configureLogger, JsonLogger, loadConfig, logger } from '#libs/core';
import { openDatabase } from '#libs/platform';
import { WorkerModule } from './worker.module.js';

async function main() {
  const config = loadConfig();
  configureLogger(config.LOG_LEVEL);
  const database = await openDatabase(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config, database.url), {
    logger: new JsonLogger(),
  });
  logger('worker').info({ searchRelay: config.searchRelay === 'worker' }, 'Kyoso worker ready');
  const stop = async (signal: string) => {
    logger('worker').info({ signal }, 'shutting down');
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`\nKyoso worker could not start: ${error.message}\n\n`);
  process.exit(1);
});
