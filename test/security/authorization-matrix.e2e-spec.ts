import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { projectRoot } from '#libs/core';
import { adminEnv, signIn } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { AUTHORIZATION_MATRIX, ROLES, type Role, type Row } from './authorization-matrix.js';
import { CASES } from './matrix-cases.js';
import { generatedArgs, operationText, outcomeOf } from './matrix-requests.js';
import { buildWorld, lookAlikeOf, type World } from './matrix-world.js';

const schema = buildSchema(readFileSync(join(projectRoot(), 'schema.gql'), 'utf8'));
const roots = { query: schema.getQueryType()!, mutation: schema.getMutationType()! };
const operations = Object.entries(roots).flatMap(([kind, type]: [string, GraphQLObjectType]) => {
  const table: Record<string, Row> = AUTHORIZATION_MATRIX[type.name as 'Query' | 'Mutation'];
  return Object.values(type.getFields()).map((field) => ({
    name: `${type.name}.${field.name}`,
    kind: kind as 'query' | 'mutation',
    field,
    row: Object.hasOwn(table, field.name) ? table[field.name] : undefined,
  }));
});
const rows = Object.entries(AUTHORIZATION_MATRIX).flatMap(([type, table]) =>
  Object.keys(table).map((field) => `${type}.${field}`),
);

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp({
    ...adminEnv(),
    AUTO_PROPOSALS: 'false',
    // thousands of calls from one address in a minute: the limits are not what this file tests
    RATE_LIMIT_SEARCH: '100000',
    RATE_LIMIT_CANDIDATES: '100000',
    RATE_LIMIT_SIGN_IN: '100000',
    RATE_LIMIT_SIGN_UP: '100000',
    RATE_LIMIT_ACCOUNT_EMAIL: '100000',
    RATE_LIMIT_IMPORT: '100000',
  });
  world = await buildWorld(app);
});
afterAll(async () => {
  await app?.close();
});

describe('the authorization matrix', () => {
  it('has a row for every operation of schema.gql, and none for an operation that is gone', () => {
    const inSchema = operations.map((operation) => operation.name);
    const missing = operations.filter((operation) => !operation.row).map((operation) => operation.name);
    const gone = rows.filter((name) => !inSchema.includes(name));
    expect({ 'operations without a row': missing, 'rows without an operation': gone }).toEqual({
      'operations without a row': [],
      'rows without an operation': [],
    });
    const unknownCases = Object.keys(CASES).filter((name) => !inSchema.includes(name));
    expect(unknownCases).toEqual([]);
  });

  describe.each(operations.filter((operation) => operation.row))('$name', ({ name, kind, field, row }) => {
    it('gives each caller the outcome of its row', async () => {
      const cases = CASES[name] ?? {};
      let target: Record<string, unknown> | undefined;
      const actual: Partial<Record<Role, string>> = {};
      for (const role of ROLES) {
        target ??= (await cases.fresh?.(world)) ?? {};
        const putBack = await cases.aroundCaller?.(world, role);
        const caller = cases.throwawayCaller ? await lookAlikeOf(world, role) : world.callers[role];
        const variables = { ...generatedArgs(field), ...(await cases.args?.(world, target, role, caller)) };
        const response = await app.gql(
          operationText(kind, field, variables),
          variables,
          cases.throwawayCaller ? caller?.accessToken : await tokenOf(role, cases.ownSession),
        );
        await putBack?.();
        actual[role] = outcomeOf(response);
        if (cases.endsOtherSessions) await reopenStandingSession(role);
        if (actual[role] === 'allow') target = undefined; // it may be used up: the next caller gets a new one
      }
      const expected = Object.fromEntries(ROLES.map((role, index) => [role, row![index]]));
      expect(actual).toEqual(expected);
    });
  });
});

/** A new standing session for the caller, after a call that may have ended the old one. */
async function reopenStandingSession(role: Role) {
  const caller = world.callers[role];
  if (caller) caller.accessToken = (await signIn(app, caller.email, caller.password)).accessToken;
}

/** The caller's token: its standing session, or a new one when the call may end it. */
async function tokenOf(role: Role, ownSession = false): Promise<string | undefined> {
  const caller = world.callers[role];
  if (!caller) return undefined;
  return ownSession ? (await signIn(app, caller.email, caller.password)).accessToken : caller.accessToken;
}
