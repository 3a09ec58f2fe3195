import { describe, expect, it } from '@jest/globals';
import { normalize } from '../text/analyze.js';
import { GlossaryFormatError, parseGlossary, projectGlossary, synonymMap } from './glossary.js';

/** The GlossaryFormatError `parseGlossary` throws for a document (fails the test when it does not throw). */
function formatError(json: unknown): GlossaryFormatError {
  try {
    parseGlossary(json);
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryFormatError);
    return error as GlossaryFormatError;
  }
  throw new Error('the glossary was accepted');
}

const valid = { ja: ['クモ糸'], en: ['spider silk'] };

describe('parseGlossary', () => {
  it('accepts entries naming a concept in both languages, terms trimmed', () => {
    expect(parseGlossary({ entries: [{ ja: [' クモ糸 ', 'クモの糸'], en: ['spider silk\n'] }] })).toEqual({
      entries: [{ ja: ['クモ糸', 'クモの糸'], en: ['spider silk'] }],
    });
  });

  it('rejects a document without a list of entries', () => {
    for (const json of [null, undefined, {}, { entries: 'x' }, { entries: { 0: valid } }, []]) {
      expect(formatError(json).message).toMatch(/"entries" must be a list/);
    }
  });

  it('rejects a missing or empty language list, naming the entry', () => {
    expect(formatError({ entries: [valid, { ja: ['クモ糸'] }] }).message).toMatch(/entry 1: "en"/);
    expect(formatError({ entries: [valid, valid, { ja: [], en: ['x'] }] }).message).toMatch(/entry 2: "ja"/);
    expect(formatError({ entries: [{ ja: 'クモ糸', en: ['spider silk'] }] }).message).toMatch(
      /entry 0: "ja"/,
    );
    expect(formatError({ entries: [valid, null] }).message).toMatch(/entry 1: "ja"/);
  });

  it('rejects blank and non-string terms, naming the entry', () => {
    expect(formatError({ entries: [valid, { ja: ['クモ糸', '  '], en: ['spider silk'] }] }).message).toMatch(
      /entry 1: "ja"/,
    );
    expect(formatError({ entries: [{ ja: ['クモ糸'], en: [''] }] }).message).toMatch(/entry 0: "en"/);
    expect(formatError({ entries: [{ ja: ['クモ糸'], en: [42] }] }).message).toMatch(/entry 0: "en"/);
  });
});

describe('synonymMap', () => {
  it('maps every term to all the other terms of its entry, sorted', () => {
    const map = synonymMap({ entries: [{ ja: ['クモ糸', 'クモの糸'], en: ['spider silk'] }] });
    expect(map).toEqual({
      クモ糸: ['spider silk', 'クモの糸'],
      クモの糸: ['spider silk', 'クモ糸'],
      'spider silk': ['クモの糸', 'クモ糸'],
    });
  });

  it('applies NFKC and lower case, but keeps katakana as written', () => {
    const map = synonymMap({ entries: [{ ja: ['ﾒﾀﾎﾞﾛｰﾑ'], en: ['Metabolome', 'ＣＥ－ＭＳ'] }] });
    expect(Object.keys(map).sort()).toEqual(['ce-ms', 'metabolome', 'メタボローム']);
    expect(map['metabolome']).toEqual(['ce-ms', 'メタボローム']);
    expect(map).not.toHaveProperty('めたぼろーむ');
  });

  it('joins the synonyms of a term that appears in two entries', () => {
    const map = synonymMap({
      entries: [
        { ja: ['発酵'], en: ['fermentation'] },
        { ja: ['醗酵'], en: ['Fermentation'] },
      ],
    });
    expect(map['fermentation']).toEqual(['発酵', '醗酵']);
    expect(map['発酵']).toEqual(['fermentation']);
  });

  it('leaves out terms whose entry has no other term after normalising', () => {
    expect(synonymMap({ entries: [{ ja: ['DNA'], en: ['dna'] }] })).toEqual({});
  });
});

describe('the project glossary', () => {
  const glossary = projectGlossary();

  it('has at least 150 entries, each in both languages', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(150);
    for (const entry of glossary.entries) {
      expect(entry.ja.length).toBeGreaterThan(0);
      expect(entry.en.length).toBeGreaterThan(0);
    }
  });

  it('names each normalised term in one entry only', () => {
    const owner = new Map<string, number>();
    const clashes: string[] = [];
    glossary.entries.forEach((entry, index) => {
      for (const term of new Set([...entry.ja, ...entry.en].map(normalize))) {
        const first = owner.get(term);
        if (first !== undefined) clashes.push(`${term}: entries ${first} and ${index}`);
        else owner.set(term, index);
      }
    });
    expect(clashes).toEqual([]);
  });

  it('is read once', () => {
    expect(projectGlossary()).toBe(glossary);
  });
});
