import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { AppConfig, emailDraft, logger, queueEmails } from '#libs/core';
import { deliveryOf, NotificationDelivery, User } from '#libs/identity';
import { lastDigestMoment } from './digest-moment.js';

const EVERY_MS = 10 * 60 * 1000;
/** Titles listed in one digest; the rest are counted and waiting in the app. */
const LISTED = 50;

/**
 * Once a day at DIGEST_HOUR (Asia/Tokyo), one e-mail per account listing the
 * notifications it chose to get as a DAILY_DIGEST. It claims what was written
 * before the latest digest hour (UPDATE … RETURNING), so a late or doubled run
 * sends each notification once, and a worker down at the hour catches up.
 */
@Injectable()
export class DailyDigestService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(
      () =>
        void this.run().catch((error: unknown) =>
          logger('DailyDigestService').error({ err: error }, 'daily digest failed'),
        ),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Queues the digests due now; returns how many e-mails. */
  run(now = new Date()): Promise<number> {
    const before = lastDigestMoment(now, this.config.DIGEST_HOUR);
    return this.dataSource.transaction(async (manager) => {
      // a raw UPDATE … RETURNING: pg answers [rows, count]
      const [rows] = (await manager.query(
        `UPDATE notification SET digest_pending = false WHERE digest_pending AND created_at < $1
         RETURNING user_id, kind, title_ja, title_en, created_at`,
        [before],
      )) as [NotificationRow[], number];
      const byUser = new Map<string, NotificationRow[]>();
      for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
      // a deactivated account gets no e-mail; its notifications stay in the app
      const users = byUser.size
        ? await manager.findBy(User, { id: In([...byUser.keys()]), deactivatedAt: IsNull() })
        : [];
      const digests = users
        .map((user) => ({ user, rows: stillWanted(user, byUser.get(user.id) ?? []) }))
        .filter((digest) => digest.rows.length > 0);
      await queueEmails(
        manager,
        digests.map(({ user, rows: wanted }) => this.digest(user, wanted)),
      );
      return digests.length;
    });
  }

  private digest(user: User, rows: NotificationRow[]) {
    const listed = rows
      .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
      .slice(0, LISTED);
    const more = rows.length - listed.length;
    return emailDraft(user.email, 'notification-digest', {
      language: user.language,
      subject: { ja: `本日の通知 (${rows.length}件)`, en: `Your daily notifications (${rows.length})` },
      paragraphs: [
        ...listed.map((row) => ({
          ja: `・${row.title_ja ?? row.title_en}`,
          en: `- ${row.title_en ?? row.title_ja}`,
        })),
        ...(more > 0 ? [{ ja: `ほか${more}件`, en: `and ${more} more` }] : []),
      ],
      action: {
        label: { ja: 'Kyoso で通知を見る', en: 'See your notifications in Kyoso' },
        url: this.config.publicLink('/notifications'),
      },
      preferencesUrl: this.config.publicLink('/settings/notifications'),
    });
  }
}

/** A kind switched to OFF since the notification was written is not mailed (it stays in the app). */
function stillWanted(user: User, rows: NotificationRow[]): NotificationRow[] {
  return rows.filter((row) => deliveryOf(user.notificationDelivery, row.kind) !== NotificationDelivery.OFF);
}

interface NotificationRow {
  user_id: string;
  kind: string;
  title_ja: string | null;
  title_en: string | null;
  created_at: string | Date;
}
