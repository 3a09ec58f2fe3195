import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { configureLogger, loadConfig } from '#libs/core';
import {
  INDEX_NAMES,
  SEARCH_ENGINE,
  SearchReindexService,
  type IndexName,
  type ReindexProgress,
  type SearchEngine,
} from '#libs/search';
import { runCommand } from '#libs/platform';

const USAGE = 'usage: npm run reindex [-- --index seeds|needs]   (default: every index)';

/** A redrawn bar on a terminal, a line every few seconds otherwise. */
function progressBar() {
  const tty = process.stderr.isTTY;
  let last = 0;
  return (progress: ReindexProgress) => {
    const now = Date.now();
    const finished = progress.done >= progress.total;
    if (!finished && now - last < (tty ? 100 : 5000)) return;
    last = now;
    const share = progress.total ? progress.done / progress.total : 1;
    const text = `${progress.index.padEnd(6)} [${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${progress.done.toLocaleString('en')}/${progress.total.toLocaleString('en')}`;
    process.stderr.write(tty ? `\r${text}${finished ? '\n' : ''}` : `${text}\n`);
  };
}

/**
 * Rebuilds search indexes from the database beside the live ones and swaps
 * them in; readers keep searching the old index until the swap.
 */
async function main() {
  const { values } = parseArgs({ options: { index: { type: 'string' } } });
  if (values.index && !INDEX_NAMES.includes(values.index as IndexName)) throw new Error(USAGE);
  const indexes = values.index ? [values.index as IndexName] : [...INDEX_NAMES];
  const config = loadConfig({ DEMO_CATALOG: 'false' });
  configureLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  await runCommand(config, 'reindex', async (app) => {
    const engine = app.get<symbol, SearchEngine>(SEARCH_ENGINE, { strict: false });
    await engine.ensureIndexes();
    const show = progressBar();
    for (const index of indexes) {
      const started = Date.now();
      const documents = await app.get(SearchReindexService, { strict: false }).reindex(index, show);
      console.log(
        `${index}: ${documents} documents rebuilt and swapped in ${((Date.now() - started) / 1000).toFixed(1)} s (${engine.kind} engine)`,
      );
    }
  });
}

main().catch((error: Error) => {
  process.stderr.write(`\n${error.message}\n`);
  process.exit(1);
});
