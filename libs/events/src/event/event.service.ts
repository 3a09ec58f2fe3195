import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { bilingual, patchRecord, VersionedWriter, type SignedInViewer } from '#libs/core';
import { Program } from '#libs/catalog';
import { Organization } from '#libs/directory';
import { EventSession } from '../agenda/event-session.entity.js';
import { within } from '../agenda/slot-rules.js';
import { EventsError } from '../events.errors.js';
import { RegistrationService } from '../registration/registration.service.js';
import type { CreateEventInput } from './dto/create-event.input.js';
import type { MoveEventInput } from './dto/move-event.input.js';
import type { UpdateEventInput } from './dto/update-event.input.js';
import { canMoveEvent, EventStatus } from './event-status.js';
import { Event } from './event.entity.js';
import { isTimeZone } from './time-zone.js';

export const eventWriter = new VersionedWriter<Event>({
  entity: Event,
  auditType: 'event',
  snapshot: (event) => ({
    kind: event.kind,
    title: { ...event.title },
    description: { ...event.description },
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venueName: { ...event.venueName },
    venueAddress: event.venueAddress,
    capacity: event.capacity,
    organizerIds: [...event.organizerIds],
    programIds: [...event.programIds],
    status: event.status,
  }),
  notFound: (id) => EventsError.eventNotFound(id, 'input.id'),
});

const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

/** Events: created and edited by coordinators and admins, every change versioned and audited. */
@Injectable()
export class EventService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registrations: RegistrationService,
  ) {}

  create(input: CreateEventInput, actor: SignedInViewer): Promise<Event> {
    return this.dataSource.transaction(async (manager) => {
      const event = manager.create(Event, {
        kind: input.kind,
        title: bilingual(input.title),
        description: bilingual(input.description ?? {}),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone,
        venueName: bilingual(input.venue.name),
        venueAddress: input.venue.address?.trim() || null,
        capacity: input.capacity ?? null,
        organizerIds: unique(input.organizerIds),
        programIds: unique(input.programIds),
        status: EventStatus.DRAFT,
        createdByUserId: actor.userId,
      });
      await this.check(manager, event);
      return eventWriter.create(manager, event, actor.userId);
    });
  }

  update(input: UpdateEventInput, actor: SignedInViewer): Promise<Event> {
    return this.dataSource.transaction(async (manager) => {
      const event = await eventWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: 'updated',
        authorize: (event) => assertEditable(event),
        edit: async (event) => {
          patchRecord(event, input, {
            transforms: { title: bilingual, description: bilingual },
            clearable: ['capacity'],
            skip: ['venue', 'organizerIds', 'programIds'],
          });
          if (input.venue) {
            event.venueName = bilingual(input.venue.name);
            event.venueAddress = input.venue.address?.trim() || null;
          }
          if (input.organizerIds) event.organizerIds = unique(input.organizerIds);
          if (input.programIds) event.programIds = unique(input.programIds);
          await this.check(manager, event);
          await this.assertSessionsInside(manager, event);
        },
      });
      // a larger capacity gives the new places to the waiting list (the writer locked the row)
      if (event.status === EventStatus.PUBLISHED) await this.registrations.fillFreePlaces(manager, event);
      return event;
    });
  }

  move(input: MoveEventInput, actor: SignedInViewer): Promise<Event> {
    return this.dataSource.transaction((manager) =>
      eventWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: `moved to ${input.to}`,
        authorize: (event) => {
          if (!canMoveEvent(event.status, input.to))
            throw EventsError.illegalTransition(event.status, input.to);
        },
        edit: (event) => {
          event.status = input.to;
        },
      }),
    );
  }

  /** The event, locked for an agenda change; refused when archived. */
  async lockForAgenda(manager: EntityManager, eventId: string, path = 'input.eventId'): Promise<Event> {
    const event = await manager.findOne(Event, {
      where: { id: eventId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!event) throw EventsError.eventNotFound(eventId, path);
    assertEditable(event, path);
    return event;
  }

  private async check(manager: EntityManager, event: Event) {
    if (!isTimeZone(event.timeZone)) throw EventsError.invalidTimeZone(event.timeZone);
    if (event.endsAt.getTime() <= event.startsAt.getTime()) throw EventsError.endsBeforeStart();
    await assertAllExist(manager, Organization, event.organizerIds, 'input.organizerIds', 'organization');
    await assertAllExist(manager, Program, event.programIds, 'input.programIds', 'program');
  }

  /** Moving an event must not leave its agenda outside it. */
  private async assertSessionsInside(manager: EntityManager, event: Event) {
    const sessions = await manager.findBy(EventSession, { eventId: event.id });
    if (sessions.some((session) => !within(session, event))) throw EventsError.outsideEvent('input.startsAt');
  }
}

function assertEditable(event: Event, path = 'input.id') {
  if (event.status === EventStatus.ARCHIVED) throw EventsError.eventArchived(path);
}

/** Refuses ids naming no row of the entity. */
export async function assertAllExist(
  manager: EntityManager,
  entity: typeof Organization | typeof Program | (new () => { id: string }),
  ids: string[],
  path: string,
  what: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await manager.findBy(entity, { id: In(ids) })).map((row: { id: string }) => row.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) throw EventsError.unknownReference(path, what, unknown);
}
