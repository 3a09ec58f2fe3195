import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { projectRoot } from '#libs/core';
import { buildApiSchemaSdl, operationPermissions } from '#libs/platform';

describe('the API surface', () => {
  it('matches the committed schema.gql (run `npm run schema` and review the diff)', async () => {
    const committed = readFileSync(join(projectRoot(), 'schema.gql'), 'utf8');
    expect(await buildApiSchemaSdl()).toBe(committed);
  });

  it('declares who may call every operation', () => {
    const undeclared = operationPermissions().filter((row) => row.allow === 'UNDECLARED');
    expect(undeclared).toEqual([]);
  });

  it('lists a permission for every root field of the schema', async () => {
    const document = parse(await buildApiSchemaSdl());
    const rootFields = document.definitions.flatMap((definition) =>
      definition.kind === 'ObjectTypeDefinition' &&
      (definition.name.value === 'Query' || definition.name.value === 'Mutation')
        ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
        : [],
    );
    expect(
      operationPermissions()
        .map((row) => row.operation)
        .sort(),
    ).toEqual(rootFields.sort());
  });

  it('keeps each operation’s declared audience under review (a change here is a reviewed diff)', () => {
    const table = operationPermissions().map(
      (row) => `${row.operation}: ${Array.isArray(row.allow) ? row.allow.join(', ') : row.allow}`,
    );
    expect(table).toMatchSnapshot();
  });
});
