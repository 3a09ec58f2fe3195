import { describe, expect, it } from '@jest/globals';
import { HIGHLIGHT_END as END, HIGHLIGHT_START as START } from '../engine/search-engine.js';
import { fragmentsOf, pickHighlight } from './highlighted-text.js';
import { TextLanguage } from './search.model.js';

describe('fragmentsOf', () => {
  it('splits marked text into matched and unmatched fragments, in order', () => {
    expect(fragmentsOf(`spider ${START}silk${END} and ${START}worm${END}s`)).toEqual([
      { text: 'spider ', matched: false },
      { text: 'silk', matched: true },
      { text: ' and ', matched: false },
      { text: 'worm', matched: true },
      { text: 's', matched: false },
    ]);
  });

  it('leaves out empty fragments at the edges', () => {
    expect(fragmentsOf(`${START}クモ糸${END}`)).toEqual([{ text: 'クモ糸', matched: true }]);
  });

  it('gives unmarked text as one unmatched fragment, and nothing for empty text', () => {
    expect(fragmentsOf('plain text')).toEqual([{ text: 'plain text', matched: false }]);
    expect(fragmentsOf('')).toEqual([]);
  });
});

describe('pickHighlight', () => {
  const attributes = { ja: 'titleJa', en: 'titleEn' };
  const plain = { ja: 'クモ糸の強度', en: 'Spider silk strength' };
  const pick = (
    query: string,
    highlights: Record<string, string>,
    texts: { ja: string | null; en: string | null } = plain,
  ) => pickHighlight(query, highlights, attributes, texts);

  it('picks the language that matched', () => {
    const result = pick('spider', { titleJa: `${START}クモ${END}糸の強度` });
    expect(result?.language).toBe(TextLanguage.JA);
    expect(result?.fragments).toEqual([
      { text: 'クモ', matched: true },
      { text: '糸の強度', matched: false },
    ]);
    expect(result?.text).toBe('クモ糸の強度');

    expect(pick('クモ', { titleEn: `${START}Spider${END} silk strength` })?.language).toBe(TextLanguage.EN);
  });

  it("lets the query's script decide when both languages matched", () => {
    const both = { titleJa: `${START}クモ糸${END}の強度`, titleEn: `${START}Spider silk${END} strength` };
    expect(pick('クモ糸', both)?.language).toBe(TextLanguage.JA);
    expect(pick('spider silk', both)?.language).toBe(TextLanguage.EN);
  });

  it("falls back to the plain text in the query's script when nothing matched", () => {
    const english = pick('strength', {});
    expect(english?.language).toBe(TextLanguage.EN);
    expect(english?.fragments).toEqual([{ text: 'Spider silk strength', matched: false }]);

    expect(pick('強度', {})?.language).toBe(TextLanguage.JA);
    // an empty query (browsing) prefers Japanese
    expect(pick('  ', {})?.language).toBe(TextLanguage.JA);
  });

  it('falls back to whatever text exists', () => {
    const onlyJapanese = pick('strength', {}, { ja: 'クモ糸の強度', en: null });
    expect(onlyJapanese?.language).toBe(TextLanguage.JA);
    expect(onlyJapanese?.text).toBe('クモ糸の強度');

    expect(pick('強度', {}, { ja: null, en: 'Spider silk strength' })?.language).toBe(TextLanguage.EN);
    expect(pick('強度', {}, { ja: '', en: 'Spider silk strength' })?.language).toBe(TextLanguage.EN);
  });

  it('ignores highlights of other attributes', () => {
    expect(pick('強度', { summaryEn: `${START}strength${END}` })?.fragments).toEqual([
      { text: 'クモ糸の強度', matched: false },
    ]);
  });

  it('is null when there is no text at all', () => {
    expect(pick('spider', {}, { ja: null, en: null })).toBeNull();
    expect(pick('spider', {}, { ja: '', en: '' })).toBeNull();
  });
});
