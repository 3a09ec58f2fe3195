import { describe, expect, it } from '@jest/globals';
import { withVariableErrorCode } from './variable-errors.js';

describe('withVariableErrorCode', () => {
  it("gives graphql-js's closing too-many-variable-errors error the code of the others", () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    expect(withVariableErrorCode(message, undefined)).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('leaves every other error as it is', () => {
    expect(withVariableErrorCode('Internal server error', undefined)).toBeUndefined();
    const coded = { code: 'FORBIDDEN' };
    expect(
      withVariableErrorCode(
        'Too many errors processing variables, error limit reached. Execution aborted.',
        coded,
      ),
    ).toBe(coded);
  });
});
