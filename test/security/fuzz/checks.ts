/** What a fuzzed response may never show, and how it is classified in the totals. */

export interface FuzzResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
  } | null;
  text: string;
}

/** 200 for answers, 400 for requests GraphQL refuses whole, 413 for bodies over the limit. */
export const SANE_STATUSES = new Set([200, 400, 413]);

const LEAKS: readonly [string, RegExp][] = [
  ['stack frame', /\bat [\w$.<>]+ \(|\bat (file:\/\/|node:|\/)[^\s"]+:\d+:\d+/],
  ['source path', /(file:\/\/|\/(work|home|root|usr|app|srv|opt)\/)[^\s"]*\.(ts|js|mjs|cjs)\b/],
  ['node_modules path', /node_modules\//],
  ['SQL statement', /\b(SELECT\b[\s\S]{0,200}\bFROM|INSERT INTO|DELETE FROM|UPDATE "?\w+"? SET)\b/],
  [
    'PostgreSQL error',
    /QueryFailedError|invalid input syntax for|violates (not-null|unique|foreign key|check) constraint|duplicate key value|relation "|column "|syntax error at or near|invalid byte sequence|unsupported Unicode escape/,
  ],
  ['error class', /\b(TypeError|RangeError|ReferenceError|SyntaxError|URIError|EntityNotFound)\b/],
];

/** The error codes of a response ("OK" without errors, "HTTP_<status>" for a body that is not GraphQL). */
export function outcomeCodes(response: FuzzResponse): string[] {
  if (!response.body || typeof response.body !== 'object') return [`HTTP_${response.status}`];
  const errors = response.body.errors ?? [];
  if (errors.length === 0) return ['OK'];
  return [...new Set(errors.map((error) => String(error.extensions?.code ?? 'NO_CODE')))];
}

/** Problems with one response: an internal error, a leak, an insane status. Empty when it is fine. */
export function responseProblems(response: FuzzResponse, sentText: string): string[] {
  const problems: string[] = [];
  if (!SANE_STATUSES.has(response.status)) problems.push(`HTTP status ${response.status}`);
  const codes = outcomeCodes(response);
  if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  if (response.status !== 413 && !response.body) problems.push('a body that is not JSON');
  for (const error of response.body?.errors ?? []) {
    const extensions = error.extensions ?? {};
    if (!extensions.code) problems.push(`an error without extensions.code: ${String(error.message)}`);
    if ('stacktrace' in extensions || 'exception' in extensions) problems.push('stacktrace in extensions');
    // An echo of what was sent (GraphQL's coercion messages quote the value) is not a leak.
    const shown = JSON.stringify({ message: error.message, extensions });
    for (const [label, pattern] of LEAKS) {
      const match = pattern.exec(shown);
      if (match && !sentText.includes(match[0])) problems.push(`${label} in an error: ${match[0]}`);
    }
  }
  return problems;
}

/** A refused mutation: errors and no data for its field. */
export function wasRefused(response: FuzzResponse, field: string): boolean {
  const body = response.body;
  if (!body || typeof body !== 'object') return true;
  return (body.errors?.length ?? 0) > 0 && (body.data?.[field] ?? null) === null;
}
