import { describe, expect, it } from '@jest/globals';
import { CoreError, CoreErrorCode, ErrorKind } from './domain-error.js';
import { graphqlCode, toGraphQLError } from './graphql-errors.js';

describe('toGraphQLError', () => {
  it('maps every error kind to a GraphQL code', () => {
    expect(Object.values(ErrorKind).map(graphqlCode)).toEqual([
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'SERVICE_UNAVAILABLE',
      'RATE_LIMITED',
    ]);
  });

  it('carries the domain code, bilingual message and field paths', () => {
    const error = toGraphQLError(
      CoreError.invalidInput([{ path: 'input.email', messages: ['must be an email'] }]),
    );
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: CoreErrorCode.InvalidInput,
      fields: [{ path: 'input.email', messages: ['must be an email'] }],
    });
    expect(error.extensions.localizedMessage).toEqual({ ja: expect.any(String), en: expect.any(String) });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR without a stack', () => {
    const error = toGraphQLError(new TypeError('secret detail'));
    expect(error.message).toBe('Internal server error');
    expect(JSON.stringify(error.toJSON())).not.toContain('secret detail');
  });
});
