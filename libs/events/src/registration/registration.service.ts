import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import {
  AppConfig,
  bilingual,
  CoreError,
  isStaff,
  Language,
  queueEmails,
  recentEmailCount,
  recordAudit,
  type SignedInViewer,
  type Viewer,
} from '#libs/core';
import { NotificationKind } from '#libs/identity';
import { NotificationService } from '#libs/matching';
import { EventStatus } from '../event/event-status.js';
import { Event } from '../event/event.entity.js';
import { EventsError } from '../events.errors.js';
import type { CancelRegistrationInput } from './dto/cancel-registration.input.js';
import type { RegisterForEventInput } from './dto/register-for-event.input.js';
import {
  guestPromotedEmail,
  guestRegisteredEmail,
  promotedTitle,
  REGISTRATION_EMAIL_KIND,
  registeredTitle,
} from './registration-emails.js';
import { RegistrationStatus } from './registration-status.js';
import { Registration } from './registration.entity.js';

const HOUR_MS = 3_600_000;
/** Registration e-mails to one guest address per hour. */
const EMAILS_PER_ADDRESS_HOUR = 5;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Registrations: places are given and freed with the event row locked, so two
 * concurrent registrations or cancellations cannot oversell it; a freed place
 * goes to the first on the waiting list, in registration order, in the same
 * transaction. Who is told is written in the same transaction too.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  async register(input: RegisterForEventInput, viewer: Viewer): Promise<Registration> {
    const signedIn = viewer.kind === 'user' ? viewer : null;
    if (signedIn && input.guest) throw EventsError.guestDetailsNotWanted();
    if (!signedIn && !input.guest) throw EventsError.guestDetailsRequired();
    const guestEmail = input.guest ? normalizeEmail(input.guest.email) : null;
    return this.dataSource.transaction(async (manager) => {
      const event = await this.lockEvent(manager, input.eventId, viewer);
      if (event.status !== EventStatus.PUBLISHED) throw EventsError.registrationClosed(event.status);
      const active = await manager.findOneBy(Registration, {
        eventId: event.id,
        ...(signedIn ? { userId: signedIn.userId } : { guestEmail: guestEmail ?? '' }),
        status: Not(RegistrationStatus.CANCELLED),
      });
      if (active) throw EventsError.alreadyRegistered(signedIn ? 'input.eventId' : 'input.guest.email');
      if (
        guestEmail &&
        (await recentEmailCount(manager, guestEmail, REGISTRATION_EMAIL_KIND, HOUR_MS)) >=
          EMAILS_PER_ADDRESS_HOUR
      )
        throw CoreError.rateLimited('registration e-mail', HOUR_MS / 1000);
      const taken = await manager.countBy(Registration, {
        eventId: event.id,
        status: RegistrationStatus.REGISTERED,
      });
      const waitlisted = event.capacity !== null && taken >= event.capacity;
      const cancelToken = input.guest ? randomBytes(32).toString('base64url') : null;
      const registration = await manager.save(
        manager.create(Registration, {
          eventId: event.id,
          userId: signedIn?.userId ?? null,
          guestName: bilingual(input.guest?.name ?? {}),
          guestOrganization: input.guest?.organization.trim() || null,
          guestEmail,
          guestLanguage: input.guest?.language ?? Language.JA,
          cancelTokenHash: cancelToken ? hashToken(cancelToken) : null,
          status: waitlisted ? RegistrationStatus.WAITLISTED : RegistrationStatus.REGISTERED,
          checkedInAt: null,
          cancelledAt: null,
        }),
      );
      if (signedIn)
        await this.notifications.notify(manager, [signedIn.userId], {
          kind: NotificationKind.REGISTRATION_CONFIRMED,
          title: registeredTitle(event, waitlisted),
        });
      if (guestEmail && cancelToken)
        await queueEmails(manager, [
          guestRegisteredEmail(
            guestEmail,
            registration.guestLanguage,
            event,
            waitlisted,
            this.config.publicLink(`/registrations/${registration.id}/cancel#token=${cancelToken}`),
          ),
        ]);
      return registration;
    });
  }

  /** By the registrant, a guest holding the e-mailed token, or staff. Cancelling twice is a no-op. */
  async cancel(input: CancelRegistrationInput, viewer: Viewer): Promise<Registration> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(Registration, { id: input.id });
      if (!found || !mayCancel(found, input.cancelToken, viewer))
        throw EventsError.registrationNotFound(input.id);
      const event = await manager.findOne(Event, {
        where: { id: found.eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event) throw EventsError.registrationNotFound(input.id);
      // re-read under the event lock: a concurrent cancel or promotion may have changed it
      const registration = await manager.findOneByOrFail(Registration, { id: input.id });
      if (registration.status === RegistrationStatus.CANCELLED) return registration;
      if (event.status === EventStatus.CLOSED || event.status === EventStatus.ARCHIVED)
        throw EventsError.registrationClosed(event.status);
      const freed = registration.status === RegistrationStatus.REGISTERED;
      registration.status = RegistrationStatus.CANCELLED;
      registration.cancelledAt = new Date();
      const saved = await manager.save(registration);
      if (viewer.kind === 'user' && viewer.userId !== registration.userId)
        await recordAudit(manager, {
          entityType: 'registration',
          entityId: registration.id,
          action: 'cancelled',
          actorUserId: viewer.userId,
          before: { status: freed ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED },
          after: { status: RegistrationStatus.CANCELLED },
        });
      if (freed) await this.fillFreePlaces(manager, event);
      return saved;
    });
  }

  /** Marks the registrant arrived; checking in again keeps the first time. */
  async checkIn(id: string, viewer: SignedInViewer): Promise<Registration> {
    return this.dataSource.transaction(async (manager) => {
      const registration = await manager.findOne(Registration, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!registration) throw EventsError.registrationNotFound(id, 'id');
      if (registration.status === RegistrationStatus.CANCELLED) throw EventsError.registrationCancelled();
      if (registration.checkedInAt) return registration;
      registration.checkedInAt = new Date();
      const saved = await manager.save(registration);
      await recordAudit(manager, {
        entityType: 'registration',
        entityId: registration.id,
        action: 'checked in',
        actorUserId: viewer.userId,
        before: { checkedInAt: null },
        after: { checkedInAt: saved.checkedInAt },
      });
      return saved;
    });
  }

  /**
   * Closing an account: its registrations are deleted, and each place it held
   * goes to the waiting list as a cancellation would.
   */
  async forgetUser(manager: EntityManager, userId: string): Promise<void> {
    const own = await manager.findBy(Registration, { userId });
    for (const eventId of new Set(own.map((registration) => registration.eventId))) {
      const event = await manager.findOne(Event, {
        where: { id: eventId },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.delete(Registration, { eventId, userId });
      if (event?.status === EventStatus.PUBLISHED) await this.fillFreePlaces(manager, event);
    }
  }

  /**
   * Fills free places from the waiting list, first registered first: after a
   * cancellation or a larger capacity. The event row is locked by the caller.
   */
  async fillFreePlaces(manager: EntityManager, event: Event) {
    if (event.capacity === null) return;
    const taken = await manager.countBy(Registration, {
      eventId: event.id,
      status: RegistrationStatus.REGISTERED,
    });
    const free = event.capacity - taken;
    if (free <= 0) return;
    const next = await manager.find(Registration, {
      where: { eventId: event.id, status: RegistrationStatus.WAITLISTED },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: free,
    });
    for (const registration of next) {
      registration.status = RegistrationStatus.REGISTERED;
      await manager.save(registration);
      if (registration.userId)
        await this.notifications.notify(manager, [registration.userId], {
          kind: NotificationKind.WAITLIST_PROMOTED,
          title: promotedTitle(event),
        });
      else if (registration.guestEmail)
        await queueEmails(manager, [
          guestPromotedEmail(registration.guestEmail, registration.guestLanguage, event),
        ]);
    }
  }

  /** The event locked for a registration change; a draft is unknown to all but staff. */
  private async lockEvent(manager: EntityManager, eventId: string, viewer: Viewer): Promise<Event> {
    const event = await manager.findOne(Event, {
      where: { id: eventId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!event || (event.status === EventStatus.DRAFT && !isStaff(viewer)))
      throw EventsError.eventNotFound(eventId, 'input.eventId');
    return event;
  }
}

function mayCancel(registration: Registration, token: string | undefined, viewer: Viewer): boolean {
  if (isStaff(viewer)) return true;
  if (viewer.kind === 'user' && registration.userId === viewer.userId) return true;
  return !!token && !!registration.cancelTokenHash && hashToken(token) === registration.cancelTokenHash;
}
