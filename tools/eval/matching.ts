import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configureLogger, projectRoot, taxonomyLabel } from '#libs/core';
import { CandidateGenerator, type NeedProfile } from '#libs/matching';
import {
  EmbeddedEngine,
  GlossaryIndex,
  projectGlossary,
  type Filter,
  type SeedSearchDocument,
} from '#libs/search';

/**
 *   npm run eval:matching [-- --verbose]
 * Ranks the demo catalogue's seeds for every need of data/eval/matching.json
 * and prints nDCG@10, Recall@10 and MRR for the full ranker, for its text
 * relevance alone, and for a plain search of the need's title.
 */

interface EvalNeed {
  id: string;
  language: string;
  noSharedWords: boolean;
  need: Omit<NeedProfile, 'programs' | 'city' | 'trlMin' | 'trlMax' | 'prefecture'> & {
    trlMin?: number;
    trlMax?: number;
    prefecture?: string;
  };
  relevant: Record<string, number>;
}

type CatalogRecord = Record<string, unknown> & { kind: string; externalId: string };
const text = (value: unknown) => value as { ja?: string; en?: string } | undefined;
/** Fixed, so freshness (and every number printed) is the same on every run. */
const NOW = Date.parse('2026-11-28T00:00:00Z');
const K = 10;

