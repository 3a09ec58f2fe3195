import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search-engine.js';
import { normalize } from '../../text/analyze.js';

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });
/** Marks that combine with the character before them (half-width ﾞ ﾟ, combining accents): such text goes by grapheme. */
const COMBINING = /[\p{M}\uFF9E\uFF9F]/u;
const folded = new Map<string, string>();

/** normalize() of one character, remembered: highlighting folds every character of every hit. */
function fold(character: string): string {
  let out = folded.get(character);
  if (out === undefined) {
    out = normalize(character);
    if (folded.size < 50_000) folded.set(character, out);
  }
  return out;
}

/**
 * Normalised text with, for every normalised character, the original offset
 * it came from. By grapheme where marks combine, so half-width ｶﾞ folds to が
 * as in the index; by code point otherwise (much faster).
 */
function normalizeWithOffsets(text: string): { normalized: string; origin: number[] } {
  let normalized = '';
  const origin: number[] = [];
  const pieces = COMBINING.test(text)
    ? [...graphemes.segment(text)].map(({ segment, index }) => [segment, index] as const)
    : null;
  if (pieces) {
    for (const [segment, index] of pieces) {
      const out = normalize(segment);
      for (let i = 0; i < out.length; i++) origin.push(index);
      normalized += out;
    }
  } else {
    let index = 0;
    for (const character of text) {
      const out = fold(character);
      for (let i = 0; i < out.length; i++) origin.push(index);
      normalized += out;
      index += character.length;
    }
  }
  origin.push(text.length);
  return { normalized, origin };
}

/** Letters and digits of Latin-like scripts: a Latin needle may start right after a kanji (ヒトiPS). */
const WORD_CHAR = /(?![\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])[\p{L}\p{N}]/u;
const LATIN_START = /^[a-z0-9]/;

/**
 * Marks where the needles (normalised surfaces: words, Japanese runs) occur.
 * Latin needles match at word starts (a prefix highlights what was typed).
 * Returns null when nothing matched.
 */
export function highlight(text: string, needles: string[], cropAround?: number): string | null {
  const { normalized, origin } = normalizeWithOffsets(text);
  const spans: [number, number][] = [];
  for (const needle of new Set(needles)) {
    if (!needle) continue;
    for (let at = normalized.indexOf(needle); at >= 0; at = normalized.indexOf(needle, at + 1)) {
      if (LATIN_START.test(needle) && at > 0 && WORD_CHAR.test(normalized[at - 1])) continue;
      spans.push([origin[at], origin[at + needle.length]]);
    }
  }
  if (spans.length === 0) return null;
  const merged = mergeSpans(spans);
  const [from, to] = cropAround ? cropWindow(text, merged[0][0], cropAround) : [0, text.length];
  let out = from > 0 ? '…' : '';
  let cursor = from;
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    out += text.slice(cursor, s) + HIGHLIGHT_START + text.slice(s, e) + HIGHLIGHT_END;
    cursor = e;
  }
  return out + text.slice(cursor, to) + (to < text.length ? '…' : '');
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const sorted = spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** A window of about `length` characters that starts a little before the first match. */
function cropWindow(text: string, firstMatch: number, length: number): [number, number] {
  if (text.length <= length) return [0, text.length];
  const from = Math.max(0, Math.min(firstMatch - Math.floor(length / 4), text.length - length));
  return [from, Math.min(text.length, from + length)];
}
