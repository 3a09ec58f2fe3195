import { IsNull, Not, type EntityManager } from 'typeorm';
import { Session } from './session.entity.js';

/**
 * Ends every live session of the account (but `keep`, the caller's own, when given): their access
 * tokens stop at the next request and their refresh tokens are refused. How many it ended.
 */
export async function revokeSessions(
  manager: EntityManager,
  userId: string,
  reason: string,
  keep?: string,
): Promise<number> {
  const result = await manager.update(
    Session,
    { userId, revokedAt: IsNull(), ...(keep ? { id: Not(keep) } : {}) },
    { revokedAt: new Date(), revokedReason: reason },
  );
  return result.affected ?? 0;
}