/** The demo catalogue's seeds as search documents, keyed by externalId. */
function demoSeeds(): SeedSearchDocument[] {
  const records = readFileSync(join(projectRoot(), 'data/demo/catalog.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CatalogRecord);
  const organizations = new Map(
    records.filter((r) => r.kind === 'organization').map((r) => [r.externalId, r]),
  );
  return records
    .filter((r) => r.kind === 'seed')
    .map((r) => {
      const institution = organizations.get(r.institution as string);
      if (!institution)
        throw new Error(
          `demo seed ${r.externalId}: institution ${String(r.institution)} is not in the catalogue`,
        );
      const fields = (r.fields as string[]) ?? [];
      const status = (r.status as string) ?? 'published';
      return {
        id: r.externalId,
        titleJa: text(r.title)?.ja ?? null,
        titleEn: text(r.title)?.en ?? null,
        keywords: (r.keywords as string[]) ?? [],
        summaryJa: text(r.summary)?.ja ?? null,
        summaryEn: text(r.summary)?.en ?? null,
        applications: (r.applications as string[]) ?? [],
        fieldNames: fields.flatMap((code) => Object.values(taxonomyLabel('fields', code))),
        institutionNameJa: text(institution.name)?.ja ?? null,
        institutionNameEn: text(institution.name)?.en ?? null,
        fields,
        institution: institution.externalId,
        prefecture: (institution.prefecture as string) ?? null,
        city: (institution.city as string) ?? null,
        trl: (r.trl as number) ?? null,
        ipStatus: (r.ipStatus as string) ?? 'none',
        collaborationTypes: (r.collaborationTypes as string[]) ?? [],
        programs: (r.programs as string[]) ?? [],
        status,
        visibility: status === 'published' ? 'public' : 'restricted',
        listedUserIds: [],
        publishedAt: r.publishedAt ? Date.parse(r.publishedAt as string) : null,
      } satisfies SeedSearchDocument;
    });
}

function metrics(ranked: string[], relevant: Record<string, number>) {
  const top = ranked.slice(0, K);
  const dcg = top.reduce((sum, id, i) => sum + (2 ** (relevant[id] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, K)
    .reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  const relevantIds = Object.keys(relevant).filter((id) => relevant[id] > 0);
  const first = ranked.findIndex((id) => (relevant[id] ?? 0) > 0);
  return {
    ndcg: ideal ? dcg / ideal : 0,
    recall: relevantIds.length ? top.filter((id) => relevantIds.includes(id)).length / relevantIds.length : 0,
    mrr: first >= 0 ? 1 / (first + 1) : 0,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const f = (value: number) => value.toFixed(3);

async function main() {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean' } } });
  configureLogger('warn');
  const glossary = projectGlossary();
  const engine = new EmbeddedEngine({ file: ':memory:', glossary });
  await engine.ensureIndexes();
  const seeds = demoSeeds();
  await engine.apply({ seeds: { upserts: seeds, deletes: [] } }, 1);
  const byId = new Map(seeds.map((seed) => [seed.id, seed]));
  const generator = new CandidateGenerator(engine, new GlossaryIndex(glossary), async (ids) =>
    ids.map((id) => byId.get(id)).filter((seed) => seed !== undefined),
  );
  const textOnly = {
    text: 1,
    fields: 0,
    collaboration: 0,
    trl: 0,
    ip: 0,
    locality: 0,
    programs: 0,
    freshness: 0,
  };
  const published: Filter = {
    all: [
      { attribute: 'status', in: ['published'] },
      { attribute: 'visibility', in: ['public'] },
    ],
  };

  const { needs } = JSON.parse(readFileSync(join(projectRoot(), 'data/eval/matching.json'), 'utf8')) as {
    needs: EvalNeed[];
  };
  const rows: {
    id: string;
    language: string;
    noSharedWords: boolean;
    full: ReturnType<typeof metrics>;
    text: ReturnType<typeof metrics>;
    title: ReturnType<typeof metrics>;
  }[] = [];
  for (const evalNeed of needs) {
    const profile: NeedProfile = {
      trlMin: null,
      trlMax: null,
      prefecture: null,
      ...evalNeed.need,
      programs: [],
      city: null,
    };
    const full = (await generator.forNeed(profile, { first: K, now: NOW })).map((c) => c.seedId);
    const text = (await generator.forNeed(profile, { first: K, now: NOW, weights: textOnly })).map(
      (c) => c.seedId,
    );
    const query = `${profile.title.ja ?? profile.title.en ?? ''} `;
    const title = (await engine.search('seeds', { query, filter: published, offset: 0, limit: K })).hits.map(
      (hit) => hit.id,
    );
    rows.push({
      id: evalNeed.id,
      language: evalNeed.language,
      noSharedWords: evalNeed.noSharedWords,
      full: metrics(full, evalNeed.relevant),
      text: metrics(text, evalNeed.relevant),
      title: metrics(title, evalNeed.relevant),
    });
    if (values.verbose)
      console.log(
        `${evalNeed.id}: full ${full.join(' ')}\n${' '.repeat(evalNeed.id.length)}  want ${Object.entries(
          evalNeed.relevant,
        )
          .map(([id, g]) => `${id}:${g}`)
          .join(' ')}`,
      );
  }

  const line = (label: string, subset: typeof rows) =>
    [
      label.padEnd(26),
      String(subset.length).padStart(3),
      ...(['full', 'text', 'title'] as const).flatMap((run) => [
        f(mean(subset.map((r) => r[run].ndcg))),
        f(mean(subset.map((r) => r[run].recall))),
        f(mean(subset.map((r) => r[run].mrr))),
      ]),
    ].join('  ');
  console.log(
    `\nMatching evaluation: ${needs.length} needs of data/eval/matching.json against the ${seeds.length} demo seeds, @${K}`,
  );
  console.log(
    "full = the ranker (search for key terms and fields, then all factors); text = the same candidates by text relevance alone; title = a plain search of the need's title\n",
  );
  console.log(
    [
      'needs'.padEnd(26),
      '  n',
      'full nDCG',
      'full R@10',
      'full MRR',
      'text nDCG',
      'text R@10',
      'text MRR',
      'title nDCG',
      'title R@10',
      'title MRR',
    ].join('  '),
  );
  console.log(line('all', rows));
  for (const language of ['ja', 'en', 'both'])
    console.log(
      line(
        `language ${language}`,
        rows.filter((r) => r.language === language),
      ),
    );
  console.log(
    line(
      'sharing no words with seeds',
      rows.filter((r) => r.noSharedWords),
    ),
  );
  console.log('\nper need (nDCG@10 / Recall@10 / MRR)');
  for (const row of rows) {
    console.log(
      `${row.id.padEnd(10)} ${row.language.padEnd(4)} full ${f(row.full.ndcg)} / ${f(row.full.recall)} / ${f(row.full.mrr)}   text ${f(row.text.ndcg)} / ${f(row.text.recall)} / ${f(row.text.mrr)}   title ${f(row.title.ndcg)} / ${f(row.title.recall)} / ${f(row.title.mrr)}`,
    );
  }
  await engine.close();
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
