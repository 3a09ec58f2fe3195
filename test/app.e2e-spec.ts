import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { projectRoot } from '#libs/core';
import { printApiSchema } from '#libs/platform';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('the running API', () => {
  it('serves the schema committed in schema.gql', () => {
    const served = printApiSchema(app.api.app.get(GraphQLSchemaHost).schema);
    expect(`${served}\n`).toBe(readFileSync(join(projectRoot(), 'schema.gql'), 'utf8'));
  });

  it('reports database health with the migrations applied', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: { database: { status: string; pendingMigrations: boolean } };
    };
    expect(body.status).toBe('ok');
    expect(body.checks.database).toMatchObject({ status: 'up', pendingMigrations: false });
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('keeps a sane caller request id and makes one otherwise', async () => {
    const kept = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-123');
    const replaced = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers malformed requests with client errors, never a 500 or a stack trace', async () => {
    const brokenJson = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(brokenJson.status).toBe(400);
    expect(await brokenJson.text()).not.toMatch(/at \w+ \(/);

    const syntax = await app.gql('{ organizations { ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const unknownField = await app.gql('{ nonsense }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(unknownField)).not.toContain('stacktrace');

    const wrongVariableType = await app.gql('query($id: ID!) { organization(id: $id) { id } }', {
      id: { nested: true },
    });
    expect(wrongVariableType.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
