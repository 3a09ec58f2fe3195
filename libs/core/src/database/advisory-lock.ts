import type { EntityManager } from 'typeorm';

/**
 * Serialises the transaction with every other one that takes the same key, until it ends
 * (a PostgreSQL transaction-level advisory lock): for checks a row lock cannot cover, such as
 * "no more than five e-mails an hour" or "one sign-up per address at a time".
 */
export async function advisoryLock(manager: EntityManager, key: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
