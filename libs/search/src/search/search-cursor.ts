import { SearchError } from '../search.errors.js';

/** How deep a result list may be paged: beyond this, a person should narrow the search. */
export const MAX_SEARCH_DEPTH = 1000;

export const encodeCursor = (offset: number) => Buffer.from(`search:${offset}`).toString('base64url');

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const match = /^search:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw SearchError.invalidCursor();
  const offset = Number(match[1]);
  if (offset >= MAX_SEARCH_DEPTH) throw SearchError.pageTooDeep(MAX_SEARCH_DEPTH);
  return offset;
}
