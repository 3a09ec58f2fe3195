import { canMoveEvent, EventStatus, nextEventStatuses } from './event-status.js';

const { DRAFT, PUBLISHED, CLOSED, ARCHIVED } = EventStatus;

describe('event status', () => {
  it('moves forward draft → published → closed → archived', () => {
    expect(canMoveEvent(DRAFT, PUBLISHED)).toBe(true);
    expect(canMoveEvent(PUBLISHED, CLOSED)).toBe(true);
    expect(canMoveEvent(CLOSED, ARCHIVED)).toBe(true);
  });

  it('lets a published event be withdrawn to draft, but not a closed one', () => {
    expect(canMoveEvent(PUBLISHED, DRAFT)).toBe(true);
    expect(canMoveEvent(CLOSED, DRAFT)).toBe(false);
    expect(canMoveEvent(CLOSED, PUBLISHED)).toBe(false);
  });

  it('skips nothing that did not happen: a draft cannot close', () => {
    expect(canMoveEvent(DRAFT, CLOSED)).toBe(false);
  });

  it('ends at archived, and no status moves to itself', () => {
    expect(nextEventStatuses(ARCHIVED)).toEqual([]);
    for (const status of Object.values(EventStatus)) expect(canMoveEvent(status, status)).toBe(false);
  });
});
