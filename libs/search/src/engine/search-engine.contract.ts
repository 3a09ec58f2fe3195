import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Glossary } from '../glossary/glossary.js';
import type { SeedSearchDocument } from '../documents/search-documents.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchEngine, type SearchRequest } from './search-engine.js';

/** The glossary every engine under contract is built with. */
export const CONTRACT_GLOSSARY: Glossary = {
  entries: [
    { ja: ['クモ糸'], en: ['spider silk'] },
    { ja: ['発酵'], en: ['fermentation'] },
    { ja: ['メタボローム', 'メタボロミクス'], en: ['metabolome', 'metabolomics'] },
  ],
};

function seed(id: string, fields: Partial<SeedSearchDocument>): SeedSearchDocument {
  return {
    id,
    titleJa: null,
    titleEn: null,
    keywords: [],
    summaryJa: null,
    summaryEn: null,
    applications: [],
    fieldNames: [],
    institutionNameJa: null,
    institutionNameEn: null,
    fields: [],
    institution: 'org-keio',
    prefecture: '山形県',
    city: '鶴岡市',
    trl: null,
    ipStatus: 'none',
    collaborationTypes: ['joint-research'],
    programs: [],
    status: 'published',
    visibility: 'public',
    listedUserIds: [],
    publishedAt: 1_700_000_000_000,
    ...fields,
  };
}

export const CONTRACT_SEEDS: SeedSearchDocument[] = [
  seed('s-metabolome', {
    titleJa: 'メタボローム解析による日本酒の品質評価',
    summaryJa: 'CE-MSで日本酒の代謝物を網羅的に測定し、香味との関係を明らかにします。',
    fields: ['metabolomics'],
    trl: 4,
    publishedAt: 1_700_000_000_000,
  }),
  seed('s-silk-en', {
    titleEn: 'Recombinant spider silk fibres for textiles',
    summaryEn: 'Structural proteins spun into fibres by fermentation.',
    fields: ['materials'],
    trl: 6,
    ipStatus: 'granted',
    publishedAt: 1_710_000_000_000,
    institution: 'org-spiber',
  }),
  seed('s-dadacha', {
    titleJa: 'だだちゃ豆の機能性成分',
    summaryJa: '庄内のだだちゃ豆に含まれる成分をＣＥ－ＭＳで分析する。',
    fields: ['food'],
    trl: 3,
    publishedAt: 1_690_000_000_000,
  }),
  seed('s-metabolomics-en', {
    titleEn: 'Metabolomics of gut bacteria',
    summaryEn: 'Untargeted metabolomics of intestinal microbiota.',
    fields: ['metabolomics', 'medicine'],
    trl: 5,
    publishedAt: 1_720_000_000_000,
  }),
  seed('s-summary-only', {
    titleEn: 'Cohort biobank services',
    summaryEn: 'Samples suitable for metabolomics studies.',
    fields: ['medicine'],
    trl: 7,
    publishedAt: 1_705_000_000_000,
  }),
  seed('s-koji', {
    titleJa: 'ｺｳｼﾞ菌の発酵制御',
    summaryJa: '麹の発酵を制御する。',
    fields: ['food'],
    trl: 2,
    publishedAt: 1_680_000_000_000,
  }),
  seed('s-ips', {
    titleJa: 'ヒトiPS細胞とPCR法による品質検査',
    fields: ['materials'],
    trl: 8,
    publishedAt: 1_600_000_000_000,
  }),
  seed('s-draft', {
    titleEn: 'Unpublished fermentation idea',
    status: 'draft',
    visibility: 'restricted',
    listedUserIds: ['user-1'],
    publishedAt: null,
    fields: ['food'],
    trl: 1,
  }),
  // words no visible seed holds: quorvantic, textilezone (one edit from the visible "textiles" when cut to 8 letters)
  seed('s-hidden', {
    titleEn: 'Quorvantic textilezone coatings',
    summaryEn: 'A quorvantic idea nobody else may read.',
    status: 'draft',
    visibility: 'restricted',
    listedUserIds: ['user-2'],
    publishedAt: null,
    fields: ['materials'],
    trl: 2,
  }),
];

