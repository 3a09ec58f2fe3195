import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  bilingual,
  paginate,
  queueEmails,
  type LocalizedMessage,
  type Page,
  type PageArgs,
  type SignedInViewer,
} from '#libs/core';
import { SeedQueryService } from '#libs/catalog';
import { AccountService } from '#libs/identity';
import { Notification } from './notification.entity.js';

export interface NotificationDraft {
  kind: string;
  title: LocalizedMessage;
  proposalId?: string;
  seedId?: string;
}

/**
 * In-app notifications, each with an e-mail queued beside it, written in the
 * caller's transaction: what happened and who is told about it commit together.
 */
@Injectable()
export class NotificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
    private readonly seeds: SeedQueryService,
  ) {}

  async notify(manager: EntityManager, userIds: string[], draft: NotificationDraft): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    await manager.insert(
      Notification,
      unique.map((userId) => ({
        userId,
        kind: draft.kind,
        title: bilingual(draft.title),
        proposalId: draft.proposalId ?? null,
        seedId: draft.seedId ?? null,
        readAt: null,
      })),
    );
    const users = await this.accounts.findByIds(unique, manager);
    await queueEmails(
      manager,
      users.map((user) => ({
        to: user.email,
        kind: 'notification',
        subject: `[Kyoso] ${draft.title.ja} / ${draft.title.en}`,
        body: `${draft.title.ja}\n\n${draft.title.en}\n`,
      })),
    );
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
