import { describe, expect, it } from '@jest/globals';
import { GlossaryIndex } from '#libs/search';
import { candidateQueries, keyTerms, type NeedProfile } from './need-profile.js';

const glossary = new GlossaryIndex({
  entries: [
    { ja: ['日本酒', '清酒'], en: ['sake'] },
    { ja: ['香気成分'], en: ['aroma compounds'] },
    { ja: ['麹'], en: ['koji'] },
  ],
});
const need = (overrides: Partial<NeedProfile>): NeedProfile => ({
  title: { ja: null, en: null },
  description: { ja: null, en: null },
  fields: [],
  desiredCollaboration: [],
  trlMin: null,
  trlMax: null,
  programs: [],
  prefecture: null,
  city: null,
  ...overrides,
});

describe('keyTerms', () => {
  it('puts glossary terms of the title first, then other content words, without stopwords', () => {
    const terms = keyTerms(
      need({
        title: { ja: '日本酒の香気成分を安定させたい', en: null },
        description: { ja: null, en: 'We want our koji process to be more consistent with partners.' },
      }),
      glossary,
    );
    expect(terms.slice(0, 2).sort()).toEqual(['日本酒', '香気成分']);
    expect(terms).toContain('koji');
    expect(terms).toContain('consistent');
    expect(terms).not.toContain('want');
    expect(terms).not.toContain('with');
  });

  it('never repeats a term inside a longer chosen one', () => {
    const terms = keyTerms(need({ title: { ja: '発酵食品の発酵', en: null } }), glossary);
    expect(terms.filter((term) => term.includes('発酵'))).toHaveLength(1);
  });
});

describe('candidateQueries', () => {
  it('sends short queries (≤10 words) that end the last word', () => {
    const long = 'word '.repeat(30).trim();
    const queries = candidateQueries(
      need({ title: { ja: null, en: long }, description: { ja: '日本酒', en: null } }),
      glossary,
    );
    for (const { query } of queries) {
      expect(query.endsWith(' ')).toBe(true);
      expect(query.trim().split(/\s+/).length).toBeLessThanOrEqual(10);
    }
    expect(queries.map((q) => q.query)).toContain('日本酒 ');
  });
});
