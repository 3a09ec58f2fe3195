/**
 * Text analysis shared by indexing and querying, so both sides agree:
 * NFKC, lower case, katakana folded to hiragana, then Latin words, and
 * character bigrams for Japanese runs. Queries match a Japanese run as the
 * phrase of its bigrams, that is, as a substring: Intl.Segmenter splits words
 * it does not know (だだちゃ豆 → だ|だ|ちゃ|豆) where no query would line up,
 * and its words, stored between the bigrams, would break the adjacency that
 * phrases across scripts (PCR法, ヒトiPS細胞) rely on. The segmenter serves
 * query planning instead (see query-plan.ts).
 */

const JAPANESE_RUN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆ヶ]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** NFKC, lower case, and katakana as hiragana (メタボローム and めたぼろーむ are one word). */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30A1-\u30F6]/g, (katakana) => String.fromCharCode(katakana.charCodeAt(0) - 0x60));
}

function bigrams(run: string): string[] {
  const characters = [...run];
  if (characters.length === 1) return characters;
  const out: string[] = [];
  for (let i = 0; i < characters.length - 1; i++) out.push(characters[i] + characters[i + 1]);
  return out;
}

/** The tokens of a text, in order, duplicates kept (term frequency matters to ranking). */
export function tokens(text: string): string[] {
  const normalized = normalize(text);
  const out: string[] = [];
  let last = 0;
  for (const match of normalized.matchAll(JAPANESE_RUN)) {
    out.push(...(normalized.slice(last, match.index).match(WORD) ?? []));
    const run = match[0];
    out.push(...bigrams(run));
    last = match.index + run.length;
  }
  out.push(...(normalized.slice(last).match(WORD) ?? []));
  return out;
}

/** A text as the space-separated tokens an FTS5 column stores. */
export const analyze = (text: string): string => tokens(text).join(' ');

/** The distinct tokens a query must match, in first-seen order. */
export const queryTokens = (query: string): string[] => [...new Set(tokens(query))];
