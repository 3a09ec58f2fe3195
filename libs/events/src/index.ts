export { EventsModule, EVENTS_ENTITIES } from './events.module.js';
export { EventsError, EventsErrorCode } from './events.errors.js';
export { Event } from './event/event.entity.js';
export { EventKind } from './event/event-kind.js';
export { EventStatus, canMoveEvent, nextEventStatuses } from './event/event-status.js';
export { EventService } from './event/event.service.js';
export { EventQueryService } from './event/event-query.service.js';
export { EventSession } from './agenda/event-session.entity.js';
export { Presentation } from './agenda/presentation.entity.js';
export { Award } from './award/award.entity.js';
export { Registration } from './registration/registration.entity.js';
export { RegistrationStatus } from './registration/registration-status.js';
export { overlaps, within, findClash, type Slot, type Span } from './agenda/slot-rules.js';
export { schedulePartnering } from './partnering/scheduler/schedule.js';
export { scheduleViolations } from './partnering/scheduler/check-schedule.js';
// a seeded synthetic event, for the scheduler's property tests and `npm run bench:schedule`
export { syntheticEvent } from './partnering/scheduler/synthetic-event.js';
export type * from './partnering/scheduler/schedule.types.js';
