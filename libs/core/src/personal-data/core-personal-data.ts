import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { EmailMessage } from '../mail/email-message.entity.js';
import {
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from './personal-data.service.js';
import { scrubChanges } from './scrub-changes.js';

/** At most this many of the account's latest e-mails and audit entries go into an export. */
const EXPORT_LIMIT = 1000;

/**
 * Core's share: the e-mails sent to the account and what its owner did according to the audit
 * log. The log's entries are kept when the account closes (their actor id then names the closed,
 * anonymised account); the e-mails to its address are deleted.
 */
@Injectable()
export class CorePersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'activity';
  readonly layer = 0;

  constructor(private readonly personalData: PersonalDataService) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer, email }: DataOwner, manager: EntityManager) {
    const emails = await manager.find(EmailMessage, {
      where: { toAddress: email },
      order: { createdAt: 'DESC' },
      take: EXPORT_LIMIT,
    });
    // what they did, not the records' contents: an entry about another record may hold others' data
    const audit = await manager.find(AuditEntry, {
      where: { actorUserId: viewer.userId },
      order: { at: 'DESC' },
      take: EXPORT_LIMIT,
    });
    return {
      emailsSentToYou: emails.map((message) => ({
        kind: message.kind,
        subject: message.subject,
        queuedAt: message.createdAt,
        sentAt: message.sentAt,
      })),
      yourChanges: audit.map((entry) => ({
        at: entry.at,
        recordType: entry.entityType,
        recordId: entry.entityId,
        action: entry.action,
      })),
    };
  }

  async erase(account: ClosingAccount, manager: EntityManager) {
    await manager.delete(EmailMessage, { toAddress: account.email });
  }
}

/**
 * Replaces the values in the audit entries about one record (an account, a profile) by
 * "(erased)", but for the `keep` fields: who changed which field when stays.
 */
export async function scrubAuditOf(
  manager: EntityManager,
  entityType: string,
  entityId: string,
  keep: readonly string[] = [],
): Promise<void> {
  const entries = await manager.find(AuditEntry, { where: { entityType, entityId } });
  for (const entry of entries) entry.changes = scrubChanges(entry.changes, keep);
  await manager.save(AuditEntry, entries);
}
