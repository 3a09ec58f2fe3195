import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import { paginate, recordKey, type Page, type RecordKeyArgs, type Viewer } from '#libs/core';
import { CompanyNeed, NeedConfidentiality, NeedStatus } from './company-need.entity.js';
import type { NeedsArgs } from './dto/need.input.js';
import { needVisibility } from './need-access.js';
import { CatalogError } from '../catalog-errors.js';

/** Reading needs: by id, by externalId and in lists, all through one visibility rule. */
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

  /** The needs among `ids` this viewer may see, in one query. */
  visibleByIds(ids: string[], viewer: Viewer): Promise<CompanyNeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.visible(viewer).andWhere('need.id IN (:...ids)', { ids }).getMany();
  }

  /** The visibility rule as SQL, so lists and counts can never include what a viewer may not see. */
  visible(viewer: Viewer): SelectQueryBuilder<CompanyNeed> {
    const query = this.dataSource.manager.createQueryBuilder(CompanyNeed, 'need');
    const visibility = needVisibility(viewer);
    if (visibility.kind === 'all') return query;
    if (visibility.kind === 'public')
      return query.where('need.confidentiality = :public', { public: NeedConfidentiality.PUBLIC });
    return query.where(
      new Brackets((where) =>
        where
          .where('need.confidentiality = :public', { public: NeedConfidentiality.PUBLIC })
          .orWhere('need.companyId = :ownCompany', { ownCompany: visibility.companyId }),
      ),
    );
  }
}
