import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  paginate,
  recordKey,
  type Page,
  type RecordKeyArgs,
  type RequestLoaders,
  type Viewer,
} from '#libs/core';
import type { Person } from '#libs/directory';
import { CatalogError } from '../catalog-errors.js';
import type { SeedsArgs } from './dto/seed.input.js';
import { ResearchSeed, SeedStatus } from './research-seed.entity.js';
import { seedVisibility } from './seed-access.js';

/** Reading seeds: every path applies the same visibility rule. */
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

  /** The seeds among `ids` this viewer may see, in one query (search hits are checked again here, as the index may lag). */
  visibleByIds(ids: string[], viewer: Viewer): Promise<ResearchSeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.visible(viewer).andWhere('seed.id IN (:...ids)', { ids }).getMany();
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

  /** Seeds this viewer may see at all: published ones, plus drafts and archives for staff and listed researchers. */
  private visible(viewer: Viewer): SelectQueryBuilder<ResearchSeed> {
    const query = this.dataSource.manager.createQueryBuilder(ResearchSeed, 'seed');
    const visibility = seedVisibility(viewer);
    if (visibility.kind === 'all') return query;
    if (visibility.kind === 'published')
      return query.where('seed.status = :published', { published: SeedStatus.PUBLISHED });
    return query.where(
      new Brackets((where) =>
        where.where('seed.status = :published', { published: SeedStatus.PUBLISHED }).orWhere(
          `seed.institutionId = :viewerOrganization AND EXISTS (
             SELECT 1 FROM seed_researcher listed JOIN person ON person.id = listed.person_id
              WHERE listed.seed_id = seed.id AND person.user_id = :viewerUser)`,
          { viewerOrganization: visibility.organizationId, viewerUser: visibility.userId },
        ),
      ),
    );
  }
}
