import { normalize, type GlossaryIndex } from '#libs/search';

/** What the matcher reads of a need: its text and what the company asked for. */
export interface NeedProfile {
  title: { ja: string | null; en: string | null };
  description: { ja: string | null; en: string | null };
  fields: string[];
  desiredCollaboration: string[];
  trlMin: number | null;
  trlMax: number | null;
  programs: string[];
  prefecture: string | null;
  city: string | null;
}

/** Words that say nothing about the subject in a company's problem statement. */
const STOPWORDS = new Set(
  'about after also because been before being between could does from have into looking more most need needs other over partner some such than that their them then there these they this those through want wants what when where which while with would your ours company products product business research researchers find help'.split(
    ' ',
  ),
);
const JAPANESE_CONTENT = /^[\p{Script=Han}\p{Script=Katakana}ー]{2,10}$/u;
const LATIN_WORD = /[a-z][a-z0-9-]{3,}/g;

interface TermCount {
  term: string;
  weight: number;
}

/**
 * The need's key terms, most telling first: glossary terms (domain words with
 * an equivalent in the other language) before other content words, words of
 * the title before those of the description, repeated ones before single.
 */
export function keyTerms(profile: NeedProfile, glossary: GlossaryIndex, max = 8): string[] {
  const counts = new Map<string, TermCount>();
  const add = (term: string, weight: number) => {
    const entry = counts.get(term) ?? { term, weight: 0 };
    entry.weight += weight;
    counts.set(term, entry);
  };
  const texts: [string | null, number][] = [
    [profile.title.ja, 2],
    [profile.title.en, 2],
    [profile.description.ja, 1],
    [profile.description.en, 1],
  ];
  for (const [raw, weight] of texts) {
    if (!raw) continue;
    const text = normalize(raw);
    for (let at = 0; at < text.length;) {
      const term = glossary.termAt(text, at);
      if (term) {
        add(term, 3 * weight);
        at += term.length;
      } else at++;
    }
    for (const word of text.match(LATIN_WORD) ?? []) if (!STOPWORDS.has(word)) add(word, weight);
    for (const chunk of raw.normalize('NFKC').split(/[\p{Script=Hiragana}\s\p{P}\p{S}]+/u)) {
      if (JAPANESE_CONTENT.test(chunk)) add(normalize(chunk), weight);
    }
  }
  const ranked = [...counts.values()].sort((a, b) => b.weight - a.weight || b.term.length - a.term.length);
  // a term inside a longer chosen one (発酵 in 発酵食品) adds nothing
  const chosen: string[] = [];
  for (const { term } of ranked) {
    if (chosen.length >= max) break;
    if (!chosen.some((other) => other.includes(term) || term.includes(other))) chosen.push(term);
  }
  return chosen;
}

/**
 * Short queries for the search engine: one per key term (the engine expands
 * each through the glossary into both languages), then the title. Meilisearch
 * reads only a query's first 10 words, so a whole description is never sent.
 * The trailing space ends the last word (no prefix matching).
 */
export function candidateQueries(
  profile: NeedProfile,
  glossary: GlossaryIndex,
): { query: string; terms: string[] }[] {
  const queries = keyTerms(profile, glossary).map((term) => ({ query: `${term} `, terms: [term] }));
  for (const title of [profile.title.ja, profile.title.en]) {
    if (title) queries.push({ query: `${title.split(/\s+/).slice(0, 10).join(' ')} `, terms: [] });
  }
  return queries;
}
