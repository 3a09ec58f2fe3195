/** graphql-js's last error once a request's variables gave 50 coercion errors; it carries no code. */
const TOO_MANY_VARIABLE_ERRORS =
  /^Too many errors processing variables, error limit reached\. Execution aborted\.$/;

export const isTooManyVariableErrors = (message: string) => TOO_MANY_VARIABLE_ERRORS.test(message);

/**
 * Apollo marks each variable coercion error BAD_USER_INPUT but takes graphql-js's closing
 * "too many errors" one for an internal error (it has no code), which then reached clients
 * with no code at all: it is the client's input too, so it gets the same code as the others.
 */
export function withVariableErrorCode(
  message: string,
  extensions: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  return isTooManyVariableErrors(message) ? { ...extensions, code: 'BAD_USER_INPUT' } : extensions;
}
