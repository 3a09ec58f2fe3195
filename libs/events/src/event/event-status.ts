import { registerEnumType } from '@nestjs/graphql';

export enum EventStatus {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  CLOSED = 'closed',
  ARCHIVED = 'archived',
}
registerEnumType(EventStatus, {
  name: 'EventStatus',
  description:
    'DRAFT → PUBLISHED → CLOSED → ARCHIVED; a published event goes back to DRAFT only while never closed.',
});

/**
 * The moves an event may make. Unpublishing (PUBLISHED → DRAFT) is allowed so a
 * coordinator can withdraw an announcement made by mistake; once CLOSED an event
 * happened and only archiving remains; ARCHIVED is final.
 */
const MOVES: Record<EventStatus, EventStatus[]> = {
  [EventStatus.DRAFT]: [EventStatus.PUBLISHED, EventStatus.ARCHIVED],
  [EventStatus.PUBLISHED]: [EventStatus.DRAFT, EventStatus.CLOSED, EventStatus.ARCHIVED],
  [EventStatus.CLOSED]: [EventStatus.ARCHIVED],
  [EventStatus.ARCHIVED]: [],
};

export function nextEventStatuses(from: EventStatus): EventStatus[] {
  return MOVES[from];
}

export function canMoveEvent(from: EventStatus, to: EventStatus): boolean {
  return MOVES[from].includes(to);
}

/** Statuses everyone may read; a DRAFT exists only for staff. */
export const PUBLIC_EVENT_STATUSES = [EventStatus.PUBLISHED, EventStatus.CLOSED, EventStatus.ARCHIVED];
