import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';
const SEARCH = '{ searchSeeds(query: "metabolome") { totalHits } }';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    RATE_LIMIT_SIGN_IN: '3',
    RATE_LIMIT_SEARCH: '4',
    RATE_LIMIT_WINDOW_SECONDS: '60',
  });
});
afterAll(async () => {
  await app?.close();
});

function post(query: string, variables?: Record<string, unknown>) {
  return request(app.url).post('/graphql').set('content-type', 'application/json').send({ query, variables });
}

describe('per-client rate limits', () => {
  it('answers RATE_LIMITED with Retry-After once a client spent its sign-in budget', async () => {
    const variables = { i: { email: 'nobody@limit.test', password: 'not-the-password-at-all' } };
    for (let i = 0; i < 3; i++) {
      const allowed = await post(SIGN_IN, variables);
      expect(allowed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const refused = await post(SIGN_IN, variables);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE_LIMITED' });
    expect(refused.body.errors[0].message).toMatch(/sign-in/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('limits searchSeeds per call, aliases included, independently of sign-in', async () => {
    const first = await post(
      `{ a: searchSeeds { totalHits } b: searchSeeds { totalHits } c: searchSeeds { totalHits } }`,
    );
    expect(first.body.errors).toBeUndefined();
    expect((await post(SEARCH)).body.errors).toBeUndefined();
    const refused = await post(SEARCH);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
