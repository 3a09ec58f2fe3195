import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  conditionToSql,
  meetsCondition,
  paginate,
  recordKey,
  type AttributeSql,
  type Page,
  type RecordKeyArgs,
  type RequestLoaders,
  type Viewer,
} from '#libs/core';
import { personAccountsSql, type Person } from '#libs/directory';
import { seedReadCondition, seedReviewCondition } from '../catalog.access.js';
import { countRecords, idsAfter, idsByOrganizationOrProgram, type RecordTable } from '../record-ids.js';
import { CatalogError } from '../catalog.errors.js';
import type { ProfileSeedsArgs } from './dto/profile-seeds.args.js';
import type { SeedsArgs } from './dto/seeds.args.js';
import { ResearchSeed, SeedStatus } from './research-seed.entity.js';

const SEEDS: RecordTable = { table: 'research_seed', organizationColumn: 'institution_id' };
/** The people listed on seeds: seed_researcher is the catalog's table, their accounts the directory's. */
const LISTED = 'seed_researcher listed';
const { accountOf, peopleOf } = personAccountsSql;
const LISTED_ACCOUNTS = `SELECT listed.seed_id, ${accountOf('listed.person_id')} AS account FROM ${LISTED}`;

/** The attributes of seedReadCondition as SQL over the alias `seed`. */
const SEED_ATTRIBUTES: AttributeSql = {
  status: (values) => `seed.status IN (:...${values})`,
  institution: (values) => `seed.institutionId IN (:...${values})`,
  listedUserIds: (values) =>
    `EXISTS (SELECT 1 FROM ${LISTED} WHERE listed.seed_id = seed.id AND listed.person_id IN (${peopleOf(`:...${values}`)}))`,
};

