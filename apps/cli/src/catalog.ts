import 'reflect-metadata';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { configureLogger, loadConfig } from '#libs/core';
import { CatalogImportService, DemoCatalogService, TransferService, type ImportReport } from '#libs/catalog';
import { runCommand } from '#libs/platform';

const USAGE = `usage:
  npm run import -- <file.ndjson> [--partial] [--dry-run]
  npm run export -- <file.ndjson>
  npm run seed-demo`;

/** Progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise. */
function progress(total: number) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(phase: string, bytes: number, lines: number) {
      const now = Date.now();
      if (now - last < (tty ? 100 : 5000)) return;
      last = now;
      const share = total ? Math.min(1, bytes / total) : 0;
      const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
      const text = `${phase.padEnd(8)} [${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${lines.toLocaleString('en')} lines`;
      process.stderr.write(tty ? `\r${text}` : `${text}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

function printReport(report: ImportReport, dryRun: boolean) {
  const verdict = report.written
    ? 'written'
    : dryRun
      ? 'dry run: nothing written'
      : 'refused: nothing written';
  console.log(
    `${verdict}\n  created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected} (of ${report.lines} lines)`,
  );
  for (const problem of report.problems)
    console.log(`  line ${problem.lineNumber}${problem.key ? ` [${problem.key}]` : ''}: ${problem.reason}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { partial: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  });
  const [command, file] = positionals;
  if (!command || (command !== 'seed-demo' && !file)) throw new Error(USAGE);
  const config = loadConfig({ DEMO_CATALOG: 'false' });
  configureLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  await runCommand(config, 'catalog', async (app) => {
    if (command === 'export') await exportTo(app, file);
    else if (command === 'seed-demo') printReport(await app.get(DemoCatalogService).load(), false);
    else if (command === 'import') await importFrom(app, file, values);
    else throw new Error(USAGE);
  });
}

async function exportTo(app: INestApplicationContext, file: string) {
  const out = createWriteStream(file);
  let lines = 0;
  for await (const line of app.get(TransferService).exportLines()) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lines++;
  }
  out.end();
  await once(out, 'finish');
  console.log(`exported ${lines} records to ${file}`);
}

async function importFrom(
  app: INestApplicationContext,
  file: string,
  options: { partial?: boolean; 'dry-run'?: boolean },
) {
  const total = statSync(file).size;
  const bar = progress(total);
  let bytes = 0;
  let phase = 'checking';
  const open = () => {
    bytes = 0;
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => (bytes += chunk.length));
    return stream;
  };
  const report = await app.get(CatalogImportService).run(open, {
    partial: options.partial,
    dryRun: options['dry-run'],
    actorUserId: null,
    onProgress: ({ phase: now, lines }) => {
      phase = now === 'check' ? 'checking' : 'writing';
      bar.update(phase, bytes, lines);
    },
  });
  bar.done();
  printReport(report, Boolean(options['dry-run']));
  if (!report.written && !options['dry-run']) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
