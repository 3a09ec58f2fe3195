import 'reflect-metadata';
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { configureLogger, CoreModule, EmbeddedPostgres, parseConfig } from '#libs/core';
import {
  CatalogImportService,
  CatalogModule,
  isProblemLine,
  MAX_LINE_BYTES,
  parseRecord,
  readNdjsonLines,
} from '#libs/catalog';
import { ENTITIES, MIGRATIONS } from '#libs/platform';

/**
 *   npm run bench:import -- [--seeds 20000] [--runs 3] [--keep file.ndjson]
 * Imports a synthetic catalogue into a fresh embedded database per run and
 * compares it with the baseline of reading and validating the same file.
 */
async function writeSyntheticCatalog(seeds: number, path: string) {
  const out = createWriteStream(path);
  const write = async (record: object) => {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  };
  for (let i = 0; i < 20; i++) {
    await write({
      kind: 'organization',
      externalId: `org-${i}`,
      name: { ja: `研究機関${i}`, en: `Institute ${i}` },
      type: 'university',
      prefecture: '山形県',
      city: '鶴岡市',
    });
  }
  for (let i = 0; i < 200; i++)
    await write({
      kind: 'person',
      externalId: `p-${i}`,
      name: { ja: `研究者${i}` },
      organization: `org-${i % 20}`,
      role: 'researcher',
    });
  await write({ kind: 'program', externalId: 'prog-kampo', name: { ja: '鶴岡漢方プロジェクト' } });
  const fields = ['metabolomics', 'proteomics', 'microbiome'];
  const ja =
    '鶴岡のメタボローム解析技術を用いて食品の機能性成分を網羅的に測定し、産業応用を目指す研究です。'.repeat(
      4,
    );
  const en =
    'Comprehensive profiling of functional food components using CE-MS metabolomics in Tsuruoka. '.repeat(3);
  for (let i = 0; i < seeds; i++) {
    await write({
      kind: 'seed',
      externalId: `seed-${i}`,
      title: { ja: `シーズ${i} 代謝物プロファイリング`, en: `Seed ${i}: metabolite profiling` },
      summary: { ja, en },
      keywords: ['メタボローム', 'CE-MS'],
      fields: [fields[i % 3]],
      institution: `org-${i % 20}`,
      researchers: [`p-${i % 200}`],
      trl: (i % 9) + 1,
      collaborationTypes: ['joint-research'],
      programs: i % 10 ? [] : ['prog-kampo'],
      publishedAt: '2025-04-01',
    });
  }
  out.end();
  await once(out, 'finish');
  return 221 + seeds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const { values } = parseArgs({
    options: {
      seeds: { type: 'string', default: '20000' },
      runs: { type: 'string', default: '3' },
      keep: { type: 'string' },
    },
  });
  const seeds = Number(values.seeds);
  const runs = Number(values.runs);
  configureLogger('warn');
  const work = mkdtempSync(join(tmpdir(), 'kyoso-bench-'));
  chmodSync(work, 0o755);
  const file = values.keep ?? join(work, 'catalog.ndjson');
  const records = await writeSyntheticCatalog(seeds, file);
  const server = new EmbeddedPostgres({ dataDir: join(work, 'db'), port: 0, database: 'postgres' });
  const serverUrl = await server.start();
  const baseline: number[] = [];
  const full: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      let valid = 0;
      for await (const line of readNdjsonLines(createReadStream(file), { maxLineBytes: MAX_LINE_BYTES })) {
        if (!isProblemLine(line) && parseRecord(line.lineNumber, line.text).ok) valid++;
      }
      baseline.push((performance.now() - started) / 1000);
      if (valid !== records) throw new Error(`baseline read ${valid} valid records of ${records}`);

      const database = `bench_${run}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      const config = parseConfig({
        NODE_ENV: 'test',
        DATABASE_URL: url.toString(),
        JWT_SECRET: 'x'.repeat(32),
        LOG_LEVEL: 'warn',
      });
      @Module({
        imports: [
          CoreModule.forRoot({
            config,
            database: { url: url.toString(), poolSize: 4, entities: ENTITIES, migrations: MIGRATIONS },
          }),
          CatalogModule,
        ],
      })
      class BenchModule {}
      const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
      started = performance.now();
      const report = await app
        .get(CatalogImportService)
        .run(() => createReadStream(file, { highWaterMark: 1 << 20 }), { actorUserId: null });
      full.push((performance.now() - started) / 1000);
      await app.close();
      if (report.created !== records) throw new Error(`import created ${report.created} of ${records}`);
    }
  } finally {
    await server.stop();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
  const rows = [
    ['read + validate (baseline)', median(baseline)],
    ['import into PostgreSQL', median(full)],
  ] as const;
  console.log(
    `\n${records.toLocaleString('en')} records (${seeds.toLocaleString('en')} seeds), ${runs} runs, medians; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  console.log('| phase | median s | records/s | × baseline |');
  console.log('|---|---|---|---|');
  for (const [name, seconds] of rows) {
    console.log(
      `| ${name} | ${seconds.toFixed(2)} | ${Math.round(records / seconds).toLocaleString('en')} | ${(seconds / rows[0][1]).toFixed(1)} |`,
    );
  }
}

main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  process.exit(1);
});
