import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import type { GraphQLResponse } from '../support/test-app.js';
import type { Outcome } from './authorization-matrix.js';

export type Variables = Record<string, unknown>;

const required = (arg: GraphQLArgument | GraphQLInputField) =>
  isNonNullType(arg.type) && arg.defaultValue === undefined;

const SCALAR_SAMPLES: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'x',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  DateTime: () => new Date().toISOString(),
};

/** A minimal value of an argument's type: required fields only, a list of one, the first enum value. */
export function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter(required)
        .map((field) => [field.name, sample(field.type)]),
    );
  const make = SCALAR_SAMPLES[type.name];
  if (!make) throw new Error(`no sample value for the scalar ${type.name}`);
  return make();
}

/** The operation's required arguments, each a minimal value of its type. */
export const generatedArgs = (field: GraphQLField<unknown, unknown>): Variables =>
  Object.fromEntries(field.args.filter(required).map((arg) => [arg.name, sample(arg.type)]));

/** The request text for one root field, passing `variables` and asking only for __typename. */
export function operationText(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  variables: Variables,
): string {
  const args = field.args.filter((arg) => arg.name in variables);
  const definitions = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${definitions ? ` (${definitions})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

const AUTH_OUTCOMES: Record<string, Outcome> = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'hidden',
};

/** What a response says about access; any other error is spelled out, so it never passes for an outcome. */
export function outcomeOf(response: GraphQLResponse<unknown>): string {
  const errors = response.errors ?? [];
  if (errors.length === 0) return response.data ? 'allow' : `no data (HTTP ${response.status})`;
  const codes = [...new Set(errors.map((error) => error.extensions.code))];
  if (codes.length === 1 && AUTH_OUTCOMES[codes[0]]) return AUTH_OUTCOMES[codes[0]];
  return errors.map((error) => `${error.extensions.code} ${error.message}`).join('; ');
}
