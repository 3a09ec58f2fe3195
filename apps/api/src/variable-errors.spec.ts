import { describe, expect, it } from '@jest/globals';
import { withVariableErrorCode } from './variable-errors.js';

const TOO_MANY = 'Too many errors processing variables, error limit reached. Execution aborted.';

describe('withVariableErrorCode', () => {
  it("gives graphql-js's closing too-many-variable-errors error the code of the others", () => {
    expect(withVariableErrorCode(TOO_MANY, undefined)).toEqual({ code: 'BAD_USER_INPUT' });
    expect(withVariableErrorCode(TOO_MANY, { code: 'INTERNAL_SERVER_ERROR' })).toEqual({
      code: 'BAD_USER_INPUT',
    });
  });

  it('leaves every other error as it is', () => {
    expect(withVariableErrorCode('Internal server error', undefined)).toBeUndefined();
    const coded = { code: 'FORBIDDEN' };
    expect(withVariableErrorCode('Forbidden', coded)).toBe(coded);
  });
});
