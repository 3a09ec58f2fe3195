import type { EntityManager } from 'typeorm';
import { catalogueKeyOf, type BilingualText, type CatalogueKeyed } from '#libs/core';
import type { Organization, Person } from '#libs/directory';
import { CompanyNeed } from '../need/company-need.entity.js';
import { Program } from '../program/program.entity.js';
import { ResearchSeed } from '../seed/research-seed.entity.js';

function text(value: BilingualText): { ja?: string; en?: string } | undefined {
  const out: { ja?: string; en?: string } = {};
  if (value.ja) out.ja = value.ja;
  if (value.en) out.en = value.en;
  return out.ja || out.en ? out : undefined;
}

/** Drops absent values and empty lists, so a line carries only what the record says. */
function line(entries: [string, unknown][]): string {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    object[key] = value;
  }
  return JSON.stringify(object);
}

const byKey = <T extends CatalogueKeyed>(rows: T[]) =>
  rows.sort((a, b) => {
    const [keyA, keyB] = [catalogueKeyOf(a), catalogueKeyOf(b)];
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  });

const PAGE = 1000;
const SORT_KEY = 'COALESCE(row.external_id, row.id::text)';

/** A table in catalogue-key order, one page of PAGE rows in memory at a time. */
async function* pages<T extends CatalogueKeyed>(
  manager: EntityManager,
  entity: new () => T,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const query = manager.createQueryBuilder(entity, 'row');
    if (after !== null) query.where(`${SORT_KEY} > :after`, { after });
    const rows = await query.orderBy(SORT_KEY, 'ASC').limit(PAGE).getMany();
    if (rows.length === 0) return;
    yield rows;
    after = catalogueKeyOf(rows[rows.length - 1]);
  }
}

/** seed id → its researchers' person ids, for one page of seeds. */
async function researchersOf(manager: EntityManager, seedIds: string[]): Promise<Map<string, string[]>> {
  const rows: { seed_id: string; person_id: string }[] = await manager
    .createQueryBuilder()
    .select(['listed.seed_id AS seed_id', 'listed.person_id AS person_id'])
    .from('seed_researcher', 'listed')
    .where('listed.seed_id IN (:...seedIds)', { seedIds })
    .getRawMany();
  const bySeed = new Map<string, string[]>();
  for (const row of rows) bySeed.set(row.seed_id, [...(bySeed.get(row.seed_id) ?? []), row.person_id]);
  return bySeed;
}

/** The directory's part of the catalogue, read through its services by the caller. */
export interface DirectoryRecords {
  organizations: Organization[];
  people: Person[];
}

/**
 * The whole catalogue in the import format (shared spec import-format.md):
 * programs, organizations, people, seeds, needs, each kind in externalId
 * order, so exporting the same data twice gives the same bytes.
 */
export async function* exportCatalog(
  manager: EntityManager,
  directory: DirectoryRecords,
): AsyncGenerator<string> {
  const programs = byKey(
    (await manager.find(Program)).map((program) => Object.assign(program, { externalId: program.code })),
  );
  for (const program of programs) {
    yield line([
      ['kind', 'program'],
      ['externalId', program.code],
      ['name', text(program.name)],
      ['description', text(program.description)],
    ]);
  }

  const organizations = byKey(directory.organizations);
  const organizationKey = new Map(
    organizations.map((organization) => [organization.id, catalogueKeyOf(organization)]),
  );
  for (const o of organizations) {
    yield line([
      ['kind', 'organization'],
      ['externalId', catalogueKeyOf(o)],
      ['name', text(o.name)],
      ['type', o.type],
      ['prefecture', o.prefecture],
      ['city', o.city],
      ['website', o.website],
      ['description', text(o.description)],
    ]);
  }

  const people = byKey(directory.people);
  const personKey = new Map(people.map((person) => [person.id, catalogueKeyOf(person)]));
  for (const p of people) {
    yield line([
      ['kind', 'person'],
      ['externalId', catalogueKeyOf(p)],
      ['name', text(p.name)],
      ['organization', organizationKey.get(p.organizationId)],
      ['role', p.role],
      ['title', p.title],
      ['email', p.email],
    ]);
  }

  // seeds and needs can be many: streamed in key order, a page at a time
  for await (const page of pages(manager, ResearchSeed)) {
    const researchers = await researchersOf(
      manager,
      page.map((seed) => seed.id),
    );
    for (const s of page) {
      yield line([
        ['kind', 'seed'],
        ['externalId', catalogueKeyOf(s)],
        ['title', text(s.title)],
        ['summary', text(s.summary)],
        ['keywords', s.keywords],
        ['fields', s.fields],
        ['institution', organizationKey.get(s.institutionId)],
        ['researchers', (researchers.get(s.id) ?? []).map((id) => personKey.get(id)).sort()],
        ['trl', s.trl],
        ['ipStatus', s.ipStatus],
        ['patents', s.patents],
        ['collaborationTypes', s.collaborationTypes],
        ['applications', s.applications],
        ['programs', s.programCodes],
        ['status', s.status],
        ['publishedAt', s.publishedAt?.toISOString()],
      ]);
    }
  }

  for await (const page of pages(manager, CompanyNeed)) {
    for (const n of page) {
      yield line([
        ['kind', 'need'],
        ['externalId', catalogueKeyOf(n)],
        ['company', organizationKey.get(n.companyId)],
        ['title', text(n.title)],
        ['description', text(n.description)],
        ['fields', n.fields],
        ['desiredCollaboration', n.desiredCollaboration],
        [
          'trlRange',
          n.trlMin !== null || n.trlMax !== null ? { min: n.trlMin ?? 1, max: n.trlMax ?? 9 } : undefined,
        ],
        ['programs', n.programCodes],
        ['confidentiality', n.confidentiality],
        ['status', n.status],
        ['deadline', n.deadline],
      ]);
    }
  }
}
