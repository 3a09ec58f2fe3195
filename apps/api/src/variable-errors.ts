/** graphql-js's last error once a request's variables gave 50 coercion errors; it carries no code. */
const TOO_MANY_VARIABLE_ERRORS =
  /^Too many errors processing variables, error limit reached\. Execution aborted\.$/;

/**
 * Apollo marks each variable coercion error BAD_USER_INPUT but not graphql-js's closing
 * "too many errors" one, which would reach clients without any code: it gets the same code.
 */
export function withVariableErrorCode(
  message: string,
  extensions: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (extensions?.code || !TOO_MANY_VARIABLE_ERRORS.test(message)) return extensions;
  return { ...extensions, code: 'BAD_USER_INPUT' };
}
