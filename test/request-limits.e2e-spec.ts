import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import request from 'supertest';
import {
  adminEnv,
  createOrganization,
  createStaff,
  dataOf,
  signInAdmin,
  signUpAs,
  type Account,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let coordinator: Account;

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  coordinator = await createStaff(app, await signInAdmin(app));
});

afterAll(async () => {
  await app?.close();
});

const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;

const timed = async <T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

describe('query limits', () => {
  it('refuses 1,000 aliases of searchSeeds quickly, naming the limit, before any resolver', async () => {
    const { result, ms } = await timed(() =>
      app.gql(aliases(1000, 'searchSeeds(first: 50) { totalHits hits { id } }')),
    );
    expect(ms).toBeLessThan(2000);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions.code).toMatch(/GRAPHQL_PARSE_FAILED|QUERY_TOO_COMPLEX/);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      limit: 'GRAPHQL_MAX_TOKENS',
    });
    expect(result.errors?.[0].message).toContain('5000 tokens');
    expect(result.errors?.[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES even in a short document', async () => {
    const result = await app.gql(aliases(40, '__typename'));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'GRAPHQL_MAX_ALIASES',
    });
  });

  it('refuses deep nesting with GRAPHQL_MAX_DEPTH', async () => {
    const ofTypes = (levels: number) => `${'ofType { '.repeat(levels)}name${' }'.repeat(levels)}`;
    const result = await app.gql(`{ __schema { types { fields { type { ${ofTypes(20)} } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'GRAPHQL_MAX_DEPTH',
    });
    expect(result.errors?.[0].message).toContain('GRAPHQL_MAX_DEPTH');
    expect(
      (await app.gql(`{ __schema { types { fields { type { ${ofTypes(8)} } } } } }`)).errors,
    ).toBeUndefined();
  });

  it('refuses a costly operation with GRAPHQL_MAX_COST', async () => {
    const result = await app.gql(
      aliases(25, 'searchSeeds(first: 50) { hits { seed { id researchers { id } } } }'),
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'GRAPHQL_MAX_COST',
    });
  });

  it('still answers a normal query', async () => {
    const result = dataOf(
      await app.gql<{ searchSeeds: { totalHits: number } }>('{ searchSeeds { totalHits } }'),
    );
    expect(result.searchSeeds.totalHits).toBeGreaterThanOrEqual(0);
  });
});

describe('body limits', () => {
  it('refuses a 1 MB JSON body with 413 naming REQUEST_BODY_LIMIT_KB', async () => {
    const { result: response, ms } = await timed(async () =>
      request(app.url)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: '{ __typename }', variables: { padding: 'x'.repeat(1024 * 1024) } }),
    );
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.errors[0].message).toContain('REQUEST_BODY_LIMIT_KB');
    expect(ms).toBeLessThan(5000);
  });

  /** Sends the headers of a 500 MB multipart upload and only 64 KB of it: the answer must not wait for the rest. */
  const hugeUpload = (token?: string) =>
    new Promise<{ status: number; body: { errors: { extensions: { code: string } }[] } }>((done, fail) => {
      const url = new URL('/graphql', app.url);
      const call = httpRequest(url, {
        method: 'POST',
        headers: {
          'content-type': 'multipart/form-data; boundary=kyoso',
          'content-length': String(500 * 1024 * 1024),
          'apollo-require-preflight': 'true',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      call.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => {
          call.destroy();
          done({ status: response.statusCode ?? 0, body: JSON.parse(text) });
        });
      });
      call.on('error', fail);
      call.write(
        `--kyoso\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${'x'.repeat(64 * 1024)}`,
      );
    });

  it('answers an anonymous multipart import before reading its body', async () => {
    const { result, ms } = await timed(() => hugeUpload());
    expect(result.status).toBe(401);
    expect(result.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(ms).toBeLessThan(3000);
    expect(dataOf(await app.gql<{ __typename: string }>('{ __typename }')).__typename).toBe('Query');
  });

  it('answers a multipart import with a forged token or a non-coordinator with 401/403, unread', async () => {
    expect((await hugeUpload('not-a-token')).status).toBe(401);
    const university = await createOrganization(app, await signInAdmin(app));
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const refused = await hugeUpload(researcher.accessToken);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("still takes a coordinator's small multipart import", async () => {
    const UPLOAD = `mutation ($input: ImportCatalogInput!, $file: Upload) {
      importCatalog(input: $input, file: $file) { created rejected written }
    }`;
    const ndjson = JSON.stringify({
      kind: 'organization',
      externalId: 'limits-1',
      name: { ja: '上限' },
      type: 'startup',
    });
    const response = await request(app.url)
      .post('/graphql')
      .set('authorization', `Bearer ${coordinator.accessToken}`)
      .set('apollo-require-preflight', 'true')
      .field('operations', JSON.stringify({ query: UPLOAD, variables: { input: {}, file: null } }))
      .field('map', JSON.stringify({ 0: ['variables.file'] }))
      .attach('0', Buffer.from(ndjson), { filename: 'catalog.ndjson', contentType: 'application/x-ndjson' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.importCatalog).toMatchObject({ created: 1, rejected: 0, written: true });
  });

  it("still takes a coordinator's JSON import above the ordinary limit", async () => {
    const ndjson = JSON.stringify({
      kind: 'organization',
      externalId: 'limits-2',
      name: { ja: '上限' },
      type: 'startup',
    });
    const padded = `${ndjson}\n${'\n'.repeat(400 * 1024)}`;
    const response = await app.gql<{ importCatalog: { created: number } }>(
      `mutation ($input: ImportCatalogInput!) { importCatalog(input: $input) { created } }`,
      { input: { ndjson: padded } },
      coordinator.accessToken,
    );
    expect(response.status).toBe(200);
    expect(response.errors?.[0]?.extensions.code).not.toBe('PAYLOAD_TOO_LARGE');
  });
});
