import { it } from '@jest/globals';
import { planQuery, phraseOf, GlossaryIndex } from './text/query-plan.js';
import { highlight } from './engine/embedded/highlighter.js';
import { oneEditVariants } from './engine/embedded/fts-query.js';
const g = new GlossaryIndex({ entries: [{ ja: ['クモ糸'], en: ['spider silk'] }, { ja: ['だだちゃ豆'], en: ['dadacha bean'] }, { ja: ['質量分析'], en: ['mass spectrometry', 'MS'] }] });
const show = (q: string, gl?: GlossaryIndex) => console.log(JSON.stringify(q), JSON.stringify(planQuery(q, gl)));
it('probe', () => {
  for (const q of ['酵母の発酵', '酵母の発酵 ', 'spider silk', 'spider silky', 'spider silk ', 'xspider silk', '庄内のだだちゃ豆', 'クモ糸の強度', 'クモの糸', '酵母のゲノム', 'ゲル', 'ゴム', 'ガス', 'a b c d e f g h i j k l', 'ms', 'cms', 'クモ糸MS', 'iPS細胞', '豆', 'りんごの', 'たべる'])
    show(q, g);
  console.log(JSON.stringify(phraseOf('酵母発酵')), JSON.stringify(phraseOf('豆')), JSON.stringify(phraseOf('spider silk')));
  console.log(highlight('ＣＥ－ＭＳで測定', ['ce']), highlight('ＣＥ－ＭＳで測定', ['ms']));
  console.log(highlight('ヒトiPS細胞', ['ips']), highlight('ゲノムDNAの解析', ['dna']), highlight('ｶﾞｽ分析', ['がす']));
  console.log(highlight('ﬁsh', ['f']));
  console.log(oneEditVariants('abcde').length);
});
