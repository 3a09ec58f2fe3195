import { describe, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '#libs/core';
import { synonymMap } from '../../glossary/glossary.js';
import { CONTRACT_GLOSSARY, searchEngineContract } from '../search-engine.contract.js';
import { MeilisearchEngine } from './meilisearch-engine.js';

const { MEILISEARCH_URL, MEILISEARCH_API_KEY } = loadConfig();

if (MEILISEARCH_URL) {
  // a fresh prefix per run, so runs never see each other's documents
  searchEngineContract(
    `meilisearch at ${MEILISEARCH_URL}`,
    async () =>
      new MeilisearchEngine({
        url: MEILISEARCH_URL,
        apiKey: MEILISEARCH_API_KEY,
        indexPrefix: `contract_${randomBytes(4).toString('hex')}_`,
        synonyms: synonymMap(CONTRACT_GLOSSARY),
      }),
  );
} else {
  process.stdout.write(
    '\n[search contract] Meilisearch SKIPPED: MEILISEARCH_URL is not set; only the embedded engine ran the contract\n',
  );
  describe('SearchEngine contract: meilisearch', () => {
    it.skip('needs a Meilisearch server: set MEILISEARCH_URL', () => undefined);
  });
}
