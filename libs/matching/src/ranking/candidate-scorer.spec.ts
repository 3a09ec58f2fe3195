import { describe, expect, it } from '@jest/globals';
import type { SeedSearchDocument } from '#libs/search';
import { pathwayOf, scoreCandidate } from './candidate-scorer.js';
import type { NeedProfile } from './need-profile.js';

const NOW = Date.parse('2026-11-28T00:00:00Z');
const need = (overrides: Partial<NeedProfile> = {}): NeedProfile => ({
  title: { ja: '日本酒の香りを安定させたい', en: null },
  description: { ja: null, en: null },
  fields: ['fermentation-bioprocess', 'metabolomics'],
  desiredCollaboration: ['joint-research'],
  trlMin: 5,
  trlMax: 8,
  programs: [],
  prefecture: '山形県',
  city: '鶴岡市',
  ...overrides,
});
const seed = (overrides: Partial<SeedSearchDocument> = {}): SeedSearchDocument => ({
  id: 's',
  titleJa: null,
  titleEn: null,
  keywords: [],
  summaryJa: null,
  summaryEn: null,
  applications: [],
  fieldNames: [],
  institutionNameJa: null,
  institutionNameEn: null,
  fields: ['metabolomics'],
  institution: 'org',
  prefecture: '山形県',
  city: '鶴岡市',
  trl: 6,
  ipStatus: 'none',
  collaborationTypes: ['joint-research'],
  programs: [],
  status: 'published',
  visibility: 'public',
  listedUserIds: [],
  publishedAt: NOW - 200 * 86_400_000,
  ...overrides,
});
const reason = (result: ReturnType<typeof scoreCandidate>, factor: string) =>
  result.reasons.find((r) => r.factor === factor);

describe('scoreCandidate', () => {
  it('explains every factor in Japanese and English, with its weight and value', () => {
    const result = scoreCandidate(
      need(),
      seed(),
      { relevance: 0.8, terms: ['日本酒', '香り'] },
      { now: NOW },
    );
    expect(reason(result, 'fields')).toMatchObject({
      value: 0.5,
      message: { ja: '分野が一致: メタボローム解析', en: 'Same field: Metabolomics' },
    });
    expect(reason(result, 'trl')?.message).toEqual({
      ja: 'TRL 6 は希望範囲 5-8 に入っています',
      en: 'TRL 6 is inside your range 5-8',
    });
    expect(reason(result, 'locality')).toMatchObject({
      value: 1,
      message: { en: 'In the same city (鶴岡市)' },
    });
    expect(reason(result, 'text')?.message.ja).toBe('内容が一致: 日本酒、香り');
    expect(
      result.reasons.every(
        (r) => r.weight > 0 && r.value >= 0 && r.value <= 1 && r.message.ja && r.message.en,
      ),
    ).toBe(true);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('ranks a better fit higher on every structured factor', () => {
    const good = scoreCandidate(need(), seed(), { relevance: 0.5, terms: [] }, { now: NOW });
    const far = scoreCandidate(
      need(),
      seed({
        trl: 2,
        fields: ['textiles'],
        collaborationTypes: ['licensing'],
        prefecture: '東京都',
        city: '港区',
      }),
      { relevance: 0.5, terms: [] },
      { now: NOW },
    );
    expect(good.score).toBeGreaterThan(far.score);
    expect(reason(far, 'trl')).toMatchObject({
      value: 0,
      message: { en: 'TRL 2 is 3 outside your range 5-8' },
    });
    expect(reason(far, 'collaboration')?.value).toBe(0);
  });

  it('does not penalise what the need leaves open', () => {
    const open = need({
      fields: [],
      desiredCollaboration: [],
      trlMin: null,
      trlMax: null,
      prefecture: null,
      city: null,
    });
    const result = scoreCandidate(open, seed(), { relevance: 1, terms: ['x'] }, { now: NOW });
    expect(result.reasons.map((r) => r.factor).sort()).toEqual(['freshness', 'text']);
    expect(result.score).toBe(1);
  });

  it('counts protected IP only when the company wants a licence', () => {
    const licence = need({ desiredCollaboration: ['licensing'] });
    expect(
      reason(
        scoreCandidate(licence, seed({ ipStatus: 'granted' }), { relevance: 0, terms: [] }, { now: NOW }),
        'ip',
      )?.value,
    ).toBe(1);
    expect(
      reason(
        scoreCandidate(licence, seed({ ipStatus: 'none' }), { relevance: 0, terms: [] }, { now: NOW }),
        'ip',
      )?.value,
    ).toBe(0);
    expect(
      reason(
        scoreCandidate(need(), seed({ ipStatus: 'granted' }), { relevance: 0, terms: [] }, { now: NOW }),
        'ip',
      ),
    ).toBeUndefined();
  });
});

describe('pathwayOf', () => {
  it('is joint research for research-stage seeds, commercialization for ready protected ones, a venture when both want one', () => {
    expect(pathwayOf(need(), seed({ trl: 3 }))).toBe('joint-research');
    expect(
      pathwayOf(need({ desiredCollaboration: ['licensing'] }), seed({ trl: 7, ipStatus: 'granted' })),
    ).toBe('commercialization');
    expect(pathwayOf(need({ desiredCollaboration: ['licensing'] }), seed({ trl: 7, ipStatus: 'none' }))).toBe(
      'joint-research',
    );
    expect(
      pathwayOf(
        need({ desiredCollaboration: ['venture-creation'] }),
        seed({ collaborationTypes: ['venture-creation'] }),
      ),
    ).toBe('venture-creation');
  });
});
