import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChangeTopic } from '#libs/core';
import {
  NEED_CHANGES,
  NeedQueryService,
  PROGRAM_CHANGES,
  SEED_CHANGES,
  SeedQueryService,
} from '#libs/catalog';
import { ORGANIZATION_CHANGES, OrganizationService, type Organization } from '#libs/directory';
import type { IndexBatch, IndexName, SearchDocument } from '../engine/search-engine.js';
import {
  needDocument,
  seedDocument,
  type NeedSearchDocument,
  type SeedSearchDocument,
} from './search-documents.js';

/** Ids per read: the relay and reindex hand over thousands; each kind costs a few queries per chunk, never one per document. */
const CHUNK = 1000;

export interface RecordChange {
  topic: string;
  entityId: string;
}

/**
 * Builds search documents from the database's current state (idempotent),
 * reading each record through the lib that owns it. Records not found are
 * left out: the index deletes them.
 */
@Injectable()
export class SearchDocumentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seedQueries: SeedQueryService,
    private readonly needQueries: NeedQueryService,
    private readonly organizations: OrganizationService,
  ) {}

  /** Three queries: the seeds, their institutions, their listed researchers' accounts. */
  async seeds(ids: string[], manager = this.dataSource.manager): Promise<SeedSearchDocument[]> {
    const seeds = await this.seedQueries.loadByIds(ids, manager);
    if (seeds.length === 0) return [];
    const institutions = await this.organizationsById(
      seeds.map((seed) => seed.institutionId),
      manager,
    );
    const listed = await this.seedQueries.listedUserIdsBySeed(
      seeds.map((seed) => seed.id),
      manager,
    );
    return seeds.flatMap((seed) => {
      const institution = institutions.get(seed.institutionId);
      return institution ? [seedDocument(seed, institution, listed.get(seed.id) ?? [])] : [];
    });
  }

  /** Two queries: the needs and their companies. */
  async needs(ids: string[], manager = this.dataSource.manager): Promise<NeedSearchDocument[]> {
    const needs = await this.needQueries.loadByIds(ids, manager);
    if (needs.length === 0) return [];
    const companies = await this.organizationsById(
      needs.map((need) => need.companyId),
      manager,
    );
    return needs.flatMap((need) => {
      const company = companies.get(need.companyId);
      return company ? [needDocument(need, company)] : [];
    });
  }

  /** What each index must upsert and delete for a set of changes (organizations and programs fan out). */
  async batchesFor(
    changes: RecordChange[],
    manager = this.dataSource.manager,
  ): Promise<Record<IndexName, IndexBatch>> {
    const affected = await this.affectedBy(changes, manager);
    return {
      seeds: await this.batch('seeds', affected.seeds, manager),
      needs: await this.batch('needs', affected.needs, manager),
    };
  }

  /** The documents of any number of ids, CHUNK at a time. */
  async documents(index: IndexName, ids: string[], manager = this.dataSource.manager) {
    const documents: SearchDocument[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      documents.push(
        ...(index === 'seeds' ? await this.seeds(chunk, manager) : await this.needs(chunk, manager)),
      );
    }
    return documents;
  }

  /** Ids not found any more are deleted from the index. */
  private async batch(index: IndexName, ids: string[], manager: EntityManager): Promise<IndexBatch> {
    const upserts = await this.documents(index, ids, manager);
    const found = new Set(upserts.map((document) => document.id));
    return { upserts, deletes: ids.filter((id) => !found.has(id)) };
  }

  /** Which seeds and needs a batch of changes touches. */
  private async affectedBy(changes: RecordChange[], manager: EntityManager) {
    const of = (topic: ChangeTopic) => [
      ...new Set(changes.filter((change) => change.topic === topic).map((change) => change.entityId)),
    ];
    const organizationIds = of(ORGANIZATION_CHANGES);
    const programIds = of(PROGRAM_CHANGES);
    const seeds = await this.seedQueries.idsFor({ institutionIds: organizationIds, programIds }, manager);
    const needs = await this.needQueries.idsFor({ companyIds: organizationIds, programIds }, manager);
    return {
      seeds: [...new Set([...of(SEED_CHANGES), ...seeds])],
      needs: [...new Set([...of(NEED_CHANGES), ...needs])],
    };
  }

  /** How many records an index is built from. */
  count(index: IndexName, manager = this.dataSource.manager): Promise<number> {
    return index === 'seeds' ? this.seedQueries.count(manager) : this.needQueries.count(manager);
  }

  /** Up to `limit` ids of an index's records after `after`, in id order. */
  idsAfter(index: IndexName, after: string, limit: number): Promise<string[]> {
    const queries = index === 'seeds' ? this.seedQueries : this.needQueries;
    return queries.idsAfter(after, limit);
  }

  private async organizationsById(ids: string[], manager: EntityManager): Promise<Map<string, Organization>> {
    const organizations = await this.organizations.findByIds([...new Set(ids)], manager);
    return new Map(organizations.map((organization) => [organization.id, organization]));
  }
}