/** Reading seeds: every viewer's read goes through seedReadCondition. */
@Injectable()
export class SeedQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: RecordKeyArgs, viewer: Viewer): Promise<ResearchSeed> {
    const key = recordKey(args);
    const seed = key.searchable
      ? await this.visible(viewer).andWhere(`seed.${key.column} = :value`, { value: key.value }).getOne()
      : null;
    if (!seed) throw CatalogError.seedNotFound(key.value, key.path);
    return seed;
  }

  list(args: SeedsArgs, viewer: Viewer): Promise<Page<ResearchSeed>> {
    const query = this.visible(viewer);
    query.andWhere('seed.status IN (:...statuses)', {
      statuses: args.statuses?.length ? args.statuses : [SeedStatus.PUBLISHED],
    });
    if (args.fields?.length) query.andWhere('seed.fields && :fields', { fields: args.fields });
    if (args.collaborationTypes?.length)
      query.andWhere('seed.collaborationTypes && :types', { types: args.collaborationTypes });
    if (args.programCodes?.length)
      query.andWhere('seed.programCodes && :programs', { programs: args.programCodes });
    if (args.institutionIds?.length)
      query.andWhere('seed.institutionId IN (:...institutions)', { institutions: args.institutionIds });
    if (args.trlMin) query.andWhere('seed.trl >= :trlMin', { trlMin: args.trlMin });
    if (args.trlMax) query.andWhere('seed.trl <= :trlMax', { trlMax: args.trlMax });
    return paginate(query, args);
  }

  /** The seeds a person is listed on, as this viewer may see them (published only unless asked and allowed). */
  ofPerson(personId: string, args: ProfileSeedsArgs, viewer: Viewer): Promise<Page<ResearchSeed>> {
    const query = this.visibleIn(viewer, args.statuses).andWhere(
      `EXISTS (SELECT 1 FROM ${LISTED} WHERE listed.seed_id = seed.id AND listed.person_id = :personId)`,
      { personId },
    );
    return paginate(query, args);
  }

  /** The seeds of an institution, as this viewer may see them (published only unless asked and allowed). */
  ofInstitution(institutionId: string, args: ProfileSeedsArgs, viewer: Viewer): Promise<Page<ResearchSeed>> {
    const query = this.visibleIn(viewer, args.statuses).andWhere('seed.institutionId = :institutionId', {
      institutionId,
    });
    return paginate(query, args);
  }

  /** The seeds among `ids` this viewer may see, in one query (search hits are checked again here, as the index may lag). */
  visibleByIds(ids: string[], viewer: Viewer): Promise<ResearchSeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.visible(viewer).andWhere('seed.id IN (:...ids)', { ids }).getMany();
  }

  /**
   * Whether a published seed is past its review date; shown to coordinators
   * and the researchers of its institution, null for everyone else.
   */
  needsReview(seed: ResearchSeed, viewer: Viewer): boolean | null {
    if (!meetsCondition(seedReviewCondition(viewer), { institution: seed.institutionId })) return null;
    return (
      seed.status === SeedStatus.PUBLISHED &&
      seed.reviewDueAt !== null &&
      seed.reviewDueAt.getTime() < Date.now()
    );
  }

  /** Researchers of many seeds in one query. */
  researchersLoader(loaders: RequestLoaders) {
    return loaders.get<string, Person[]>('catalog.seedResearchers', async (seedIds) => {
      const seeds = await this.dataSource.manager
        .createQueryBuilder(ResearchSeed, 'seed')
        .leftJoinAndSelect('seed.researchers', 'person')
        .where('seed.id IN (:...ids)', { ids: [...seedIds] })
        .getMany();
      const byId = new Map(seeds.map((seed) => [seed.id, seed.researchers ?? []]));
      return seedIds.map((id) => byId.get(id) ?? []);
    });
  }

  /** Whether the account is one of the researchers listed on the seed. */
  async isListed(seedId: string, userId: string, manager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${LISTED} WHERE listed.seed_id = $1 AND listed.person_id IN (${peopleOf('$2')}) LIMIT 1`,
      [seedId, userId],
    );
    return rows.length > 0;
  }

  /** Whether any seed, in any status, lists the person. */
  async listsPerson(personId: string, manager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${LISTED} WHERE listed.person_id = $1 LIMIT 1`,
      [personId],
    );
    return rows.length > 0;
  }

  /** The accounts of the researchers listed on the seed (people without an account are left out). */
  async listedUserIds(seedId: string, manager = this.dataSource.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT account AS user_id FROM (${LISTED_ACCOUNTS} WHERE listed.seed_id = $1) listed_accounts
        WHERE account IS NOT NULL`,
      [seedId],
    );
    return rows.map((row) => row.user_id);
  }

  /** seed id → the accounts of the researchers listed on it, for many seeds in one query (none listed: absent). */
  async listedUserIdsBySeed(
    seedIds: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    if (seedIds.length === 0) return new Map();
    const rows: { seed_id: string; user_ids: string[] }[] = await manager.query(
      `SELECT seed_id, array_agg(DISTINCT account::text) AS user_ids
         FROM (${LISTED_ACCOUNTS} WHERE listed.seed_id = ANY($1)) listed_accounts
        WHERE account IS NOT NULL GROUP BY seed_id`,
      [seedIds],
    );
    return new Map(rows.map((row) => [row.seed_id, row.user_ids]));
  }

  /** Seeds of these institutions or naming these programs (ids), whatever their status: what their changes touch. */
  idsFor(
    { institutionIds, programIds }: { institutionIds: string[]; programIds: string[] },
    manager = this.dataSource.manager,
  ): Promise<string[]> {
    return idsByOrganizationOrProgram(manager, SEEDS, institutionIds, programIds);
  }

  /** Every seed's id, a page at a time in id order (no visibility filter: for indexing). */
  idsAfter(after: string, limit: number, manager = this.dataSource.manager): Promise<string[]> {
    return idsAfter(manager, SEEDS, after, limit);
  }

  /** How many seeds there are, in every status. */
  count(manager = this.dataSource.manager): Promise<number> {
    return countRecords(manager, SEEDS);
  }

  /** The seeds the account is listed on as a researcher, whatever their status. */
  async seedIdsListing(userId: string, manager = this.dataSource.manager): Promise<string[]> {
    const rows: { seed_id: string }[] = await manager.query(
      `SELECT DISTINCT listed.seed_id FROM ${LISTED} WHERE listed.person_id IN (${peopleOf('$1')})`,
      [userId],
    );
    return rows.map((row) => row.seed_id);
  }

  /**
   * Seeds by id with NO visibility filter: for background processes (matching,
   * indexing, e-mail) and for rules that decide visibility themselves. Never
   * hand the result to a viewer unchecked; use get or visibleByIds for that.
   */
  loadByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<ResearchSeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(ResearchSeed, { id: In(ids) });
  }

  /** Seeds this viewer may see in these statuses (published when none are given). */
  private visibleIn(viewer: Viewer, statuses: SeedStatus[] | undefined): SelectQueryBuilder<ResearchSeed> {
    return this.visible(viewer).andWhere('seed.status IN (:...statuses)', {
      statuses: statuses?.length ? statuses : [SeedStatus.PUBLISHED],
    });
  }

  /** Seeds this viewer may see at all: published ones, plus drafts and archives for staff and listed researchers. */
  private visible(viewer: Viewer): SelectQueryBuilder<ResearchSeed> {
    return this.dataSource.manager
      .createQueryBuilder(ResearchSeed, 'seed')
      .where(conditionToSql(seedReadCondition(viewer), SEED_ATTRIBUTES));
  }

  /** Seeds naming the program that were published in [start, end): every status, for staff reports. */
  countPublished(programCode: string, start: Date, end: Date): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(ResearchSeed, 'seed')
      .where(':code = ANY(seed.programCodes)', { code: programCode })
      .andWhere('seed.publishedAt >= :start AND seed.publishedAt < :end', { start, end })
      .getCount();
  }
}
