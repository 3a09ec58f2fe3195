import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { logger, queueEmails, type LocalizedMessage } from '#libs/core';
import { NotificationKind } from '#libs/identity';
import { NotificationService } from '#libs/matching';
import { Event } from '../event/event.entity.js';
import { guestReminderEmail, reminderTitle } from './registration-emails.js';
import { Registration } from './registration.entity.js';

const EVERY_MS = 10 * 60 * 1000;

const startsIn = (event: Event): LocalizedMessage => {
  const format = (locale: string) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: event.timeZone,
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(event.startsAt);
  return {
    ja: `開始: ${format('ja-JP')}（${event.timeZone}）`,
    en: `Starts ${format('en-GB')} (${event.timeZone})`,
  };
};

/**
 * The reminder the day before (Asia/Tokyo) a published event, to each
 * registrant holding a place. The claim is one UPDATE … RETURNING, so the api
 * and the worker can both run it without reminding anyone twice.
 */
@Injectable()
export class EventReminderService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(
      () =>
        void this.run().catch((error: unknown) =>
          logger('EventReminderService').error({ err: error }, 'event reminders failed'),
        ),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Reminds registrants of events starting tomorrow (Tokyo day) or sooner but not yet; returns how many. */
  run(now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager.query(
        `UPDATE registration SET reminded_at = $1
           FROM event
          WHERE event.id = registration.event_id
            AND registration.status = 'registered' AND registration.reminded_at IS NULL
            AND event.status = 'published' AND event.starts_at > $1
            AND (event.starts_at AT TIME ZONE 'Asia/Tokyo')::date <= ($1::timestamptz AT TIME ZONE 'Asia/Tokyo')::date + 1
        RETURNING registration.id`,
        [now],
      );
      const ids = (claimed[0] as { id: string }[]).map((row) => row.id);
      if (ids.length === 0) return 0;
      const registrations = await manager.findBy(Registration, { id: In(ids) });
      const events = await manager.findBy(Event, {
        id: In([...new Set(registrations.map((registration) => registration.eventId))]),
      });
      for (const registration of registrations) {
        const event = events.find((row) => row.id === registration.eventId);
        if (!event) continue;
        if (registration.userId)
          await this.notifications.notify(manager, [registration.userId], {
            kind: NotificationKind.EVENT_REMINDER,
            title: reminderTitle(event),
          });
        else if (registration.guestEmail)
          await queueEmails(manager, [
            guestReminderEmail(registration.guestEmail, registration.guestLanguage, event, startsIn(event)),
          ]);
      }
      return ids.length;
    });
  }
}
