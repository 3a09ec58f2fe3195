import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { AuditEntry, type FieldChanges } from './audit-entry.entity.js';

export interface AuditedChange {
  actorUserId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/** The fields whose values differ, with both values; dates compared by instant. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): FieldChanges {
  const changes: FieldChanges = {};
  // JSON shape: dates as ISO strings, embedded classes as plain objects
  const plain = (value: unknown): unknown =>
    value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
  for (const key of Object.keys(after)) {
    const was = plain(before?.[key]);
    const now = plain(after[key]);
    if (!isDeepStrictEqual(was, now)) changes[key] = { before: was, after: now };
  }
  return changes;
}

/** Records a change inside the caller's transaction, so the log and the data never disagree. */
export async function recordAudit(manager: EntityManager, change: AuditedChange): Promise<void> {
  const changes = diffFields(change.before, change.after);
  if (Object.keys(changes).length === 0 && change.action === 'updated') return;
  await manager.save(
    manager.create(AuditEntry, {
      actorUserId: change.actorUserId,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      changes,
    }),
  );
}
