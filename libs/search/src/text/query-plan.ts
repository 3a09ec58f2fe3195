import type { Glossary } from '../glossary/glossary.js';
import { normalize } from './analyze.js';

/**
 * A query as the engine runs it: every group must match; a group matches when
 * one of its phrases does. Phrases are token sequences as `analyze` produced
 * them, so Japanese runs become their bigrams in order (a substring match).
 */
export interface Phrase {
  tokens: string[];
  /** The last token may be the start of a longer one (search-as-you-type). */
  prefix: boolean;
  /** The normalised text this phrase stands for, for highlighting. */
  surface: string;
}

export interface QueryGroup {
  phrases: Phrase[];
  /** A single Latin word the engine may widen with one-typo variants. */
  typoCandidate?: string;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー々〆ヶ]/u;
const JAPANESE_CLASS = '\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}ー々〆ヶ';
/** A Japanese run, or a run of other letters and digits (PCR法 is `pcr` then `法`). */
const PIECE = new RegExp(`[${JAPANESE_CLASS}]+|(?:(?![${JAPANESE_CLASS}])[\\p{L}\\p{N}])+`, 'gu');
const MAX_GROUPS = 10;

/** A normalised text as one phrase: Latin words in order, Japanese runs as bigrams. */
export function phraseOf(surface: string, prefix = false): Phrase | null {
  const tokens: string[] = [];
  for (const piece of surface.match(PIECE) ?? []) {
    if (!JAPANESE.test(piece)) tokens.push(piece);
    else {
      const characters = [...piece];
      if (characters.length === 1) tokens.push(piece);
      else for (let i = 0; i < characters.length - 1; i++) tokens.push(characters[i] + characters[i + 1]);
    }
  }
  if (tokens.length === 0) return null;
  // a lone Japanese character at the end is indexed only inside bigrams: match it as their start
  const last = tokens[tokens.length - 1];
  const lone = JAPANESE.test(last) && [...last].length === 1;
  return { tokens, prefix: prefix || lone, surface };
}

/** Glossary terms by normalised form, longest first, for matching inside a query. */
export class GlossaryIndex {
  private readonly synonyms = new Map<string, string[]>();
  private readonly terms: string[];

  constructor(glossary: Glossary) {
    for (const entry of glossary.entries) {
      const group = [...new Set([...entry.ja, ...entry.en].map(normalize))];
      for (const term of group)
        this.synonyms.set(term, [...new Set([...(this.synonyms.get(term) ?? []), ...group])]);
    }
    this.terms = [...this.synonyms.keys()].sort((a, b) => b.length - a.length);
  }

  /** The longest glossary term starting at `at` in `text`, on word boundaries for Latin terms. */
  termAt(text: string, at: number): string | undefined {
    return this.terms.find((term) => text.startsWith(term, at) && onBoundaries(text, at, term));
  }

  synonymsOf(term: string): string[] {
    return this.synonyms.get(term) ?? [term];
  }
}

const LATIN = /[\p{L}\p{N}]/u;
function onBoundaries(text: string, at: number, term: string): boolean {
  const before = text[at - 1];
  const after = text[at + term.length];
  const latinStart = LATIN.test(term[0]) && !JAPANESE.test(term[0]);
  const latinEnd = LATIN.test(term[term.length - 1]) && !JAPANESE.test(term[term.length - 1]);
  const isWordChar = (c: string | undefined) => c !== undefined && LATIN.test(c) && !JAPANESE.test(c);
  return !(latinStart && isWordChar(before)) && !(latinEnd && isWordChar(after));
}

const LATIN_WORD = new RegExp(`^(?:(?![${JAPANESE_CLASS}])[\\p{L}\\p{N}])+`, 'u');
const PARTICLE =
  'における|について|による|として|ための|および|または|から|まで|より|及び|又は|など|の|を|に|で|と|は|が|や|へ|も';
