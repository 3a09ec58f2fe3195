import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  AppConfig,
  bilingual,
  emailDraft,
  paginate,
  queueEmails,
  type LocalizedMessage,
  type Page,
  type PageArgs,
  type SignedInViewer,
} from '#libs/core';
import { SeedQueryService } from '#libs/catalog';
import { AccountService, deliveryOf, NotificationDelivery, type User } from '#libs/identity';
import { Notification } from './notification.entity.js';

export interface NotificationDraft {
  kind: string;
  title: LocalizedMessage;
  proposalId?: string;
  seedId?: string;
}

/**
 * In-app notifications, always kept, each with an e-mail queued beside it for
 * the recipients who want it immediately (their preference per kind), in their
 * language. Written in the caller's transaction: what happened and who is told
 * about it commit together. DAILY_DIGEST marks the notification for the daily
 * digest (DailyDigestService); OFF queues nothing.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
    private readonly seeds: SeedQueryService,
    private readonly config: AppConfig,
  ) {}

  async notify(manager: EntityManager, userIds: string[], draft: NotificationDraft): Promise<void> {
    // a deactivated account is told nothing, whoever named it (listed on a seed, an actor of a proposal)
    const users = (await this.accounts.findByIds([...new Set(userIds)], manager)).filter(
      (user) => !user.deactivatedAt,
    );
    if (users.length === 0) return;
    const delivery = new Map(
      users.map((user) => [user.id, deliveryOf(user.notificationDelivery, draft.kind)]),
    );
    await manager.insert(
      Notification,
      users.map(({ id: userId }) => ({
        userId,
        kind: draft.kind,
        title: bilingual(draft.title),
        proposalId: draft.proposalId ?? null,
        seedId: draft.seedId ?? null,
        readAt: null,
        digestPending: delivery.get(userId) === NotificationDelivery.DAILY_DIGEST,
      })),
    );
    const wanting = users.filter((user) => delivery.get(user.id) === NotificationDelivery.IMMEDIATELY);
    await queueEmails(
      manager,
      wanting.map((user) => this.email(user, draft)),
    );
  }

  private email(user: User, draft: NotificationDraft) {
    return emailDraft(user.email, 'notification', {
      language: user.language,
      subject: draft.title,
      paragraphs: [draft.title],
      action: {
        label: { ja: 'Kyoso で通知を見る', en: 'See your notifications in Kyoso' },
        url: this.config.publicLink('/notifications'),
      },
      preferencesUrl: this.config.publicLink('/settings/notifications'),
    });
  }

  /** Every coordinator and admin: they broker every proposal. */
  coordinators(manager: EntityManager): Promise<string[]> {
    return this.accounts.staffUserIds(manager);
  }

  /** The accounts of the researchers listed on a seed. */
  researchersOf(manager: EntityManager, seedId: string): Promise<string[]> {
    return this.seeds.listedUserIds(seedId, manager);
  }

  /** The approved members of a company. */
  membersOf(manager: EntityManager, organizationId: string): Promise<string[]> {
    return this.accounts.approvedMemberIds(organizationId, manager);
  }

  list(viewer: SignedInViewer, args: PageArgs & { unreadOnly?: boolean }): Promise<Page<Notification>> {
    const query = this.dataSource.manager
      .createQueryBuilder(Notification, 'notification')
      .where('notification.userId = :user', { user: viewer.userId });
    if (args.unreadOnly) query.andWhere('notification.readAt IS NULL');
    return paginate(query, args);
  }

  unreadCount(viewer: SignedInViewer): Promise<number> {
    return this.dataSource.manager.countBy(Notification, { userId: viewer.userId, readAt: IsNull() });
  }

  /** Marks the viewer's own notifications read; ids of others' are ignored. Returns how many changed. */
  async markRead(ids: string[], viewer: SignedInViewer): Promise<number> {
    const result = await this.dataSource.manager.update(
      Notification,
      { id: In(ids), userId: viewer.userId, readAt: IsNull() },
      { readAt: new Date() },
    );
    return result.affected ?? 0;
  }
}
