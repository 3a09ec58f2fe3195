import { describe, expect, it } from '@jest/globals';
import { analyze, normalize, queryTokens, tokens } from './analyze.js';

/** A document matches when it holds every token of the query (how the FTS5 AND query will behave). */
const matches = (document: string, query: string) => {
  const held = new Set(tokens(document));
  return queryTokens(query).every((token) => held.has(token));
};

describe('text analysis', () => {
  it('finds words the segmenter splits badly, through bigrams', () => {
    expect(matches('庄内のだだちゃ豆の機能性成分をCE-MSで測定', 'だだちゃ豆')).toBe(true);
    expect(matches('庄内の枝豆の機能性成分', 'だだちゃ豆')).toBe(false);
  });

  it('folds katakana and hiragana, full and half width, upper and lower case', () => {
    expect(normalize('メタボローム')).toBe('めたぼろーむ');
    expect(matches('メタボローム解析', 'めたぼろーむ')).toBe(true);
    expect(matches('ＣＥ－ＭＳによる測定', 'ce ms')).toBe(true);
    expect(matches('ｶﾞﾗｸﾄｵﾘｺﾞ糖', 'ガラクトオリゴ糖')).toBe(true);
    expect(matches('Spider Silk protein fibres', 'SPIDER silk')).toBe(true);
  });

  it('keeps Latin words whole and Japanese words among the bigrams', () => {
    expect(tokens('Metabolomics 鶴岡')).toEqual(['metabolomics', '鶴岡']);
    expect(tokens('微生物')).toEqual(expect.arrayContaining(['微生', '生物'])); // bigrams do not depend on the ICU dictionary
    expect(analyze('発酵 koji')).toContain('発酵');
    expect(analyze('発酵 koji')).toContain('koji');
  });

  it('matches a one-character query on a one-character word', () => {
    expect(matches('豆', '豆')).toBe(true);
    expect(queryTokens('')).toEqual([]);
  });
});
