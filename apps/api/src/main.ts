import { loadConfig, logger } from '#libs/core';
import { startApi } from './bootstrap.js';

async function main() {
  const config = loadConfig();
  const api = await startApi(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger('main').info({ signal }, 'shutting down');
    api.close().then(
      () => process.exit(0),
      (error) => {
        logger('main').error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  // One clear line for the person at the terminal, then the structured record.
  process.stderr.write(`\nKyoso could not start: ${error.message}\n\n`);
  logger('main').fatal({ err: error }, 'startup failed');
  process.exit(1);
});
