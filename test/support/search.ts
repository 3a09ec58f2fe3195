import request from 'supertest';
import type { TestApp } from './test-app.js';

export interface SearchHealth {
  status: 'up' | 'down';
  engine: string;
  indexes?: Record<string, { documents: number }>;
  lastAppliedChange?: number | null;
  outbox: { pending: number; oldestPendingSeconds: number | null };
}

export async function searchHealth(app: TestApp): Promise<SearchHealth> {
  const response = await request(app.url).get('/health');
  return response.body.checks.search as SearchHealth;
}

/** Waits until the relay has applied every pending change (the index caught up with the database). */
export async function waitForIndex(app: TestApp, timeoutMs = 20_000): Promise<SearchHealth> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await searchHealth(app);
    if (health.status === 'up' && health.outbox.pending === 0) return health;
    if (Date.now() > deadline) throw new Error(`search index did not catch up: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const SEARCH_SEEDS = `query ($query: String!, $filter: SeedSearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  searchSeeds(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    totalHits processingTimeMs
    pageInfo { hasNextPage endCursor }
    facets { attribute values { value count label { ja en } } }
    hits { seed { id externalId status title { ja en } } title { language text fragments { text matched } } summary { language text fragments { text matched } } }
  }
}`;

export const SEARCH_NEEDS = `query ($query: String!, $filter: NeedSearchFilter, $first: Int) {
  searchNeeds(query: $query, filter: $filter, first: $first) {
    totalHits
    facets { attribute values { value count } }
    hits { need { id title { ja en } } title { language text } }
  }
}`;

export interface SeedSearchView {
  totalHits: number;
  processingTimeMs: number | null;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: {
    attribute: string;
    values: { value: string; count: number; label: { ja: string | null; en: string | null } | null }[];
  }[];
  hits: {
    seed: {
      id: string;
      externalId: string | null;
      status: string;
      title: { ja: string | null; en: string | null };
    };
    title: { language: 'JA' | 'EN'; text: string; fragments: { text: string; matched: boolean }[] } | null;
    summary: { language: 'JA' | 'EN'; text: string; fragments: { text: string; matched: boolean }[] } | null;
  }[];
}

export interface NeedSearchView {
  totalHits: number;
  facets: { attribute: string; values: { value: string; count: number }[] }[];
  hits: {
    need: { id: string; title: { ja: string | null; en: string | null } };
    title: { language: string; text: string } | null;
  }[];
}
