import { HIGHLIGHT_END, HIGHLIGHT_START } from '../engine/search-engine.js';
import { HighlightedText, TextLanguage, type TextFragment } from './search.model.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** Splits engine-marked text into fragments. */
export function fragmentsOf(marked: string): TextFragment[] {
  const fragments: TextFragment[] = [];
  let matched = false;
  for (const piece of marked.split(new RegExp(`([${HIGHLIGHT_START}${HIGHLIGHT_END}])`, 'u'))) {
    if (piece === HIGHLIGHT_START) matched = true;
    else if (piece === HIGHLIGHT_END) matched = false;
    else if (piece) fragments.push({ text: piece, matched });
  }
  return fragments;
}

/**
 * The text in the language that matched: the highlighted one; if both or
 * neither matched, the query's own script decides, then whatever exists.
 */
export function pickHighlight(
  query: string,
  highlights: Record<string, string>,
  attributes: { ja: string; en: string },
  plain: { ja: string | null; en: string | null },
): HighlightedText | null {
  const preferred = JAPANESE.test(query) ? TextLanguage.JA : query.trim() ? TextLanguage.EN : TextLanguage.JA;
  const order =
    preferred === TextLanguage.JA ? [TextLanguage.JA, TextLanguage.EN] : [TextLanguage.EN, TextLanguage.JA];
  const language = order.find((lang) => highlights[attributes[lang]]) ?? order.find((lang) => plain[lang]);
  if (!language) return null;
  const marked = highlights[attributes[language]] ?? plain[language] ?? '';
  const fragments = fragmentsOf(marked);
  return Object.assign(new HighlightedText(), {
    language,
    fragments,
    text: fragments.map((fragment) => fragment.text).join(''),
  });
}
