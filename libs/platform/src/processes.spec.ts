import { describe, expect, it } from '@jest/globals';
import type { DynamicModule } from '@nestjs/common';
import { MailSendingModule, parseConfig } from '#libs/core';
import { MatchingJobsModule, RematchingModule } from '#libs/matching';
import { SearchIndexingModule } from '#libs/search';
import { apiModules, workerModules, type ModuleList } from './processes.js';

const config = (env: Record<string, string> = {}) => parseConfig({ NODE_ENV: 'test', ...env });
const has = (modules: ModuleList, module: unknown) =>
  modules.some((entry) => entry === module || (entry as DynamicModule).module === module);

describe('the process module lists', () => {
  it('index search and re-match in the api with the embedded engine, not in the worker', () => {
    const embedded = config();
    for (const module of [SearchIndexingModule, RematchingModule]) {
      expect(has(apiModules(embedded), module)).toBe(true);
      expect(has(workerModules(embedded), module)).toBe(false);
    }
  });

  it('index search and re-match in the worker with Meilisearch, not in the api', () => {
    const meilisearch = config({ MEILISEARCH_URL: 'http://127.0.0.1:7700' });
    for (const module of [SearchIndexingModule, RematchingModule]) {
      expect(has(apiModules(meilisearch), module)).toBe(false);
      expect(has(workerModules(meilisearch), module)).toBe(true);
    }
  });

  it('follow SEARCH_RELAY when it names the process', () => {
    const overridden = config({ SEARCH_RELAY: 'worker' });
    expect(has(apiModules(overridden), SearchIndexingModule)).toBe(false);
    expect(has(workerModules(overridden), SearchIndexingModule)).toBe(true);
  });

  it('send overdue notices and e-mail from both the api and the worker', () => {
    for (const env of [{}, { MEILISEARCH_URL: 'http://127.0.0.1:7700' }] as Record<string, string>[]) {
      for (const module of [MatchingJobsModule, MailSendingModule]) {
        expect(has(apiModules(config(env)), module)).toBe(true);
        expect(has(workerModules(config(env)), module)).toBe(true);
      }
    }
  });
});
