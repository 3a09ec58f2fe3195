import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, In } from 'typeorm';
import {
  AccessService,
  audiencesOf,
  EVERYTHING,
  isStaff,
  idsAsAttribute,
  idsMeeting,
  meetsCondition,
  NOTHING,
  type RecordAttributes,
  type AccessCondition,
  type AccessPolicy,
  type AccessRequest,
  type Viewer,
} from '#libs/core';
import { CatalogError } from './catalog.errors.js';
import { CompanyNeed, NeedConfidentiality } from './need/company-need.entity.js';
import { ResearchSeed, SeedStatus } from './seed/research-seed.entity.js';

/**
 * Who reads which seeds, over a seed's `status`, `institution` and
 * `listedUserIds`: published ones, plus drafts and archives for staff and for
 * the researchers listed on them at their own institution.
 */
export function seedReadCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  const published: AccessCondition = { attribute: 'status', in: [SeedStatus.PUBLISHED] };
  if (viewer.kind !== 'user' || !audiencesOf(viewer).includes('researcher') || !viewer.organizationId)
    return published;
  return {
    any: [
      published,
      {
        all: [
          { attribute: 'institution', in: [viewer.organizationId] },
          { attribute: 'listedUserIds', in: [viewer.userId] },
        ],
      },
    ],
  };
}

/**
 * Who reads which needs, over a need's `confidentiality` and `company`. A need
 * for coordinators' eyes exists, for everyone but them and its company,
 * nowhere: not by id, not in lists, not in counts.
 */
export function needReadCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  const open: AccessCondition = { attribute: 'confidentiality', in: [NeedConfidentiality.PUBLIC] };
  if (viewer.kind !== 'user' || !audiencesOf(viewer).includes('company-member') || !viewer.organizationId)
    return open;
  return { any: [open, { attribute: 'company', in: [viewer.organizationId] }] };
}

/** Who is told that a published seed is due for review: staff and the people of its institution. */
export function seedReviewCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  if (viewer.kind !== 'user' || !viewer.organizationId) return NOTHING;
  return { attribute: 'institution', in: [viewer.organizationId] };
}

/** Staff, or a researcher of the seed's institution who is listed on it. */
function seedEditCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  if (viewer.kind !== 'user' || !viewer.organizationId) return NOTHING;
  return {
    all: [
      { attribute: 'institution', in: [viewer.organizationId] },
      { attribute: 'listedUserIds', in: [viewer.userId] },
    ],
  };
}

/** Staff for any institution; an approved researcher for their own. */
function seedCreateCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  if (viewer.kind !== 'user' || !audiencesOf(viewer).includes('researcher') || !viewer.organizationId)
    return NOTHING;
  return { attribute: 'institution', in: [viewer.organizationId] };
}

/** Staff for any company; an approved company member for their own (posting and editing alike). */
function needWriteCondition(viewer: Viewer): AccessCondition {
  if (isStaff(viewer)) return EVERYTHING;
  if (viewer.kind !== 'user' || !audiencesOf(viewer).includes('company-member') || !viewer.organizationId)
    return NOTHING;
  return { attribute: 'company', in: [viewer.organizationId] };
}

export const CATALOG_PERMISSIONS = [
  /** ids: seed ids */
  'seed.read',
  'seed.edit',
  /** ids: institution (organization) ids */
  'seed.create',
  /** ids: need ids */
  'need.read',
  'need.edit',
  /** ids: company (organization) ids */
  'need.create',
] as const;
export type CatalogPermission = (typeof CATALOG_PERMISSIONS)[number];

type CatalogRequest = AccessRequest<CatalogPermission> & { ids: Set<string> };

/** The catalog's access rules: one switch over its permissions, registered with the core AccessService. */
@Injectable()
export class CatalogAccessPolicy implements AccessPolicy<CatalogPermission>, OnModuleInit {
  readonly permissions = CATALOG_PERMISSIONS;

  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.access.register(this);
  }

  async allowed({ viewer, permission, ids, manager }: CatalogRequest): Promise<Set<string>> {
    switch (permission) {
      case 'seed.read':
        return idsMeeting(seedReadCondition(viewer), await this.seedAttributes(ids, manager));
      case 'seed.edit':
        return idsMeeting(seedEditCondition(viewer), await this.seedAttributes(ids, manager));
      case 'seed.create':
        return idsMeeting(seedCreateCondition(viewer), idsAsAttribute(ids, 'institution'));
      case 'need.read':
        return idsMeeting(needReadCondition(viewer), await this.needAttributes(ids, manager));
      case 'need.edit':
        return idsMeeting(needWriteCondition(viewer), await this.needAttributes(ids, manager));
      case 'need.create':
        return idsMeeting(needWriteCondition(viewer), idsAsAttribute(ids, 'company'));
    }
  }

  /** A record the viewer may not know of is not found; one they may read but not change is forbidden. */
  async denied({ viewer, permission, ids, manager }: CatalogRequest): Promise<CatalogError> {
    const [first] = ids;
    switch (permission) {
      case 'seed.read':
        return CatalogError.seedNotFound(first);
      case 'seed.edit': {
        // someone else's draft answers as if it did not exist: an error must not tell that it does
        const known = await this.seedAttributes(ids, manager);
        const readable = seedReadCondition(viewer);
        const hidden = [...ids].find((id) => {
          const seed = known.get(id);
          return !seed || !meetsCondition(readable, seed);
        });
        return hidden ? CatalogError.seedNotFound(hidden, 'input.id') : CatalogError.notListedOnSeed();
      }
      case 'seed.create':
        return CatalogError.notYourInstitution('input.institutionId');
      case 'need.read':
        return CatalogError.needNotFound(first);
      case 'need.edit': {
        const known = await this.needAttributes(ids, manager);
        const hidden = [...ids].find((id) => known.get(id)?.confidentiality !== NeedConfidentiality.PUBLIC);
        return hidden
          ? CatalogError.needNotFound(hidden, 'input.id')
          : CatalogError.notYourCompany('input.id');
      }
      case 'need.create':
        return CatalogError.notYourCompany('input.companyId');
    }
  }

  /** status, institution and listedUserIds of the seeds among `ids` that exist. */
  private async seedAttributes(
    ids: Set<string>,
    manager = this.dataSource.manager,
  ): Promise<RecordAttributes> {
    const wanted = [...ids].filter((id) => isUUID(id));
    if (wanted.length === 0) return new Map();
    const seeds = await manager
      .createQueryBuilder(ResearchSeed, 'seed')
      .leftJoin('seed.researchers', 'person')
      .select(['seed.id', 'seed.status', 'seed.institutionId', 'person.id', 'person.userId'])
      .where('seed.id IN (:...wanted)', { wanted })
      .getMany();
    return new Map(
      seeds.map((seed) => [
        seed.id,
        {
          status: seed.status,
          institution: seed.institutionId,
          listedUserIds: (seed.researchers ?? []).flatMap((person) => (person.userId ? [person.userId] : [])),
        },
      ]),
    );
  }

  /** confidentiality and company of the needs among `ids` that exist. */
  private async needAttributes(
    ids: Set<string>,
    manager = this.dataSource.manager,
  ): Promise<RecordAttributes> {
    const wanted = [...ids].filter((id) => isUUID(id));
    if (wanted.length === 0) return new Map();
    const needs = await manager.find(CompanyNeed, {
      select: { id: true, confidentiality: true, companyId: true },
      where: { id: In(wanted) },
    });
    return new Map(
      needs.map((need) => [need.id, { confidentiality: need.confidentiality, company: need.companyId }]),
    );
  }
}
