import type { Phrase, QueryGroup } from '../../text/query-plan.js';

/** One FTS5 string token: always double-quoted, quotes doubled, so query text is never FTS syntax. */
const quoted = (token: string) => `"${token.replaceAll('"', '""')}"`;

function phraseExpression(phrase: Phrase): string {
  const body = quoted(phrase.tokens.join(' '));
  return phrase.prefix ? `${body} *` : body;
}

/** An FTS5 MATCH expression: groups AND-ed, a group's phrases OR-ed. */
export function ftsExpression(groups: QueryGroup[]): string {
  return groups
    .map((group) => {
      const phrases = group.phrases.map(phraseExpression);
      return phrases.length === 1 ? phrases[0] : `(${phrases.join(' OR ')})`;
    })
    .join(' AND ');
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Every string one edit (delete, transpose, substitute, insert) away from `word`. */
export function oneEditVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of ALPHABET) {
      if (tail) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** Words this short get no typo tolerance (as Meilisearch's default: one typo from 5 letters). */
export const MIN_WORD_FOR_TYPO = 5;
