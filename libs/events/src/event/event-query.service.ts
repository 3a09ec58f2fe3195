import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { isStaff, type Page, type RequestLoaders, type Viewer } from '#libs/core';
import { Program, type ResearchSeed, SeedQueryService } from '#libs/catalog';
import { Organization, Person } from '#libs/directory';
import { EventSession } from '../agenda/event-session.entity.js';
import { Presentation } from '../agenda/presentation.entity.js';
import { Award } from '../award/award.entity.js';
import { EventsError } from '../events.errors.js';
import type { EventsArgs } from './dto/events.args.js';
import { decodeEventCursor, encodeEventCursor } from './event-cursor.js';
import { EventStatus, PUBLIC_EVENT_STATUSES } from './event-status.js';
import { Event } from './event.entity.js';

/** The statuses a viewer may read: a DRAFT exists only for staff. */
const readableStatuses = (viewer: Viewer) =>
  isStaff(viewer) ? Object.values(EventStatus) : PUBLIC_EVENT_STATUSES;

function grouped<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

function inOrder<T extends { id: string }>(ids: string[], rows: (T | Error)[]): T[] {
  const byId = new Map(
    rows.filter((row): row is T => !(row instanceof Error) && !!row).map((row) => [row.id, row]),
  );
  return ids.map((id) => byId.get(id)).filter((row): row is T => !!row);
}

/** Reading events and their agenda: everyone reads published, closed and archived events; staff also drafts. */
@Injectable()
export class EventQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seeds: SeedQueryService,
  ) {}

  async get(id: string, viewer: Viewer): Promise<Event> {
    const event = await this.dataSource.manager.findOneBy(Event, {
      id,
      status: In(readableStatuses(viewer)),
    });
    if (!event) throw EventsError.eventNotFound(id, 'id');
    return event;
  }

  async list(args: EventsArgs, viewer: Viewer): Promise<Page<Event>> {
    const filter = args.filter ?? {};
    const allowed = readableStatuses(viewer);
    const statuses = filter.status?.length
      ? filter.status.filter((status) => allowed.includes(status))
      : allowed;
    const query = this.dataSource.manager
      .createQueryBuilder(Event, 'event')
      .where('event.status IN (:...statuses)', { statuses: statuses.length ? statuses : ['(none)'] });
    if (filter.kinds?.length) query.andWhere('event.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.programId)
      query.andWhere(':programId = ANY(event.programIds)', { programId: filter.programId });
    if (filter.from) query.andWhere('event.endsAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.startsAt < :to', { to: filter.to });
    const totalCount = await query.clone().getCount();
    if (args.after) {
      const [startsAt, id] = decodeEventCursor(args.after);
      query.andWhere('(event.startsAt, event.id) > (:cursorStartsAt, :cursorId)', {
        cursorStartsAt: startsAt,
        cursorId: id,
      });
    }
    const rows = await query
      .orderBy('event.startsAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .take(args.first + 1)
      .getMany();
    const page = rows.slice(0, args.first);
    return {
      edges: page.map((node) => ({ cursor: encodeEventCursor(node), node })),
      pageInfo: {
        hasNextPage: rows.length > args.first,
        endCursor: page.length ? encodeEventCursor(page[page.length - 1]) : null,
      },
      totalCount,
    };
  }

  sessions(loaders: RequestLoaders, eventId: string): Promise<EventSession[]> {
    return loaders
      .get<string, EventSession[]>('events.sessions', async (ids) =>
        grouped(
          ids,
          await this.dataSource.manager.find(EventSession, {
            where: { eventId: In([...ids]) },
            order: { startsAt: 'ASC', id: 'ASC' },
          }),
          (session) => session.eventId,
        ),
      )
      .load(eventId);
  }

  presentations(loaders: RequestLoaders, sessionId: string): Promise<Presentation[]> {
    return loaders
      .get<string, Presentation[]>('events.presentations', async (ids) =>
        grouped(
          ids,
          await this.dataSource.manager.find(Presentation, {
            where: { sessionId: In([...ids]) },
            order: { startsAt: 'ASC', id: 'ASC' },
          }),
          (presentation) => presentation.sessionId,
        ),
      )
      .load(sessionId);
  }

  awards(loaders: RequestLoaders, eventId: string): Promise<Award[]> {
    return loaders
      .get<string, Award[]>('events.awards', async (ids) =>
        grouped(
          ids,
          await this.dataSource.manager.find(Award, {
            where: { eventId: In([...ids]) },
            order: { createdAt: 'ASC', id: 'ASC' },
          }),
          (award) => award.eventId,
        ),
      )
      .load(eventId);
  }

  async presentation(loaders: RequestLoaders, id: string): Promise<Presentation | null> {
    return loaders
      .get<string, Presentation | null>('events.presentation', async (ids) => {
        const rows = await this.dataSource.manager.findBy(Presentation, { id: In([...ids]) });
        return ids.map((key) => rows.find((row) => row.id === key) ?? null);
      })
      .load(id);
  }

  async organizers(loaders: RequestLoaders, ids: string[]): Promise<Organization[]> {
    const loader = loaders.get<string, Organization | null>('events.organization', async (keys) => {
      const rows = await this.dataSource.manager.findBy(Organization, { id: In([...keys]) });
      return keys.map((key) => rows.find((row) => row.id === key) ?? null);
    });
    return inOrder(ids, (await loader.loadMany(ids)) as (Organization | Error)[]);
  }

  async programs(loaders: RequestLoaders, ids: string[]): Promise<Program[]> {
    const loader = loaders.get<string, Program | null>('events.program', async (keys) => {
      const rows = await this.dataSource.manager.findBy(Program, { id: In([...keys]) });
      return keys.map((key) => rows.find((row) => row.id === key) ?? null);
    });
    return inOrder(ids, (await loader.loadMany(ids)) as (Program | Error)[]);
  }

  async presenters(loaders: RequestLoaders, ids: string[]): Promise<Person[]> {
    const loader = loaders.get<string, Person | null>('events.person', async (keys) => {
      const rows = await this.dataSource.manager.findBy(Person, { id: In([...keys]) });
      return keys.map((key) => rows.find((row) => row.id === key) ?? null);
    });
    return inOrder(ids, (await loader.loadMany(ids)) as (Person | Error)[]);
  }

  /** A presentation's seed if this viewer may read it by the catalog's rule; null otherwise. */
  seed(loaders: RequestLoaders, viewer: Viewer, seedId: string): Promise<ResearchSeed | null> {
    return loaders
      .get<string, ResearchSeed | null>('events.seed', async (ids) => {
        const found = new Map(
          (await this.seeds.visibleByIds([...ids], viewer)).map((seed) => [seed.id, seed]),
        );
        return ids.map((id) => found.get(id) ?? null);
      })
      .load(seedId);
  }
}
