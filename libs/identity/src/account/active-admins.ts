import { advisoryLock } from '#libs/core';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { User } from './user.entity.js';

/**
 * Whether an admin other than `exceptUserId` can still sign in (neither deactivated nor closed).
 * Takes the one lock every admin-ending write holds, so a deactivation and a closing racing
 * each other cannot both see the other admin and leave none.
 */
export async function anotherActiveAdmin(manager: EntityManager, exceptUserId: string): Promise<boolean> {
  await advisoryLock(manager, 'active-admins');
  const others = await manager.countBy(User, {
    role: 'admin',
    deactivatedAt: IsNull(),
    closedAt: IsNull(),
    id: Not(exceptUserId),
  });
  return others > 0;
}
