import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from '#libs/core';
import { PersonService } from '#libs/directory';
import { Presentation } from './agenda/presentation.entity.js';
import { PUBLIC_EVENT_STATUSES } from './event/event-status.js';
import { Event } from './event/event.entity.js';
import { Registration } from './registration/registration.entity.js';
import { RegistrationService } from './registration/registration.service.js';

/**
 * Events' share: the presentations the account's person gives (at events the owner may read)
 * and the account's registrations. Closing takes the person off every presentation, before the
 * catalog may delete it, and deletes the registrations (a held place goes to the waiting list).
 */
@Injectable()
export class EventsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'events';
  readonly layer = 6;

  constructor(
    private readonly personalData: PersonalDataService,
    private readonly people: PersonService,
    private readonly registrations: RegistrationService,
  ) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer }: DataOwner, manager: EntityManager) {
    const registrations = (
      await manager.find(Registration, { where: { userId: viewer.userId }, order: { createdAt: 'ASC' } })
    ).map((registration) => ({
      id: registration.id,
      eventId: registration.eventId,
      status: registration.status,
      registeredAt: registration.createdAt,
      checkedInAt: registration.checkedInAt,
      cancelledAt: registration.cancelledAt,
    }));
    const person = await this.people.findForUser(viewer.userId, manager);
    if (!person) return { presentations: [], registrations };
    const presentations = await manager
      .createQueryBuilder(Presentation, 'presentation')
      .innerJoin(Event, 'event', 'event.id = presentation.eventId')
      .where(':personId = ANY(presentation.presenterIds)', { personId: person.id })
      .andWhere('event.status IN (:...statuses)', { statuses: PUBLIC_EVENT_STATUSES })
      .orderBy('presentation.startsAt', 'ASC')
      .getMany();
    return {
      registrations,
      presentations: presentations.map((presentation) => ({
        id: presentation.id,
        eventId: presentation.eventId,
        title: { ...presentation.title },
        startsAt: presentation.startsAt,
        endsAt: presentation.endsAt,
      })),
    };
  }

  async erase({ userId }: ClosingAccount, manager: EntityManager) {
    await this.registrations.forgetUser(manager, userId);
    const person = await this.people.findForUser(userId, manager);
    if (!person) return;
    await manager
      .createQueryBuilder()
      .update(Presentation)
      .set({ presenterIds: () => 'array_remove(presenter_ids, CAST(:personId AS uuid))' })
      .where(':personId = ANY(presenter_ids)', { personId: person.id })
      .execute();
  }
}
