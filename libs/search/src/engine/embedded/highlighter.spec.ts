import { describe, expect, it } from '@jest/globals';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search-engine.js';
import { highlight } from './highlighter.js';

/** The engine's private-use markers as brackets, for readable expectations. */
const shown = (marked: string | null) =>
  marked && marked.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']');
const marked = (text: string, needles: string[], crop?: number) => shown(highlight(text, needles, crop));

describe('highlight', () => {
  it('wraps matches in the engine markers', () => {
    expect(highlight('spider silk', ['silk'])).toBe(`spider ${HIGHLIGHT_START}silk${HIGHLIGHT_END}`);
  });

  it('marks every occurrence of every needle', () => {
    expect(marked('silk and more silk, spider', ['silk', 'spider'])).toBe('[silk] and more [silk], [spider]');
  });

  describe('on the original text, matched after normalisation', () => {
    it('marks upper-case text found by a lower-case needle', () => {
      expect(marked('Spider SILK', ['silk'])).toBe('Spider [SILK]');
    });

    it('marks full-width text found by its half-width needle', () => {
      expect(marked('ＣＥ－ＭＳで測定', ['ce', 'ms'])).toBe('[ＣＥ]－[ＭＳ]で測定');
      expect(marked('ＣＥ－ＭＳで測定', ['ce-ms'])).toBe('[ＣＥ－ＭＳ]で測定');
    });

    it('marks katakana text found by a hiragana needle', () => {
      expect(marked('メタボローム解析', ['めたぼろーむ'])).toBe('[メタボローム]解析');
    });

    it('marks a Japanese run inside a longer one', () => {
      expect(marked('庄内のだだちゃ豆の機能性', ['だだちゃ豆'])).toBe('庄内の[だだちゃ豆]の機能性');
    });

    it('keeps offsets right after characters outside the BMP', () => {
      expect(marked('𠮷野家 silk', ['silk'])).toBe('𠮷野家 [silk]');
      expect(marked('𠮷野家の牛丼', ['牛丼'])).toBe('𠮷野家の[牛丼]');
    });
  });

  describe('Latin needles', () => {
    it('match only at the start of a word', () => {
      expect(marked('xsilk silk', ['silk'])).toBe('xsilk [silk]');
      expect(marked('silkworm', ['silk'])).toBe('[silk]worm');
      expect(marked('nonsilk', ['silk'])).toBeNull();
    });

    it('match after punctuation', () => {
      expect(marked('(silk)', ['silk'])).toBe('([silk])');
    });
  });

  it('merges overlapping and touching spans into one', () => {
    expect(marked('酵母発酵', ['酵母発', '母発酵'])).toBe('[酵母発酵]');
    expect(marked('酵母発酵する', ['酵母', '発酵'])).toBe('[酵母発酵]する');
    expect(marked('spider silk', ['spider', 'spider silk', 'sp'])).toBe('[spider silk]');
  });

  it('is null when nothing matched', () => {
    expect(highlight('spider silk', ['worm'])).toBeNull();
    expect(highlight('spider silk', [])).toBeNull();
    expect(highlight('spider silk', [''])).toBeNull();
  });

  describe('cropping', () => {
    const before = 'x'.repeat(200);
    const after = 'y'.repeat(200);

    it('cuts a long text to about the crop length around the first match, with … where cut', () => {
      const result = marked(`${before} target ${after}`, ['target'], 40)!;
      expect(result.startsWith('…')).toBe(true);
      expect(result.endsWith('…')).toBe(true);
      expect(result).toContain('[target]');
      // 40 characters of text, two markers and two ellipses
      expect(result).toHaveLength(44);
      // the match starts a little into the window, not at its edge
      expect(result.indexOf('[')).toBeGreaterThan(1);
    });

    it('does not cut where the text starts or ends', () => {
      const atStart = marked(`target ${after}`, ['target'], 40)!;
      expect(atStart.startsWith('[target]')).toBe(true);
      expect(atStart.endsWith('…')).toBe(true);

      const atEnd = marked(`${before} target`, ['target'], 40)!;
      expect(atEnd.startsWith('…')).toBe(true);
      expect(atEnd.endsWith('[target]')).toBe(true);
    });

    it('leaves a text shorter than the crop length whole', () => {
      expect(marked('short target', ['target'], 40)).toBe('short [target]');
    });

    it('keeps the window on the first match', () => {
      const result = marked(`${before} first ${after} second`, ['second', 'first'], 40)!;
      expect(result).toContain('[first]');
      expect(result).not.toContain('second');
    });

    it('does not crop without a crop length', () => {
      expect(marked(`${before} target ${after}`, ['target'])).toBe(`${before} [target] ${after}`);
    });
  });
});

describe('highlight, cases found in review', () => {
  const mark = (text: string) => `${HIGHLIGHT_START}${text}${HIGHLIGHT_END}`;

  it('marks a Latin word right after Japanese text', () => {
    expect(highlight('ヒトiPS細胞', ['ips'])).toBe(`ヒト${mark('iPS')}細胞`);
  });

  it('marks half-width katakana with a voicing mark', () => {
    expect(highlight('ｶﾞｽ分析', ['がす'])).toBe(`${mark('ｶﾞｽ')}分析`);
  });
});
