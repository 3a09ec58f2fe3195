import type { EntityManager } from 'typeorm';

/** The catalog tables that index and re-match by id: seeds by institution, needs by company. */
export interface RecordTable {
  table: 'research_seed' | 'company_need';
  organizationColumn: 'institution_id' | 'company_id';
}

/** The records of these organizations or naming these programs (by program id), in one query. */
export async function idsByOrganizationOrProgram(
  manager: EntityManager,
  { table, organizationColumn }: RecordTable,
  organizationIds: string[],
  programIds: string[],
): Promise<string[]> {
  if (organizationIds.length === 0 && programIds.length === 0) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM ${table}
      WHERE ${organizationColumn} = ANY($1)
         OR program_codes && (SELECT coalesce(array_agg(code), '{}') FROM program WHERE id = ANY($2))`,
    [organizationIds, programIds],
  );
  return rows.map((row) => row.id);
}

/** Up to `limit` ids after `after`, in id order: for paging through every record. */
export async function idsAfter(
  manager: EntityManager,
  { table }: RecordTable,
  after: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => row.id);
}

export async function countRecords(manager: EntityManager, { table }: RecordTable): Promise<number> {
  const [{ total }]: { total: number }[] = await manager.query(`SELECT count(*)::int AS total FROM ${table}`);
  return total;
}
