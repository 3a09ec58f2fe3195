// Synthetic catalogue for import measurements: node test/bench/generate-catalog.mjs <seeds> <out.ndjson>
// 20 institutions, 200 researchers, 1 program, <seeds> bilingual seeds of about 1.2 KB each.
import { createWriteStream } from 'node:fs';
const n = Number(process.argv[2] ?? 100000);
const out = createWriteStream(process.argv[3] ?? '/tmp/big.ndjson');
const w = (o) => out.write(JSON.stringify(o) + '\n');
for (let i = 0; i < 20; i++) w({ kind: 'organization', externalId: `org-${i}`, name: { ja: `研究機関${i}`, en: `Institute ${i}` }, type: 'university', prefecture: '山形県', city: '鶴岡市' });
for (let i = 0; i < 200; i++) w({ kind: 'person', externalId: `p-${i}`, name: { ja: `研究者${i}` }, organization: `org-${i % 20}`, role: 'researcher' });
w({ kind: 'program', externalId: 'prog-kampo', name: { ja: '鶴岡漢方プロジェクト' } });
const fields = ['metabolomics', 'proteomics', 'microbiome'];
const text = '鶴岡のメタボローム解析技術を用いて食品の機能性成分を網羅的に測定し、産業応用を目指す研究です。'.repeat(4);
for (let i = 0; i < n; i++) {
  w({ kind: 'seed', externalId: `seed-${i}`, title: { ja: `シーズ${i} 代謝物プロファイリング`, en: `Seed ${i}: metabolite profiling` }, summary: { ja: text, en: 'Comprehensive profiling of functional food components using CE-MS metabolomics in Tsuruoka. '.repeat(3) },
    keywords: ['メタボローム', 'CE-MS'], fields: [fields[i % 3]], institution: `org-${i % 20}`, researchers: [`p-${i % 200}`], trl: (i % 9) + 1, collaborationTypes: ['joint-research'], programs: i % 10 ? [] : ['prog-kampo'], publishedAt: '2025-04-01' });
}
out.end();
