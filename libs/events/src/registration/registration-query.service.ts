import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  bilingual,
  isStaff,
  paginate,
  type BilingualText,
  type Page,
  type PageArgs,
  type RequestLoaders,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { Organization } from '#libs/directory';
import { AccountService } from '#libs/identity';
import { EventStatus, PUBLIC_EVENT_STATUSES } from '../event/event-status.js';
import { Event } from '../event/event.entity.js';
import { EventsError } from '../events.errors.js';
import type { EventRegistrationsArgs } from './dto/event-registrations.args.js';
import { rosterCsv } from './registration-roster.js';
import { RegistrationStatus } from './registration-status.js';
import { Registration } from './registration.entity.js';

/** Who registered, as the roster shows them: a user's account details or what the guest gave. */
export interface Registrant {
  name: BilingualText;
  organization: string;
  email: string;
}

const both = (text: { ja: string | null; en: string | null }) =>
  [text.ja, text.en].filter((part) => part).join(' / ');

/**
 * Reading registrations: staff read an event's; a user reads their own. Only the
 * counts are public (for events the viewer may read).
 */
@Injectable()
export class RegistrationQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
  ) {}

  async forEvent(args: EventRegistrationsArgs): Promise<Page<Registration>> {
    await this.assertEvent(args.eventId);
    const query = this.dataSource.manager
      .createQueryBuilder(Registration, 'registration')
      .where('registration.eventId = :eventId', { eventId: args.eventId });
    return paginate(query, args);
  }

  mine(args: PageArgs, viewer: SignedInViewer): Promise<Page<Registration>> {
    const query = this.dataSource.manager
      .createQueryBuilder(Registration, 'registration')
      .innerJoin(Event, 'event', 'event.id = registration.eventId')
      .where('registration.userId = :userId', { userId: viewer.userId })
      .andWhere('event.status IN (:...statuses)', {
        statuses: isStaff(viewer) ? Object.values(EventStatus) : PUBLIC_EVENT_STATUSES,
      });
    return paginate(query, args, 'DESC');
  }

  async roster(eventId: string): Promise<string> {
    await this.assertEvent(eventId, 'eventId');
    const registrations = await this.dataSource.manager.find(Registration, {
      where: { eventId, status: In([RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const registrants = await this.registrants(this.dataSource.manager, registrations);
    return rosterCsv(
      registrations.map((registration, index) => ({
        ...registrants[index],
        status: registration.status,
        registeredAt: registration.createdAt,
        checkedInAt: registration.checkedInAt,
      })),
    );
  }

  registrant(loaders: RequestLoaders, registration: Registration): Promise<Registrant> {
    return loaders
      .get<Registration, Registrant>('events.registrant', (keys) =>
        this.registrants(this.dataSource.manager, [...keys]),
      )
      .load(registration);
  }

  /** The event if this viewer may read it (a draft only for staff). */
  event(loaders: RequestLoaders, viewer: Viewer, eventId: string): Promise<Event | null> {
    const statuses = isStaff(viewer) ? Object.values(EventStatus) : PUBLIC_EVENT_STATUSES;
    return loaders
      .get<string, Event | null>('events.registration-event', async (ids) => {
        const rows = await this.dataSource.manager.findBy(Event, { id: In([...ids]), status: In(statuses) });
        return ids.map((id) => rows.find((row) => row.id === id) ?? null);
      })
      .load(eventId);
  }

  count(loaders: RequestLoaders, eventId: string, status: RegistrationStatus): Promise<number> {
    return loaders
      .get<string, number>(`events.registration-count.${status}`, async (ids) => {
        const rows: { eventId: string; count: string }[] = await this.dataSource.manager
          .createQueryBuilder(Registration, 'registration')
          .select('registration.eventId', 'eventId')
          .addSelect('COUNT(*)', 'count')
          .where('registration.eventId IN (:...ids)', { ids: [...ids] })
          .andWhere('registration.status = :status', { status })
          .groupBy('registration.eventId')
          .getRawMany();
        return ids.map((id) => Number(rows.find((row) => row.eventId === id)?.count ?? 0));
      })
      .load(eventId);
  }

  private async registrants(manager: EntityManager, registrations: Registration[]): Promise<Registrant[]> {
    const users = await this.accounts.findByIds(
      [...new Set(registrations.flatMap((registration) => registration.userId ?? []))],
      manager,
    );
    const organizationIds = [...new Set(users.flatMap((user) => user.organizationId ?? []))];
    const organizations = organizationIds.length
      ? await manager.findBy(Organization, { id: In(organizationIds) })
      : [];
    return registrations.map((registration) => {
      if (!registration.userId)
        return {
          name: bilingual(registration.guestName),
          organization: registration.guestOrganization ?? '',
          email: registration.guestEmail ?? '',
        };
      const user = users.find((row) => row.id === registration.userId);
      const organization = organizations.find((row) => row.id === user?.organizationId);
      return {
        name: bilingual(user?.name ?? {}),
        organization: organization ? both(organization.name) : '',
        email: user?.email ?? '',
      };
    });
  }

  private async assertEvent(eventId: string, path = 'eventId') {
    if (!(await this.dataSource.manager.existsBy(Event, { id: eventId })))
      throw EventsError.eventNotFound(eventId, path);
  }
}