/** What a visitor may see of CONTRACT_SEEDS: neither the draft nor the hidden seed. */
const PUBLIC_ONLY = { attribute: 'visibility', in: ['public'] } as const;

const ask = (query: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query,
  offset: 0,
  limit: 20,
  ...extra,
});

/** One set of behaviours every SearchEngine must show; each adapter's spec runs it. */
export function searchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;
    const ids = async (query: string, extra: Partial<SearchRequest> = {}) =>
      (await engine.search('seeds', ask(query, extra))).hits.map((hit) => hit.id);

    beforeAll(async () => {
      engine = await makeEngine();
      await engine.ensureIndexes();
      await engine.apply({ seeds: { upserts: CONTRACT_SEEDS, deletes: [] } }, 7);
    });
    afterAll(() => engine.close());

    it('finds Japanese text from Japanese and English text from English', async () => {
      expect(await ids('日本酒')).toEqual(['s-metabolome']);
      expect(await ids('recombinant fibres')).toEqual(['s-silk-en']);
    });

    it('finds a word the segmenter splits badly (だだちゃ豆)', async () => {
      expect(await ids('だだちゃ豆')).toEqual(['s-dadacha']);
    });

    it('crosses languages through the glossary, both ways', async () => {
      expect(await ids('クモ糸')).toContain('s-silk-en');
      expect(await ids('fermentation ')).toEqual(expect.arrayContaining(['s-koji', 's-silk-en']));
    });

    it('matches prefixes as people type', async () => {
      expect(await ids('メタボ')).toContain('s-metabolome');
      expect(await ids('metab')).toEqual(expect.arrayContaining(['s-metabolomics-en', 's-summary-only']));
    });

    it('forgives a one-letter typo in English', async () => {
      expect(await ids('recombinnt ')).toContain('s-silk-en');
      expect(await ids('metabolomcs ')).toContain('s-metabolomics-en');
    });

    it('folds full width, half width and kana', async () => {
      expect(await ids('ce-ms ')).toEqual(expect.arrayContaining(['s-metabolome', 's-dadacha']));
      expect(await ids('こうじ菌')).toEqual(['s-koji']);
      expect(await ids('ＤＡＤＡＣＨＡ')).toEqual([]);
    });

    it('matches across scripts inside a word (PCR法, iPS細胞) and keeps short katakana words', async () => {
      expect(await ids('pcr法')).toEqual(['s-ips']);
      expect(await ids('ips細胞 ')).toEqual(['s-ips']);
      expect(await ids('ゴム')).toEqual([]);
    });

    it('ignores words found nowhere rather than finding nothing', async () => {
      expect(await ids('qqqzzz 日本酒 ')).toEqual(['s-metabolome']);
      expect(await ids('日本酒 qqqzzz recombinant')).toEqual(['s-metabolome']);
    });

    describe('decides only over the documents the request may see', () => {
      const seen = async (query: string) => {
        const result = await engine.search(
          'seeds',
          ask(query, { filter: PUBLIC_ONLY, facets: ['fields', 'trl'] }),
        );
        return { ...result, processingTimeMs: 0 };
      };

      it('treats a word only hidden documents hold as a word found nowhere', async () => {
        for (const [hidden, unknown] of [
          ['quorvantic 日本酒 ', 'qqqzzzqq 日本酒 '],
          ['日本酒 quorvantic recombinant ', '日本酒 qqqzzzqq recombinant '],
          ['unpublished metabolomics ', 'qqqzzzqq metabolomics '],
          ['quorvantic', 'qqqzzzqq'],
        ])
          expect(await seen(hidden)).toEqual(await seen(unknown));
      });

      it('widens no typo to a word only hidden documents hold', async () => {
        expect(await seen('quorvantik 日本酒 ')).toEqual(await seen('qqqzzzqq 日本酒 '));
        expect(await seen('quorvantik ')).toEqual(await seen('qqqzzzqq '));
      });

      it('lets no prefix of a hidden word stop a typo from being forgiven', async () => {
        // "textilez" starts only the hidden "textilezone", and is one edit from the visible "textiles"
        expect(await seen('textilez')).toEqual(await seen('textileq'));
        expect((await seen('textileq')).hits.map((hit) => hit.id)).toEqual(['s-silk-en']);
      });

      it('orders the same hits the same way however many hidden documents match', async () => {
        const visible = (id: string, title: string, publishedAt: number) =>
          seed(id, { titleEn: title, fields: ['rank-test'], publishedAt });
        const hidden = Array.from({ length: 2_100 }, (_, i) =>
          seed(`s-crowd-${i}`, {
            titleEn: 'Zelquor notes',
            status: 'draft',
            visibility: 'restricted',
            publishedAt: null,
          }),
        );
        const order = async () =>
          (
            await engine.search(
              'seeds',
              ask('zelquor ', { filter: { all: [PUBLIC_ONLY, { attribute: 'fields', in: ['rank-test'] }] } }),
            )
          ).hits.map((hit) => hit.id);
        await engine.apply(
          {
            seeds: {
              upserts: [
                visible('s-rank-old', 'Zelquor zelquor zelquor', 1_600_000_000_000),
                visible(
                  's-rank-new',
                  'Zelquor and a much longer title about other things entirely',
                  1_750_000_000_000,
                ),
              ],
              deletes: [],
            },
          },
          7,
        );
        const alone = await order();
        await engine.apply({ seeds: { upserts: hidden, deletes: [] } }, 7); // never past the change other tests expect
        const crowded = await order();
        await engine.apply(
          { seeds: { upserts: [], deletes: ['s-rank-old', 's-rank-new', ...hidden.map((h) => h.id)] } },
          7,
        );
        expect(alone).toHaveLength(2);
        expect(crowded).toEqual(alone);
      });
    });

    it('ranks a title match above a summary-only match', async () => {
      const found = await ids('metabolomics ');
      expect(found.indexOf('s-metabolomics-en')).toBeLessThan(found.indexOf('s-summary-only'));
    });

    it('filters by list values, ranges and alternatives, and counts facets over what matched', async () => {
      const result = await engine.search(
        'seeds',
        ask('', {
          filter: {
            all: [
              { attribute: 'status', in: ['published'] },
              { attribute: 'trl', min: 3, max: 6 },
            ],
          },
          facets: ['fields', 'trl'],
        }),
      );
      expect(result.hits.map((hit) => hit.id).sort()).toEqual([
        's-dadacha',
        's-metabolome',
        's-metabolomics-en',
        's-silk-en',
      ]);
      expect(result.totalHits).toBe(4);
      expect(result.facetDistribution.fields).toEqual({
        metabolomics: 2,
        materials: 1,
        food: 1,
        medicine: 1,
      });
      expect(result.facetDistribution.trl).toEqual({ '3': 1, '4': 1, '5': 1, '6': 1 });
      expect(await ids('', { filter: { attribute: 'fields', in: ['medicine'] } })).toEqual([
        's-metabolomics-en',
        's-summary-only',
      ]);
      expect(
        await ids('fermentation ', {
          filter: {
            any: [
              { attribute: 'visibility', in: ['public'] },
              { attribute: 'listedUserIds', in: ['user-1'] },
            ],
          },
        }),
      ).toContain('s-draft');
      expect(
        await ids('fermentation ', { filter: { attribute: 'visibility', in: ['public'] } }),
      ).not.toContain('s-draft');
    });

    it('never lets a hidden document into facet counts', async () => {
      const result = await engine.search(
        'seeds',
        ask('', { filter: { attribute: 'visibility', in: ['public'] }, facets: ['fields'] }),
      );
      expect(result.facetDistribution.fields.food).toBe(2); // the draft is a third food seed
    });

    it('sorts, browses newest first, and pages', async () => {
      const publicOnly = { attribute: 'visibility', in: ['public'] } as const;
      expect(await ids('', { filter: publicOnly, limit: 3 })).toEqual([
        's-metabolomics-en',
        's-silk-en',
        's-summary-only',
      ]);
      expect(await ids('', { filter: publicOnly, limit: 2, offset: 2 })).toEqual([
        's-summary-only',
        's-metabolome',
      ]);
      expect(
        await ids('', { filter: publicOnly, sort: [{ attribute: 'trl', direction: 'asc' }], limit: 2 }),
      ).toEqual(['s-koji', 's-dadacha']);
    });

    it('highlights in the language that matched and crops long text', async () => {
      const [hit] = (await engine.search('seeds', ask('spider silk '))).hits;
      expect(hit.highlights.titleEn).toContain(`${HIGHLIGHT_START}spider silk${HIGHLIGHT_END}`);
      expect(hit.highlights.titleJa).toBeUndefined();
      const [japanese] = (await engine.search('seeds', ask('日本酒'))).hits;
      expect(japanese.highlights.titleJa).toContain(`${HIGHLIGHT_START}日本酒${HIGHLIGHT_END}`);
    });

    it('returns ids only, in the same order, when highlights are not wanted', async () => {
      const full = await engine.search('seeds', ask('metabolomics '));
      const bare = await engine.search('seeds', ask('metabolomics ', { highlight: false }));
      expect(bare.hits.map((hit) => hit.id)).toEqual(full.hits.map((hit) => hit.id));
      expect(bare.hits.every((hit) => Object.keys(hit.highlights).length === 0)).toBe(true);
      expect(bare.totalHits).toBe(full.totalHits);
    });

    it('treats query syntax as text', async () => {
      for (const hostile of [
        '"',
        'spider" OR "x',
        'NEAR(a b)',
        '*',
        'a AND',
        '-silk',
        '(',
        'title:spider',
        "'; DROP TABLE x; --",
      ]) {
        await expect(engine.search('seeds', ask(hostile))).resolves.toBeDefined();
      }
    });

    it('replaces on upsert, removes on delete, and remembers the last change applied', async () => {
      await engine.apply(
        { seeds: { upserts: [seed('s-temp', { titleEn: 'Temporary mushroom seed' })], deletes: [] } },
        8,
      );
      await engine.apply(
        { seeds: { upserts: [seed('s-temp', { titleEn: 'Temporary shiitake seed' })], deletes: [] } },
        9,
      );
      expect(await ids('mushroom ')).toEqual([]);
      expect(await ids('shiitake ')).toEqual(['s-temp']);
      await engine.apply({ seeds: { upserts: [], deletes: ['s-temp', 'never-indexed'] } }, 10);
      expect(await ids('shiitake ')).toEqual([]);
      expect((await engine.documentIds('seeds')).sort()).toEqual(CONTRACT_SEEDS.map((s) => s.id).sort());
      expect((await engine.stats()).lastAppliedChange).toBe(10);
      expect((await engine.getDocument('seeds', 's-koji'))?.titleJa).toBe('ｺｳｼﾞ菌の発酵制御');
    });

    it('rebuilds beside the live index and swaps at once; an aborted rebuild changes nothing', async () => {
      const aborted = await engine.beginRebuild('seeds');
      await aborted.add([seed('s-other', { titleEn: 'Other' })]);
      await aborted.abort();
      expect((await engine.stats()).indexes.seeds.documents).toBe(CONTRACT_SEEDS.length);
      const rebuild = await engine.beginRebuild('seeds');
      await rebuild.add(CONTRACT_SEEDS.slice(0, 2));
      expect((await engine.stats()).indexes.seeds.documents).toBe(CONTRACT_SEEDS.length); // readers still see the old
      await rebuild.swap();
      expect((await engine.documentIds('seeds')).sort()).toEqual(['s-metabolome', 's-silk-en']);
      expect(await ids('日本酒')).toEqual(['s-metabolome']);
      await engine.apply({ seeds: { upserts: CONTRACT_SEEDS, deletes: [] } }, 11);
    });
  });
}
