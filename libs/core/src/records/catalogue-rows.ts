import type { EntityManager, EntityTarget, QueryDeepPartialEntity } from 'typeorm';

/** A record an imported catalogue can name: by its externalId, or by its id when it was made here without one. */
export interface CatalogueKeyed {
  id: string;
  externalId: string | null;
}

/** The key a catalogue (an export, an import) names a record by. */
export const catalogueKeyOf = (row: CatalogueKeyed): string => row.externalId ?? row.id;

/**
 * The rows with these catalogue keys, by key, in one query: a record made in
 * Kyoso has no externalId, and an export names it by its id.
 */
export async function findByCatalogueKeys<T extends CatalogueKeyed>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  keys: string[],
): Promise<Map<string, T>> {
  if (keys.length === 0) return new Map();
  const rows = await manager
    .createQueryBuilder(entity, 'row')
    .where('row.external_id = ANY(:keys) OR (row.external_id IS NULL AND row.id::text = ANY(:keys))', {
      keys,
    })
    .getMany();
  return new Map(rows.map((row) => [catalogueKeyOf(row), row]));
}

/** Inserts the rows in one statement; their generated ids, in the rows' order. */
export async function insertReturningIds<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  // a Partial<T> is a valid insert, but TypeORM's deep-partial type cannot be proven for a generic T
  const inserted = await manager.insert(entity, rows as QueryDeepPartialEntity<T>[]);
  return inserted.identifiers.map((identifier) => identifier.id as string);
}
