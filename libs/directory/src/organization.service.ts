import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import {
  bilingual,
  byKeys,
  isUniqueViolation,
  paginate,
  recordAudit,
  recordChange,
  recordKey,
  type Page,
  type RecordKeyArgs,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { DirectoryError, DirectoryErrorCode } from './directory-errors.js';
import type {
  CreateOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './dto/organization.input.js';
import { Organization } from './organization.entity.js';
import { ORGANIZATION_CHANGES } from './directory-topics.js';

const EMPTY_TEXT = { ja: null, en: null };

@Injectable()
export class OrganizationService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  /** By id or by catalogue externalId. */
  async get(args: RecordKeyArgs): Promise<Organization> {
    const key = recordKey(args);
    const organization = key.searchable
      ? await this.organizations.findOneBy({ [key.column]: key.value })
      : null;
    if (!organization) throw DirectoryError.organizationNotFound(key.value, key.path);
    return organization;
  }

  find(id: string): Promise<Organization | null> {
    return this.organizations.findOneBy({ id });
  }

  /** A per-request loader, so a page of users resolves its organizations in one query. */
  loader(loaders: RequestLoaders) {
    return loaders.get<string, Organization>('directory.organization', async (ids) =>
      byKeys(ids, await this.organizations.findBy({ id: In([...ids]) }), (row) => row.id),
    );
  }

  list(args: OrganizationsArgs): Promise<Page<Organization>> {
    const query = this.organizations.createQueryBuilder('organization');
    if (args.types?.length) query.andWhere('organization.type IN (:...types)', { types: args.types });
    if (args.prefecture)
      query.andWhere('organization.prefecture = :prefecture', { prefecture: args.prefecture });
    if (args.nameContains) {
      const pattern = `%${args.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(organization.name.ja ILIKE :pattern OR organization.name.en ILIKE :pattern)', {
        pattern,
      });
    }
    return paginate(query, args);
  }

  async create(input: CreateOrganizationInput, actor: SignedInViewer): Promise<Organization> {
    const externalId = input.externalId?.trim() || null; // a blank key is no key
    await this.assertExternalIdFree(externalId);
    try {
      return await this.organizations.manager.transaction(async (manager) => {
        const organization = await manager.save(
          manager.create(Organization, {
            type: input.type,
            name: bilingual(input.name),
            description: bilingual(input.description ?? EMPTY_TEXT),
            prefecture: input.prefecture?.trim() || null,
            city: input.city?.trim() || null,
            website: input.website ?? null,
            externalId,
          }),
        );
        await recordAudit(manager, {
          actorUserId: actor.userId,
          entityType: 'organization',
          entityId: organization.id,
          action: 'created',
          before: null,
          after: snapshot(organization),
        });
        await recordChange(manager, ORGANIZATION_CHANGES, [organization.id]);
        return organization;
      });
    } catch (error) {
      // A concurrent create took the externalId between the check and the insert.
      if (externalId && isUniqueViolation(error)) {
        throw externalIdTaken(externalId);
      }
      throw error;
    }
  }

  /** Applies an edit only if nobody changed the organization since `input.version`. */
  async update(input: UpdateOrganizationInput, actor: SignedInViewer): Promise<Organization> {
    return this.organizations.manager.transaction(async (manager) => {
      const current = await manager.findOne(Organization, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw DirectoryError.organizationNotFound(input.id, 'input.id');
      if (current.version !== input.version) {
        throw new DirectoryError(
          DirectoryErrorCode.StaleVersion,
          {
            ja: `この組織は他の人が更新しました（最新の版は ${current.version}）。読み込み直してから編集してください`,
            en: `Someone else changed this organization (now at version ${current.version}); reload and edit again`,
          },
          [{ path: 'input.version', messages: [`current version is ${current.version}`] }],
        );
      }
      const beforeEdit = snapshot(current);
      if (input.type !== undefined && input.type !== null) current.type = input.type;
      if (input.name) current.name = bilingual(input.name);
      if (input.description) current.description = bilingual(input.description);
      if (input.prefecture !== undefined) current.prefecture = input.prefecture?.trim() || null;
      if (input.city !== undefined) current.city = input.city?.trim() || null;
      if (input.website !== undefined) current.website = input.website ?? null;
      const saved = await manager.save(current);
      await recordAudit(manager, {
        actorUserId: actor.userId,
        entityType: 'organization',
        entityId: saved.id,
        action: 'updated',
        before: beforeEdit,
        after: snapshot(saved),
      });
      await recordChange(manager, ORGANIZATION_CHANGES, [saved.id]);
      return saved;
    });
  }

  private async assertExternalIdFree(externalId: string | null) {
    if (!externalId) return;
    if (await this.organizations.existsBy({ externalId })) throw externalIdTaken(externalId);
  }
}

/** What the audit log records of an organization. */
function snapshot(o: Organization) {
  return {
    externalId: o.externalId,
    type: o.type,
    name: { ...o.name },
    description: { ...o.description },
    prefecture: o.prefecture,
    city: o.city,
    website: o.website,
  };
}

function externalIdTaken(externalId: string) {
  return new DirectoryError(
    DirectoryErrorCode.ExternalIdTaken,
    { ja: `externalId ${externalId} は既に使われています`, en: `externalId ${externalId} is already in use` },
    [{ path: 'input.externalId', messages: ['already in use'] }],
  );
}
