import { describe, expect, it } from '@jest/globals';
import type { DynamicModule } from '@nestjs/common';
import { parseConfig } from '#libs/core';
import { MatchingJobsModule, RematchingModule } from '#libs/matching';
import { SearchIndexingModule } from '#libs/search';
import { apiImports, workerImports, type ModuleList } from './processes.js';

const config = (env: Record<string, string> = {}) => parseConfig({ NODE_ENV: 'test', ...env });
const has = (modules: ModuleList, module: unknown) =>
  modules.some((entry) => entry === module || (entry as DynamicModule).module === module);
const url = 'postgres://localhost/kyoso';

describe('the process module lists', () => {
  it('index search and re-match in the api with the embedded engine, not in the worker', () => {
    const embedded = config();
    for (const module of [SearchIndexingModule, RematchingModule]) {
      expect(has(apiImports(embedded, url), module)).toBe(true);
      expect(has(workerImports(embedded, url), module)).toBe(false);
    }
  });

  it('index search and re-match in the worker with Meilisearch, not in the api', () => {
    const meilisearch = config({ MEILISEARCH_URL: 'http://127.0.0.1:7700' });
    for (const module of [SearchIndexingModule, RematchingModule]) {
      expect(has(apiImports(meilisearch, url), module)).toBe(false);
      expect(has(workerImports(meilisearch, url), module)).toBe(true);
    }
  });

  it('follow SEARCH_RELAY when it names the process', () => {
    const overridden = config({ SEARCH_RELAY: 'worker' });
    expect(has(apiImports(overridden, url), SearchIndexingModule)).toBe(false);
    expect(has(workerImports(overridden, url), SearchIndexingModule)).toBe(true);
  });

  it('send overdue notices and e-mail from both the api and the worker', () => {
    for (const env of [{}, { MEILISEARCH_URL: 'http://127.0.0.1:7700' }] as Record<string, string>[]) {
      expect(has(apiImports(config(env), url), MatchingJobsModule)).toBe(true);
      expect(has(workerImports(config(env), url), MatchingJobsModule)).toBe(true);
    }
  });
});
