import { join } from 'node:path';
import type { AppConfig } from '#libs/core';
import { EmbeddedEngine } from './embedded/embedded-engine.js';
import { MeilisearchEngine } from './meilisearch/meilisearch-engine.js';
import type { SearchEngine } from './search-engine.js';
import { projectGlossary, synonymMap } from '../glossary/glossary.js';

/** Meilisearch when MEILISEARCH_URL is set; the embedded engine under DATA_DIR/search otherwise. */
export function createSearchEngine(config: AppConfig): SearchEngine {
  if (config.MEILISEARCH_URL) {
    return new MeilisearchEngine({
      url: config.MEILISEARCH_URL,
      apiKey: config.MEILISEARCH_API_KEY,
      indexPrefix: config.SEARCH_INDEX_PREFIX,
      synonyms: synonymMap(projectGlossary()),
    });
  }
  return new EmbeddedEngine({
    file: join(config.DATA_DIR, 'search', 'search.sqlite'),
    glossary: projectGlossary(),
  });
}