const CONTENT = '[\\p{Script=Han}\\p{Script=Katakana}ー]';
/** Particles between content words: a Japanese query is split there, so each side may match on its own. */
const PARTICLES = new RegExp(`(?<=${CONTENT})(?:${PARTICLE})(?=${CONTENT})`, 'u');
/** A particle left at the edge of a chunk cut by a glossary term (クモ糸|の強度, 庄内の|だだちゃ豆). */
const LEADING_PARTICLE = new RegExp(`^(?:${PARTICLE})(?=${CONTENT})`, 'u');
const TRAILING_PARTICLE = new RegExp(`(?<=${CONTENT})(?:${PARTICLE})$`, 'u');
const isWordChar = (c: string) => LATIN.test(c);

interface Unit {
  /** Normalised (katakana folded), as phrases and glossary terms are. */
  text: string;
  glossary: boolean;
}

/** Katakana to hiragana only: same length, so offsets agree between the two forms. */
const foldKana = (text: string) =>
  text.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * Splits a query into glossary terms, Latin words and Japanese chunks, in
 * order. `written` is NFKC and lower case with katakana kept, where scripts
 * still tell particles (hiragana) from content words (katakana, kanji);
 * `text` is the same with katakana folded, as the index holds it.
 */
function unitsOf(written: string, glossary?: GlossaryIndex): Unit[] {
  const text = foldKana(written);
  const units: Unit[] = [];
  let at = 0;
  while (at < text.length) {
    const term = glossary?.termAt(text, at);
    if (term) {
      units.push({ text: term, glossary: true });
      at += term.length;
    } else if (JAPANESE.test(text[at])) {
      let end = at + 1;
      while (end < text.length && JAPANESE.test(text[end]) && !glossary?.termAt(text, end)) end++;
      let fragment = written.slice(at, end);
      if (units[units.length - 1]?.glossary) fragment = fragment.replace(LEADING_PARTICLE, '');
      if (end < text.length && glossary?.termAt(text, end))
        fragment = fragment.replace(TRAILING_PARTICLE, '');
      for (const chunk of fragment.split(PARTICLES)) {
        // hiragana-only scraps (particles, okurigana) would only narrow the match
        if (chunk && !/^[\p{Script=Hiragana}ー]{1,2}$/u.test(chunk))
          units.push({ text: foldKana(chunk), glossary: false });
      }
      at = end;
    } else if (isWordChar(text[at])) {
      const word = LATIN_WORD.exec(text.slice(at))?.[0] ?? text[at];
      units.push({ text: word, glossary: false });
      at += word.length;
    } else at++;
  }
  return units;
}

/**
 * Plans a query: glossary terms become a group of their synonyms (ja↔en),
 * the rest one group per word or Japanese chunk. The last unit is a prefix
 * unless the query ends with a space, as people type.
 */
export function planQuery(query: string, glossary?: GlossaryIndex): QueryGroup[] {
  const written = query.normalize('NFKC').toLowerCase();
  const typing = !/[\s\p{P}]$/u.test(query);
  const all = unitsOf(written, glossary);
  const units = all.slice(0, MAX_GROUPS);
  return units.flatMap((unit, index): QueryGroup[] => {
    const prefix = typing && index === all.length - 1;
    if (unit.glossary && glossary) {
      const phrases = glossary
        .synonymsOf(unit.text)
        .map((synonym) => phraseOf(synonym, prefix && synonym === unit.text));
      return [{ phrases: distinct(phrases.filter((phrase): phrase is Phrase => phrase !== null)) }];
    }
    const phrase = phraseOf(unit.text, prefix);
    if (!phrase) return [];
    return [
      JAPANESE.test(unit.text) ? { phrases: [phrase] } : { phrases: [phrase], typoCandidate: unit.text },
    ];
  });
}

/** Synonyms that analyse alike (low cost, low-cost) need matching once. */
function distinct(phrases: Phrase[]): Phrase[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const key = `${phrase.tokens.join(' ')}${phrase.prefix ? '*' : ''}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
