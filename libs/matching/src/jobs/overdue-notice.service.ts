import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { logger } from '#libs/core';
import { NotificationService } from '../notification/notification.service.js';
import { MatchProposal } from '../proposal/match-proposal.entity.js';
import { overdue } from '../proposal/proposal-notices.js';

const EVERY_MS = 10 * 60 * 1000;

/**
 * Tells coordinators when a proposal passes its response target, once per
 * due date. The claim is one UPDATE … RETURNING, so the api and the worker
 * can both run it without telling anyone twice.
 */
@Injectable()
export class OverdueNoticeService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(
      () =>
        void this.run().catch((error: unknown) =>
          logger('OverdueNoticeService').error({ err: error }, 'overdue check failed'),
        ),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onModuleDestroy() {
    clearInterval(this.timer);
  }

  /** Notifies about proposals newly past their due date; returns how many. */
  run(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await manager
        .createQueryBuilder()
        .update(MatchProposal)
        .set({ overdueNotifiedAt: () => 'now()' })
        .where('due_at < now() AND (overdue_notified_at IS NULL OR overdue_notified_at < due_at)')
        .returning(['id', 'seed_id', 'state'])
        .execute();
      const late = claimed.raw as { id: string; seed_id: string; state: string }[];
      const coordinators = late.length ? await this.notifications.coordinators(manager) : [];
      for (const { id, seed_id: seedId, state } of late)
        await this.notifications.notify(manager, coordinators, overdue({ id, seedId, state }));
      return late.length;
    });
  }
}
