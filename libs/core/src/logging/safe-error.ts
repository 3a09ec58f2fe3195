import { pino } from 'pino';

/** What the log may say about a query's parameters: how many and of which types, never their values. */
export function describeParameters(parameters: readonly unknown[] | undefined) {
  return {
    parameterCount: parameters?.length ?? 0,
    parameterTypes: (parameters ?? []).map(typeName),
  };
}

const typeName = (value: unknown) =>
  value === null ? 'null' : value instanceof Date ? 'date' : Array.isArray(value) ? 'array' : typeof value;

interface DatabaseErrorFields {
  code?: unknown;
  query?: unknown;
  parameters?: unknown;
  driverError?: unknown;
  severity?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
}

/**
 * The `err` serializer of every log line. A database error (TypeORM's QueryFailedError, or
 * PostgreSQL's own) carries the query's parameters and a detail quoting the offending row —
 * password hashes, e-mails: only the query text, the parameter count and types, and the
 * error's code and place are kept. PostgreSQL's data-exception messages (class 22) quote the
 * bad value, so their quotes are blanked.
 */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as Error & DatabaseErrorFields;
  if (!('parameters' in fields || 'driverError' in fields || 'severity' in fields))
    return pino.stdSerializers.err(error);
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const message = code?.startsWith('22') ? error.message.replace(/"[^"]*"/g, '"…"') : error.message;
  return {
    type: error.constructor.name,
    message,
    stack: error.stack?.replace(error.message, message),
    code,
    table: fields.table,
    column: fields.column,
    constraint: fields.constraint,
    query: typeof fields.query === 'string' ? fields.query.slice(0, 500) : undefined,
    ...describeParameters(Array.isArray(fields.parameters) ? fields.parameters : undefined),
  };
}
