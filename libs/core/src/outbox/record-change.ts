import type { EntityManager } from 'typeorm';
import type { ChangeTopic } from './change-topic.js';
import { OutboxChange } from './outbox-change.entity.js';

/** Records changed records in the caller's transaction, so the index never misses a committed write. */
export async function recordChange(
  manager: EntityManager,
  topic: ChangeTopic,
  entityIds: string[],
): Promise<void> {
  const unique = [...new Set(entityIds)];
  if (unique.length === 0) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxChange)
    .values(unique.map((entityId) => ({ topic, entityId })))
    .execute();
}
