import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '#libs/core';

/** One concept in both languages; every term of an entry is a synonym of every other. */
export interface GlossaryEntry {
  ja: string[];
  en: string[];
}

export interface Glossary {
  entries: GlossaryEntry[];
}

export class GlossaryFormatError extends Error {}

/** Checks the file's shape: every entry names the concept in both languages, no blank terms. */
export function parseGlossary(json: unknown): Glossary {
  const entries = (json as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) throw new GlossaryFormatError('glossary: "entries" must be a list');
  return {
    entries: entries.map((entry, index) => {
      const { ja, en } = (entry ?? {}) as { ja?: unknown; en?: unknown };
      const terms = (value: unknown, language: string): string[] => {
        if (
          !Array.isArray(value) ||
          value.length === 0 ||
          !value.every((term) => typeof term === 'string' && term.trim())
        ) {
          throw new GlossaryFormatError(
            `glossary entry ${index}: "${language}" must be a non-empty list of terms`,
          );
        }
        return value.map((term: string) => term.trim());
      };
      return { ja: terms(ja, 'ja'), en: terms(en, 'en') };
    }),
  };
}

let cached: Glossary | undefined;

/** data/glossary/glossary.json, read once. */
export function projectGlossary(): Glossary {
  cached ??= parseGlossary(
    JSON.parse(readFileSync(join(projectRoot(), 'data/glossary/glossary.json'), 'utf8')),
  );
  return cached;
}

/**
 * term → its synonyms, as Meilisearch's `synonyms` setting wants them: NFKC
 * and lower case (Meilisearch folds those), kana kept as written, since it
 * does not fold katakana into hiragana.
 */
export function synonymMap(glossary: Glossary): Record<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const entry of glossary.entries) {
    const terms = [
      ...new Set([...entry.ja, ...entry.en].map((term) => term.normalize('NFKC').toLowerCase())),
    ];
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      map.set(term, others);
    }
  }
  return Object.fromEntries(
    [...map].filter(([, others]) => others.size > 0).map(([term, others]) => [term, [...others].sort()]),
  );
}
