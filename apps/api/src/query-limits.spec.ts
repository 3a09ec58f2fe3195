import { describe, expect, it } from '@jest/globals';
import { getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { countAliases, operationDepth, withTokenLimit } from './query-limits.js';

const firstOperation = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  return { document, operation: operation! };
};

describe('query limits', () => {
  it('counts aliases in operations and fragments', () => {
    expect(countAliases(parse('{ a: me { b: id } ...F } fragment F on Query { c: __typename }'))).toBe(3);
  });

  it('measures depth through fragments and inline fragments', () => {
    const { document, operation } = firstOperation(
      '{ a { b { ...F } } } fragment F on B { c { ... on C { d { e } } } }',
    );
    expect(operationDepth(operation, document)).toBe(5);
  });

  it('lets the standard introspection query through the default depth of 15', () => {
    const { document, operation } = firstOperation(getIntrospectionQuery());
    expect(operationDepth(operation, document)).toBeLessThanOrEqual(15);
  });

  it('names GRAPHQL_MAX_TOKENS on the parser’s token error only', () => {
    const message = 'Syntax Error: Document contains more that 5000 tokens. Parsing aborted.';
    expect(withTokenLimit(message, { code: 'GRAPHQL_PARSE_FAILED' })).toEqual({
      code: 'GRAPHQL_PARSE_FAILED',
      limit: 'GRAPHQL_MAX_TOKENS',
      max: 5000,
    });
    expect(withTokenLimit('Syntax Error: Unexpected "}".', { code: 'X' })).toEqual({ code: 'X' });
  });
});
