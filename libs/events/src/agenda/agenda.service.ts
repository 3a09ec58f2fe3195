import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  bilingual,
  patchRecord,
  VersionedWriter,
  type RecordVersionInput,
  type SignedInViewer,
} from '#libs/core';
import { ResearchSeed, SeedStatus } from '#libs/catalog';
import { Person } from '#libs/directory';
import { Event } from '../event/event.entity.js';
import { assertAllExist, EventService } from '../event/event.service.js';
import { EventsError } from '../events.errors.js';
import type { AddPresentationInput } from './dto/add-presentation.input.js';
import type { AddSessionInput } from './dto/add-session.input.js';
import type { UpdatePresentationInput } from './dto/update-presentation.input.js';
import type { UpdateSessionInput } from './dto/update-session.input.js';
import { EventSession } from './event-session.entity.js';
import { Presentation } from './presentation.entity.js';
import { findClash, within, type Slot } from './slot-rules.js';

const sessionSnapshot = (session: EventSession) => ({
  eventId: session.eventId,
  title: { ...session.title },
  startsAt: session.startsAt.toISOString(),
  endsAt: session.endsAt.toISOString(),
  room: session.room,
});

const sessionWriter = new VersionedWriter<EventSession>({
  entity: EventSession,
  auditType: 'event-session',
  snapshot: sessionSnapshot,
  notFound: (id) => EventsError.sessionNotFound(id, 'input.id'),
});

const presentationSnapshot = (presentation: Presentation) => ({
  eventId: presentation.eventId,
  sessionId: presentation.sessionId,
  seedId: presentation.seedId,
  title: { ...presentation.title },
  presenterIds: [...presentation.presenterIds],
  startsAt: presentation.startsAt.toISOString(),
  endsAt: presentation.endsAt.toISOString(),
  room: presentation.room,
});

const presentationWriter = new VersionedWriter<Presentation>({
  entity: Presentation,
  auditType: 'presentation',
  snapshot: presentationSnapshot,
  notFound: (id) => EventsError.presentationNotFound(id, 'input.id'),
});

const trimmedOrNull = (value: string | null | undefined) => value?.trim() || null;

