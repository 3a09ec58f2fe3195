import { isUUID } from 'class-validator';
import { CoreError } from '#libs/core';

interface Placed {
  id: string;
  startsAt: Date;
}

/** Events list soonest first, so their cursor is (startsAt, id), not the creation order of `paginate`. */
export const encodeEventCursor = (event: Placed): string =>
  Buffer.from(JSON.stringify([event.startsAt.toISOString(), event.id])).toString('base64url');

export function decodeEventCursor(cursor: string): [string, string] {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof startsAt === 'string' && isIsoInstant(startsAt) && isUUID(id)) return [startsAt, id as string];
  } catch {
    // the typed error below
  }
  throw CoreError.invalidInput([
    { path: 'after', messages: ['after must be an endCursor returned by this list'] },
  ]);
}

const isIsoInstant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) &&
  !value.startsWith('0000') &&
  new Date(Date.parse(value)).toISOString() === value;
