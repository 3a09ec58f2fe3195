import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  ANONYMOUS,
  conditionToSql,
  paginate,
  recordKey,
  type AttributeSql,
  type Page,
  type RecordKeyArgs,
  type Viewer,
} from '#libs/core';
import { needReadCondition } from '../catalog.access.js';
import { countRecords, idsAfter, idsByOrganizationOrProgram, type RecordTable } from '../record-ids.js';
import { CatalogError } from '../catalog.errors.js';
import { CompanyNeed, NeedStatus } from './company-need.entity.js';
import type { NeedsArgs } from './dto/needs.args.js';

const NEEDS: RecordTable = { table: 'company_need', organizationColumn: 'company_id' };

/** The attributes of needReadCondition as SQL over the alias `need`. */
const NEED_ATTRIBUTES: AttributeSql = {
  confidentiality: (values) => `need.confidentiality IN (:...${values})`,
  company: (values) => `need.companyId IN (:...${values})`,
};

/** Reading needs: by id, by externalId and in lists, all through needReadCondition. */
@Injectable()
export class NeedQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: RecordKeyArgs, viewer: Viewer): Promise<CompanyNeed> {
    const key = recordKey(args);
    const need = key.searchable
      ? await this.visible(viewer).andWhere(`need.${key.column} = :value`, { value: key.value }).getOne()
      : null;
    if (!need) throw CatalogError.needNotFound(key.value, key.path);
    return need;
  }

  list(args: NeedsArgs, viewer: Viewer): Promise<Page<CompanyNeed>> {
    const query = this.visible(viewer);
    query.andWhere('need.status IN (:...statuses)', {
      statuses: args.statuses?.length ? args.statuses : [NeedStatus.OPEN],
    });
    if (args.fields?.length) query.andWhere('need.fields && :fields', { fields: args.fields });
    if (args.programCodes?.length)
      query.andWhere('need.programCodes && :programs', { programs: args.programCodes });
    if (args.companyIds?.length)
      query.andWhere('need.companyId IN (:...companies)', { companies: args.companyIds });
    return paginate(query, args);
  }

  /**
   * How many open needs of a company anyone may read: counted as an anonymous
   * viewer whoever asks, so a confidential need never adds to it.
   */
  openPublicCount(companyId: string): Promise<number> {
    return this.visible(ANONYMOUS)
      .andWhere('need.companyId = :companyId', { companyId })
      .andWhere('need.status = :open', { open: NeedStatus.OPEN })
      .getCount();
  }

  /** The needs among `ids` this viewer may see, in one query. */
  visibleByIds(ids: string[], viewer: Viewer): Promise<CompanyNeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.visible(viewer).andWhere('need.id IN (:...ids)', { ids }).getMany();
  }

  /**
   * Needs by id with NO visibility filter: for background processes (matching,
   * indexing, e-mail) and for rules that decide visibility themselves. Never
   * hand the result to a viewer unchecked; use get or visibleByIds for that.
   */
  loadByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<CompanyNeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.findBy(CompanyNeed, { id: In(ids) });
  }

  /** Needs of these companies or naming these programs (ids), whatever their status: what their changes touch. */
  idsFor(
    { companyIds, programIds }: { companyIds: string[]; programIds: string[] },
    manager = this.dataSource.manager,
  ): Promise<string[]> {
    return idsByOrganizationOrProgram(manager, NEEDS, companyIds, programIds);
  }

  /** Every need's id, a page at a time in id order (no visibility filter: for indexing). */
  idsAfter(after: string, limit: number, manager = this.dataSource.manager): Promise<string[]> {
    return idsAfter(manager, NEEDS, after, limit);
  }

  /** How many needs there are, open or closed. */
  count(manager = this.dataSource.manager): Promise<number> {
    return countRecords(manager, NEEDS);
  }

  /** The read rule as SQL, so lists and counts never include what a viewer may not see. */
  private visible(viewer: Viewer): SelectQueryBuilder<CompanyNeed> {
    return this.dataSource.manager
      .createQueryBuilder(CompanyNeed, 'need')
      .where(conditionToSql(needReadCondition(viewer), NEED_ATTRIBUTES));
  }

  /** Needs naming the program that were created in [start, end), confidential ones included: for staff reports. */
  countCreated(programCode: string, start: Date, end: Date): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(CompanyNeed, 'need')
      .where(':code = ANY(need.programCodes)', { code: programCode })
      .andWhere('need.createdAt >= :start AND need.createdAt < :end', { start, end })
      .getCount();
  }
}