/**
 * An event's agenda. Every change locks the event first, so two coordinators
 * placing slots at once cannot both pass the clash check.
 */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventService,
  ) {}

  addSession(input: AddSessionInput, actor: SignedInViewer): Promise<EventSession> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lockForAgenda(manager, input.eventId);
      const session = manager.create(EventSession, {
        eventId: event.id,
        title: bilingual(input.title),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        room: trimmedOrNull(input.room),
      });
      assertSessionInside(session, event);
      return sessionWriter.create(manager, session, actor.userId);
    });
  }

  updateSession(input: UpdateSessionInput, actor: SignedInViewer): Promise<EventSession> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEventOf(
        manager,
        EventSession,
        input.id,
        EventsError.sessionNotFound(input.id, 'input.id'),
      );
      return sessionWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: 'updated',
        edit: async (session) => {
          patchRecord(session, input, {
            transforms: { title: bilingual },
            clearable: ['room'],
            skip: ['room'],
          });
          if (input.room !== undefined) session.room = trimmedOrNull(input.room);
          assertSessionInside(session, event);
          const presentations = await manager.findBy(Presentation, { sessionId: session.id });
          if (presentations.some((presentation) => !within(presentation, session)))
            throw EventsError.outsideSession('input.startsAt');
          // the session's room is its presentations' room unless they name one
          const slots = await this.slotsOf(manager, event.id, session);
          for (const presentation of presentations) {
            const slot = slots.find((candidate) => candidate.id === presentation.id);
            if (slot) throwClash(findClash(slot, slots));
          }
        },
      });
    });
  }

  removeSession(input: RecordVersionInput, actor: SignedInViewer): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockEventOf(
        manager,
        EventSession,
        input.id,
        EventsError.sessionNotFound(input.id, 'input.id'),
      );
      await sessionWriter.remove(manager, { ...input, actorUserId: actor.userId });
      return true;
    });
  }

  addPresentation(input: AddPresentationInput, actor: SignedInViewer): Promise<Presentation> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(EventSession, { id: input.sessionId });
      if (!found) throw EventsError.sessionNotFound(input.sessionId);
      const event = await this.events.lockForAgenda(manager, found.eventId, 'input.sessionId');
      const session = await manager.findOneByOrFail(EventSession, { id: input.sessionId });
      const seed = input.seedId ? await presentableSeed(manager, input.seedId) : null;
      const title = input.title ? bilingual(input.title) : seed ? bilingual(seed.title) : null;
      if (!title) throw EventsError.titleRequired();
      const presentation = manager.create(Presentation, {
        eventId: event.id,
        sessionId: session.id,
        seedId: seed?.id ?? null,
        title,
        presenterIds: [...new Set(input.presenterIds ?? [])],
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        room: trimmedOrNull(input.room),
      });
      await this.checkSlot(manager, presentation, session, event);
      return presentationWriter.create(manager, presentation, actor.userId);
    });
  }

  updatePresentation(input: UpdatePresentationInput, actor: SignedInViewer): Promise<Presentation> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEventOf(
        manager,
        Presentation,
        input.id,
        EventsError.presentationNotFound(input.id, 'input.id'),
      );
      return presentationWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: 'updated',
        edit: async (presentation) => {
          patchRecord(presentation, input, {
            transforms: { title: bilingual },
            skip: ['seedId', 'room', 'presenterIds'],
          });
          if (input.presenterIds) presentation.presenterIds = [...new Set(input.presenterIds)];
          if (input.room !== undefined) presentation.room = trimmedOrNull(input.room);
          if (input.seedId !== undefined) {
            const seed = input.seedId ? await presentableSeed(manager, input.seedId) : null;
            presentation.seedId = seed?.id ?? null;
            if (seed && !input.title) presentation.title = bilingual(seed.title);
          }
          const session = await manager.findOneByOrFail(EventSession, { id: presentation.sessionId });
          await this.checkSlot(manager, presentation, session, event);
        },
      });
    });
  }

  removePresentation(input: RecordVersionInput, actor: SignedInViewer): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockEventOf(
        manager,
        Presentation,
        input.id,
        EventsError.presentationNotFound(input.id, 'input.id'),
      );
      await presentationWriter.remove(manager, { ...input, actorUserId: actor.userId });
      return true;
    });
  }

  /** Locks the event a session or presentation belongs to (refused when archived). */
  private async lockEventOf(
    manager: EntityManager,
    entity: typeof EventSession | typeof Presentation,
    id: string,
    notFound: EventsError,
  ): Promise<Event> {
    const row = await manager.findOneBy(entity, { id });
    if (!row) throw notFound;
    return this.events.lockForAgenda(manager, row.eventId, 'input.id');
  }

  private async checkSlot(
    manager: EntityManager,
    presentation: Presentation,
    session: EventSession,
    event: Event,
  ) {
    if (presentation.endsAt.getTime() <= presentation.startsAt.getTime()) throw EventsError.endsBeforeStart();
    if (!within(presentation, event)) throw EventsError.outsideEvent('input.startsAt');
    if (!within(presentation, session)) throw EventsError.outsideSession('input.startsAt');
    await assertAllExist(manager, Person, presentation.presenterIds, 'input.presenterIds', 'person');
    const slots = await this.slotsOf(manager, event.id, session);
    const slot: Slot = {
      id: presentation.id ?? '(new)',
      startsAt: presentation.startsAt,
      endsAt: presentation.endsAt,
      presenterIds: presentation.presenterIds,
      room: presentation.room ?? session.room,
    };
    throwClash(findClash(slot, slots));
  }

  /** Every presentation of the event as a slot in its effective room (`changed` as it is about to be saved). */
  private async slotsOf(manager: EntityManager, eventId: string, changed: EventSession): Promise<Slot[]> {
    const sessions = await manager.findBy(EventSession, { eventId });
    const roomOf = new Map(sessions.map((session) => [session.id, session.room]));
    roomOf.set(changed.id, changed.room);
    const presentations = await manager.findBy(Presentation, { eventId });
    return presentations.map((presentation) => ({
      id: presentation.id,
      startsAt: presentation.startsAt,
      endsAt: presentation.endsAt,
      presenterIds: presentation.presenterIds,
      room: presentation.room ?? roomOf.get(presentation.sessionId) ?? null,
    }));
  }
}

function assertSessionInside(session: EventSession, event: Event) {
  if (session.endsAt.getTime() <= session.startsAt.getTime()) throw EventsError.endsBeforeStart();
  if (!within(session, event)) throw EventsError.outsideEvent('input.startsAt');
}

function throwClash(clash: ReturnType<typeof findClash>) {
  if (!clash) return;
  throw clash.field === 'presenterIds'
    ? EventsError.presenterClash(clash.personId, clash.with)
    : EventsError.roomClash(clash.room, clash.with);
}

/** A seed may be presented while published; an archived one is refused by name. */
async function presentableSeed(manager: EntityManager, seedId: string): Promise<ResearchSeed> {
  const seed = await manager.findOneBy(ResearchSeed, { id: seedId });
  if (seed?.status === SeedStatus.ARCHIVED) throw EventsError.seedArchived(seedId);
  if (!seed || seed.status !== SeedStatus.PUBLISHED) throw EventsError.seedNotAvailable(seedId);
  return seed;
}
