import type { EntityManager, EntityTarget } from 'typeorm';
import { recordAudit } from '../audit/audit-log.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import { CoreError } from '../errors/domain-error.js';
import type { DomainError } from '../errors/domain-error.js';
import type { ChangeTopic } from '../outbox/change-topic.js';
import { recordChange } from '../outbox/record-change.js';
import type { VersionedRecord } from './versioned-record.entity.js';

/** What the writer needs to know of a record type. */
export interface RecordKind<T extends VersionedRecord> {
  entity: EntityTarget<T>;
  /** The record's name in the audit log ('seed', 'organization'). */
  auditType: string;
  /** The outbox topic, when the search index follows this record. */
  topic?: ChangeTopic;
  /** What the audit log keeps of the record, before and after a change. */
  snapshot(record: T): Record<string, unknown>;
  /** The error for an id that does not exist (or that the viewer may not know of). */
  notFound(id: string): DomainError;
}

export interface VersionedChange<T> {
  id: string;
  /** The version the caller saw; another one on the server refuses the change. */
  version: number;
  actorUserId: string | null;
  /** What the audit log calls the change ('updated', 'published'). */
  action: string;
  /** Runs on the locked record before the version check: load relations, check permission. */
  authorize?: (record: T, manager: EntityManager) => Promise<void> | void;
  /** Applies the change to the locked record. */
  edit: (record: T, manager: EntityManager) => Promise<void> | void;
}

/**
 * The one way to write a versioned record, inside the caller's transaction:
 * lock, check the version, snapshot, change, save, audit, and record the
 * outbox change. Everything happens or nothing does.
 */
export class VersionedWriter<T extends VersionedRecord> {
  constructor(private readonly kind: RecordKind<T>) {}

  async create(
    manager: EntityManager,
    record: T,
    actorUserId: string | null,
    action = 'created',
  ): Promise<T> {
    const saved = await manager.save(this.kind.entity, record);
    await this.recorded(manager, saved, actorUserId, action, null);
    return saved;
  }

  async update(manager: EntityManager, change: VersionedChange<T>): Promise<T> {
    const record = await manager.findOne(this.kind.entity, {
      where: { id: change.id } as never,
      lock: { mode: 'pessimistic_write' },
    });
    if (!record) throw this.kind.notFound(change.id);
    await change.authorize?.(record, manager);
    if (record.version !== change.version) throw CoreError.staleVersion(record.version);
    const before = this.kind.snapshot(record);
    await change.edit(record, manager);
    const saved = await manager.save(this.kind.entity, record);
    await this.recorded(manager, saved, change.actorUserId, change.action, before);
    return saved;
  }

  /** Deletes the record at the version the caller saw; the audit log keeps what it was. */
  async remove(
    manager: EntityManager,
    removal: { id: string; version: number; actorUserId: string | null; action?: string },
  ): Promise<void> {
    const record = await manager.findOne(this.kind.entity, {
      where: { id: removal.id } as never,
      lock: { mode: 'pessimistic_write' },
    });
    if (!record) throw this.kind.notFound(removal.id);
    if (record.version !== removal.version) throw CoreError.staleVersion(record.version);
    const before = this.kind.snapshot(record);
    await manager.delete(this.kind.entity, { id: record.id } as never);
    const entity = { entityType: this.kind.auditType, entityId: record.id };
    const action = removal.action ?? 'removed';
    await recordAudit(manager, { actorUserId: removal.actorUserId, ...entity, action, before, after: {} });
    if (this.kind.topic) await recordChange(manager, this.kind.topic, [record.id]);
  }

  private async recorded(
    manager: EntityManager,
    record: T,
    actorUserId: string | null,
    action: string,
    before: Record<string, unknown> | null,
  ) {
    const after = this.kind.snapshot(record);
    const entity = { entityType: this.kind.auditType, entityId: record.id };
    await recordAudit(manager, { actorUserId, ...entity, action, before, after });
    if (this.kind.topic) await recordChange(manager, this.kind.topic, [record.id]);
  }
}

/** Runs a write whose unique key may be taken by a concurrent one, reporting it as `taken`. */
export async function uniqueOr<R>(write: () => Promise<R>, taken: () => DomainError | null): Promise<R> {
  try {
    return await write();
  } catch (error) {
    const replacement = isUniqueViolation(error) ? taken() : null;
    throw replacement ?? error;
  }
}

type Transforms<I> = { [K in keyof I]?: (value: NonNullable<I[K]>) => unknown };

export interface PatchOptions<I> {
  /** How an input value becomes the record's (bilingual(), cleanList(), trim). */
  transforms?: Transforms<I>;
  /** Fields an explicit null clears; for any other field null means "not given". */
  clearable?: (keyof I)[];
  /** Input fields that are not record fields (id, version, researcherIds). */
  skip?: (keyof I)[];
}

/** Copies the given fields of an update input onto the record; absent ones are left as they are. */
export function patchRecord<I extends object>(record: object, input: I, options: PatchOptions<I> = {}): void {
  const skip = new Set<keyof I>(['id', 'version', ...(options.skip ?? [])] as (keyof I)[]);
  const target = record as Record<keyof I, unknown>;
  for (const key of Object.keys(input) as (keyof I)[]) {
    const value = input[key];
    if (skip.has(key) || value === undefined) continue;
    if (value === null) {
      if (options.clearable?.includes(key)) target[key] = null;
      continue;
    }
    const transform = options.transforms?.[key];
    target[key] = transform ? transform(value as NonNullable<I[typeof key]>) : value;
  }
}
