import type { EntityManager } from 'typeorm';
import type { IndexName } from '../engine/search-engine.js';

/**
 * Reads of the catalog's tables that the catalog does not export yet. Each
 * is a TODO(catalog) naming the method that should replace it; until then
 * the column names here are the catalog's and directory's migrations'.
 * Bulk on purpose: the relay and reindex call these with thousands of ids.
 */

const TABLES: Record<IndexName, { table: string; organization: string }> = {
  seeds: { table: 'research_seed', organization: 'institution_id' },
  needs: { table: 'company_need', organization: 'company_id' },
};

// TODO(catalog): SeedQueryService.listedUserIdsBySeed(seedIds: string[], manager?: EntityManager): Promise<Map<string, string[]>>
// (the bulk form of listedUserIds: the catalog's listedUserIds access attribute for many seeds in one query).
/** seed id → the accounts of the researchers listed on it (seeds listing none are absent). */
export async function listedUserIdsBySeed(
  manager: EntityManager,
  seedIds: string[],
): Promise<Map<string, string[]>> {
  if (seedIds.length === 0) return new Map();
  const rows: { seed_id: string; user_ids: string[] }[] = await manager.query(
    `SELECT listed.seed_id, array_agg(DISTINCT person.user_id::text) AS user_ids
       FROM seed_researcher listed JOIN person ON person.id = listed.person_id
      WHERE listed.seed_id = ANY($1) AND person.user_id IS NOT NULL
      GROUP BY listed.seed_id`,
    [seedIds],
  );
  return new Map(rows.map((row) => [row.seed_id, row.user_ids]));
}

// TODO(catalog): SeedQueryService.idsFor({ institutionIds, programIds }, manager?): Promise<string[]>
// and NeedQueryService.idsFor({ companyIds, programIds }, manager?): Promise<string[]>.
/** The seeds or needs of these organizations (institution or company) or naming these programs (by program id). */
export async function recordIdsFor(
  manager: EntityManager,
  index: IndexName,
  { organizationIds, programIds }: { organizationIds: string[]; programIds: string[] },
): Promise<string[]> {
  if (organizationIds.length === 0 && programIds.length === 0) return [];
  const { table, organization } = TABLES[index];
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM ${table}
      WHERE ${organization} = ANY($1)
         OR program_codes && (SELECT coalesce(array_agg(code), '{}') FROM program WHERE id = ANY($2))`,
    [organizationIds, programIds],
  );
  return rows.map((row) => row.id);
}

// TODO(catalog): SeedQueryService.idsAfter(after: string, limit: number, manager?) and
// NeedQueryService.idsAfter(…): ids in id order after `after`, for paging through every record.
/** Up to `limit` ids of the index's records after `after`, in id order. */
export async function recordIdsAfter(
  manager: EntityManager,
  index: IndexName,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM ${TABLES[index].table} WHERE id > $1 ORDER BY id LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => row.id);
}

// TODO(catalog): SeedQueryService.count(manager?) and NeedQueryService.count(manager?): Promise<number>.
/** How many records the index is built from. */
export async function recordCount(manager: EntityManager, index: IndexName): Promise<number> {
  const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM ${TABLES[index].table}`);
  return total;
}
