import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { configureLogger, loadConfig } from '#libs/core';
import { runCommand } from '#libs/platform';
import { AchievementReportService } from '#libs/reporting';

const USAGE =
  'usage: npm run report -- --fiscal-year 2026 [--out dir]   (fiscal year April 2026 to March 2027)';

/** Writes the achievement report (実績) of a fiscal year as CSV and self-contained HTML. */
async function main() {
  const { values } = parseArgs({ options: { 'fiscal-year': { type: 'string' }, out: { type: 'string' } } });
  const year = values['fiscal-year'];
  if (!year || !/^\d{4}$/.test(year)) throw new Error(USAGE);
  const config = loadConfig({ DEMO_CATALOG: 'false' });
  configureLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  await runCommand(config, 'report', async (app) => {
    const { report, csvPath, htmlPath } = await app
      .get(AchievementReportService)
      .write(Number(year), values.out ?? '.');
    console.log(`FY${report.fiscalYear}: ${report.programs.length} programs\n  ${csvPath}\n  ${htmlPath}`);
  });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
