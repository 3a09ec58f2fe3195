import { describe, expect, it } from '@jest/globals';
import { GlossaryIndex, phraseOf, planQuery, type QueryGroup } from './query-plan.js';

const glossary = new GlossaryIndex({
  entries: [
    { ja: ['クモ糸'], en: ['spider silk'] },
    { ja: ['だだちゃ豆'], en: ['dadacha bean'] },
    { ja: ['質量分析'], en: ['mass spectrometry', 'MS'] },
  ],
});

/** Each group's phrase surfaces, in order. */
const surfaces = (groups: QueryGroup[]) =>
  groups.map((group) => group.phrases.map((phrase) => phrase.surface));
const prefixes = (groups: QueryGroup[]) =>
  groups.map((group) => group.phrases.map((phrase) => phrase.prefix));

describe('planQuery', () => {
  describe('units', () => {
    it('makes one group per Latin word, normalised', () => {
      const groups = planQuery('Spider ＳＩＬＫ strength ');
      expect(surfaces(groups)).toEqual([['spider'], ['silk'], ['strength']]);
      expect(groups.map((group) => group.phrases[0].tokens)).toEqual([['spider'], ['silk'], ['strength']]);
    });

    it('splits a Japanese run at particles, so each side may match on its own', () => {
      expect(surfaces(planQuery('酵母の発酵'))).toEqual([['酵母'], ['発酵']]);
      expect(surfaces(planQuery('細胞における遺伝子発現'))).toEqual([['細胞'], ['遺伝子発現']]);
      expect(surfaces(planQuery('酵母を発酵'))).toEqual([['酵母'], ['発酵']]);
    });

    it('turns a Japanese chunk into its bigrams in order', () => {
      const [group] = planQuery('遺伝子発現 ');
      expect(group.phrases).toEqual([
        { tokens: ['遺伝', '伝子', '子発', '発現'], prefix: false, surface: '遺伝子発現' },
      ]);
    });

    it('folds katakana to hiragana in the phrase', () => {
      expect(planQuery('メタボローム ')[0].phrases[0].surface).toBe('めたぼろーむ');
    });

    it('separates a Latin word from the Japanese run glued to it', () => {
      expect(surfaces(planQuery('DNA解析'))).toEqual([['dna'], ['解析']]);
      expect(surfaces(planQuery('解析DNA'))).toEqual([['解析'], ['dna']]);
    });

    it('drops hiragana-only scraps of one or two characters, keeps longer hiragana words', () => {
      expect(surfaces(planQuery('酵母 の 発酵'))).toEqual([['酵母'], ['発酵']]);
      expect(planQuery('ね')).toEqual([]);
      expect(planQuery('です ')).toEqual([]);
      expect(surfaces(planQuery('りんご'))).toEqual([['りんご']]);
    });

    it('ignores punctuation and symbols between words', () => {
      expect(surfaces(planQuery('silk, "strength" / 強度！'))).toEqual([['silk'], ['strength'], ['強度']]);
      expect(planQuery('  ... !! ')).toEqual([]);
    });

    it('keeps at most 10 groups, the first ones', () => {
      const groups = planQuery('a b c d e f g h i j k l ');
      expect(groups).toHaveLength(10);
      expect(surfaces(groups).flat()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    });
  });

  describe('search as you type', () => {
    it('makes only the last unit a prefix while typing', () => {
      expect(prefixes(planQuery('spider sil'))).toEqual([[false], [true]]);
      expect(prefixes(planQuery('酵母の発'))).toEqual([[false], [true]]);
    });

    it('makes nothing a prefix once the query ends with a space or punctuation', () => {
      for (const query of ['spider silk ', 'spider silk.', '酵母の発酵。', '酵母の発酵　', 'silk?']) {
        expect(prefixes(planQuery(query)).flat()).not.toContain(true);
      }
    });
  });

  describe('typo candidates', () => {
    it('are the Latin words, normalised', () => {
      expect(planQuery('Spider SILK').map((group) => group.typoCandidate)).toEqual(['spider', 'silk']);
    });

    it('are never Japanese chunks or glossary terms', () => {
      const groups = planQuery('酵母 spider silk 発酵', glossary);
      expect(surfaces(groups)).toEqual([['酵母'], ['くも糸', 'spider silk'], ['発酵']]);
      expect(groups.map((group) => group.typoCandidate)).toEqual([undefined, undefined, undefined]);
    });
  });

  describe('glossary terms', () => {
    it('become one group holding every synonym as a phrase', () => {
      const groups = planQuery('クモ糸 ', glossary);
      expect(groups).toEqual([
        {
          phrases: [
            { tokens: ['くも', 'も糸'], prefix: false, surface: 'くも糸' },
            { tokens: ['spider', 'silk'], prefix: false, surface: 'spider silk' },
          ],
        },
      ]);
    });

    it('are found from either language, Latin ones case-insensitively', () => {
      expect(surfaces(planQuery('Spider Silk ', glossary))).toEqual([['くも糸', 'spider silk']]);
      expect(surfaces(planQuery('mass spectrometry ', glossary))).toEqual([
        ['質量分析', 'mass spectrometry', 'ms'],
      ]);
    });

    it('make only the typed synonym a prefix when last', () => {
      const [group] = planQuery('クモ糸', glossary);
      expect(group.phrases.map((phrase) => [phrase.surface, phrase.prefix])).toEqual([
        ['くも糸', true],
        ['spider silk', false],
      ]);
    });

    it('keep the words around them as their own groups', () => {
      expect(surfaces(planQuery('strong spider silk fibres ', glossary))).toEqual([
        ['strong'],
        ['くも糸', 'spider silk'],
        ['fibres'],
      ]);
    });

    it('match Latin terms on word boundaries only, never inside a longer word', () => {
      expect(surfaces(planQuery('spider silky ', glossary))).toEqual([['spider'], ['silky']]);
      expect(surfaces(planQuery('tarantulaspider silk ', glossary))).toEqual([['tarantulaspider'], ['silk']]);
      expect(surfaces(planQuery('cms ', glossary))).toEqual([['cms']]);
      expect(surfaces(planQuery('msn ', glossary))).toEqual([['msn']]);
    });

    it('treat Japanese text as a boundary for Latin terms', () => {
      expect(surfaces(planQuery('クモ糸MS ', glossary))).toEqual([
        ['くも糸', 'spider silk'],
        ['質量分析', 'mass spectrometry', 'ms'],
      ]);
    });

    it('are found inside a longer Japanese run', () => {
      const groups = planQuery('庄内のだだちゃ豆 ', glossary);
      expect(groups).toHaveLength(2);
      expect(groups[0].phrases[0].tokens[0]).toBe('庄内');
      expect(surfaces(groups)[1]).toEqual(['だだちゃ豆', 'dadacha bean']);
      expect(groups[1].phrases[0].tokens).toEqual(['だだ', 'だち', 'ちゃ', 'ゃ豆']);
    });

    it('are not applied without a glossary', () => {
      expect(surfaces(planQuery('spider silk '))).toEqual([['spider'], ['silk']]);
    });
  });
});

describe('phraseOf', () => {
  it('keeps Latin words in order', () => {
    expect(phraseOf('spider silk')).toEqual({
      tokens: ['spider', 'silk'],
      prefix: false,
      surface: 'spider silk',
    });
  });

  it('turns a Japanese run into its bigrams in order', () => {
    expect(phraseOf('酵母発酵')?.tokens).toEqual(['酵母', '母発', '発酵']);
    expect(phraseOf('酵母')?.tokens).toEqual(['酵母']);
  });

  it('mixes words and bigrams in text order', () => {
    expect(phraseOf('ips 細胞培養')?.tokens).toEqual(['ips', '細胞', '胞培', '培養']);
  });

  it('makes a single Japanese character a prefix (it is indexed only inside bigrams)', () => {
    expect(phraseOf('豆')).toEqual({ tokens: ['豆'], prefix: true, surface: '豆' });
    expect(phraseOf('酵母')?.prefix).toBe(false);
    expect(phraseOf('a')?.prefix).toBe(false);
  });

  it('passes the prefix flag through', () => {
    expect(phraseOf('spider silk', true)?.prefix).toBe(true);
    expect(phraseOf('酵母発酵', true)?.prefix).toBe(true);
  });

  it('is null for text without words', () => {
    expect(phraseOf('')).toBeNull();
    expect(phraseOf(' -- / !')).toBeNull();
  });
});

describe('planQuery, cases found in review', () => {
  it('keeps two-letter katakana words (ゴム, ガス) instead of dropping them as particles', () => {
    expect(surfaces(planQuery('ゴム'))).toEqual([['ごむ']]);
    expect(surfaces(planQuery('ガス '))).toEqual([['がす']]);
  });

  it('splits at a particle beside katakana (酵母のゲノム)', () => {
    expect(surfaces(planQuery('酵母のゲノム'))).toEqual([['酵母'], ['げのむ']]);
  });

  it('drops a particle left beside a glossary term', () => {
    expect(surfaces(planQuery('庄内のだだちゃ豆 ', glossary))[0]).toEqual(['庄内']);
    expect(surfaces(planQuery('クモ糸の強度', glossary))[1]).toEqual(['強度']);
  });

  it('splits Latin letters from the Japanese that follows (PCR法, K値)', () => {
    expect(phraseOf('pcr法')?.tokens).toEqual(['pcr', '法']);
    expect(phraseOf('k値')).toMatchObject({ tokens: ['k', '値'], prefix: true });
  });

  it('makes the last typed unit a prefix only when it is the last of the query, not of the first ten', () => {
    const groups = planQuery('a b c d e f g h i j k l');
    expect(groups).toHaveLength(10);
    expect(groups[9].phrases[0].prefix).toBe(false);
  });
});
