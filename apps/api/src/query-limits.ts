import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';

export interface QueryLimits {
  maxAliases: number;
  maxDepth: number;
  maxCost: number;
}

/** What one call of a field costs before its selection; everything else costs 1. */
const FIELD_COST: Record<string, number> = {
  searchSeeds: 20,
  searchNeeds: 20,
  candidatesForCompany: 50,
  candidatesForNeed: 50,
  candidatesForSeed: 50,
  exportCatalog: 200,
};

/** A field's own cost plus its selection's, times the page size it asks for (`first`). */
export function fieldCost({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const pageSize = typeof args.first === 'number' ? Math.max(1, args.first) : 1;
  return (FIELD_COST[field.name] ?? 1) + pageSize * childComplexity;
}

function tooComplex(limit: string, value: number, max: number): GraphQLError {
  return new GraphQLError(`Query refused: ${limit} is ${value}, the limit is ${max}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, value, max, http: { status: 400 } },
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** Aliased fields across the whole document. */
export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.alias) aliases += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions)
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION)
      visit(definition.selectionSet);
  return aliases;
}

/** Deepest field nesting of an operation, through fragments. */
export function operationDepth(operation: OperationDefinitionNode, document: DocumentNode): number {
  const fragments = fragmentsOf(document);
  const depth = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, 1 + depth(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(selection.selectionSet, seen));
      } else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        deepest = Math.max(deepest, depth(fragment?.selectionSet, new Set([...seen, selection.name.value])));
      }
    }
    return deepest;
  };
  return depth(operation.selectionSet, new Set());
}

function check(context: GraphQLRequestContextDidResolveOperation<object>, limits: QueryLimits): void {
  const { document, operation, schema, request } = context;
  if (!operation) return; // Apollo refuses a request without a matching operation itself
  const aliases = countAliases(document);
  if (aliases > limits.maxAliases) throw tooComplex('GRAPHQL_MAX_ALIASES', aliases, limits.maxAliases);
  const depth = operationDepth(operation, document);
  if (depth > limits.maxDepth) throw tooComplex('GRAPHQL_MAX_DEPTH', depth, limits.maxDepth);
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: request.operationName ?? undefined,
      variables: request.variables ?? {},
      estimators: [fieldCost],
    });
  } catch {
    return; // bad variables: execution reports them, and nothing runs
  }
  if (cost > limits.maxCost) throw tooComplex('GRAPHQL_MAX_COST', cost, limits.maxCost);
}

/** graphql-js's "Document contains more that N tokens" parse error (its spelling), named after its setting. */
export function withTokenLimit(
  message: string,
  extensions: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const over = /Document contains more th(?:an|at) (\d+) tokens/.exec(message);
  return over ? { ...extensions, limit: 'GRAPHQL_MAX_TOKENS', max: Number(over[1]) } : extensions;
}

/** Refuses an operation over the alias, depth or cost limit before any resolver runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<object> {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async (context) => check(context, limits),
    }),
  };
}
