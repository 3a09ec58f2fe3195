import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminEnv, createStaff, signInAdmin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// An API started as in production: what strangers may learn of its insides.
let app: TestApp;
let adminToken: string;
beforeAll(async () => {
  app = await startTestApp({ NODE_ENV: 'production', ...adminEnv() });
  adminToken = await signInAdmin(app);
});
afterAll(async () => {
  await app?.close();
});

async function health(token?: string) {
  const response = await fetch(`${app.url}/health`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/health in production', () => {
  it('tells everyone up or down and nothing else', async () => {
    const answer = await health();
    expect(answer).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('tells no more to a coordinator or a forged token', async () => {
    const coordinator = await createStaff(app, adminToken, 'COORDINATOR');
    expect((await health(coordinator.accessToken)).body).toEqual({ status: 'ok' });
    expect((await health('forged.token.here')).body).toEqual({ status: 'ok' });
  });

  it('shows the details to an admin', async () => {
    const { status, body } = await health(adminToken);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'up', server: expect.stringMatching(/PostgreSQL/), pendingMigrations: false },
        search: { status: 'up', engine: 'embedded', indexes: expect.any(Object), outbox: expect.any(Object) },
      },
    });
    expect(body.checks).toHaveProperty('search.lastAppliedChange');
  });
});

describe('GraphQL in production', () => {
  it('refuses introspection', async () => {
    const schema = await app.gql('{ __schema { queryType { name } types { name } } }');
    expect(schema.data ?? null).toBeNull();
    expect(schema.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(schema)).not.toContain('SignUpInput');
    const type = await app.gql('{ __type(name: "Query") { fields { name } } }');
    expect(type.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(type)).not.toContain('searchSeeds');
  });

  it('gives no "Did you mean" hints, in queries or in variables', async () => {
    const field = await app.gql('{ searchSeed(query: "x") { totalHits } }');
    expect(field.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(field.errors?.[0].message).toBe('Cannot query field "searchSeed" on type "Query".');
    const variable = await app.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { email } }', {
      input: { emial: 'a@example.jp' },
    });
    expect(variable.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(variable)).not.toMatch(/Did you mean/);
    expect(JSON.stringify(variable)).toContain('emial');
  });
});
