import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import {
  bilingual,
  byKeys,
  CoreError,
  findByCatalogueKeys,
  insertReturningIds,
  paginate,
  patchRecord,
  recordKey,
  taxonomy,
  uniqueOr,
  VersionedWriter,
  type Page,
  type RecordKeyArgs,
  type RequestLoaders,
  type SignedInViewer,
} from '#libs/core';
import { DirectoryError } from '../directory.errors.js';
import { ORGANIZATION_CHANGES } from '../directory.topics.js';
import type { CreateOrganizationInput } from './dto/create-organization.input.js';
import type { OrganizationsArgs } from './dto/organizations.args.js';
import type { UpdateMyOrganizationInput } from './dto/update-my-organization.input.js';
import type { UpdateOrganizationInput } from './dto/update-organization.input.js';
import { Organization } from './organization.entity.js';
import type { TaxonomyTerm } from './organization.model.js';

const EMPTY_TEXT = { ja: null, en: null };

/** Blank text is no text. */
const trimmedOrNull = (text: string) => text.trim() || null;

const writer = new VersionedWriter<Organization>({
  entity: Organization,
  auditType: 'organization',
  topic: ORGANIZATION_CHANGES,
  snapshot,
  notFound: (id) => DirectoryError.organizationNotFound(id, 'input.id'),
});

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

  /** The organizations with these ids (unknown ids are left out, order is not kept). */
  findByIds(ids: string[], manager: EntityManager = this.organizations.manager): Promise<Organization[]> {
    return ids.length ? manager.findBy(Organization, { id: In(ids) }) : Promise.resolve([]);
  }

  /** The organizations an imported catalogue names by these keys, by key (see findByCatalogueKeys). */
  findByCatalogueKeys(manager: EntityManager, keys: string[]): Promise<Map<string, Organization>> {
    return findByCatalogueKeys(manager, Organization, keys);
  }

  /**
   * Inserts a batch of imported organizations in the caller's transaction, in one statement;
   * their ids in order. The import records their audit and outbox rows with the batch's.
   */
  insertImported(manager: EntityManager, rows: Partial<Organization>[]): Promise<string[]> {
    return insertReturningIds(manager, Organization, rows);
  }

  /** Saves an organization the import changed, in its transaction (which audits the change). */
  async saveImported(manager: EntityManager, organization: Organization): Promise<void> {
    await manager.save(Organization, organization);
  }

  /** Every organization (the catalogue export writes them all). */
  all(manager: EntityManager = this.organizations.manager): Promise<Organization[]> {
    return manager.find(Organization);
  }

  /** Whether the directory holds any organization yet (the demo catalogue fills an empty one). */
  any(): Promise<boolean> {
    return this.organizations.exists();
  }

  /** A per-request loader, so a page of users resolves its organizations in one query. */
  loader(loaders: RequestLoaders) {
    return loaders.get<string, Organization>('directory.organization', async (ids) =>
      byKeys(ids, await this.findByIds([...ids]), (row) => row.id),
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

  /** The organization types of the taxonomy, with their labels. */
  types(): TaxonomyTerm[] {
    return taxonomy().organizationTypes.map(({ code, ja, en }) => ({ code, label: { ja, en } }));
  }

  async create(input: CreateOrganizationInput, actor: SignedInViewer): Promise<Organization> {
    const externalId = input.externalId?.trim() || null; // a blank key is no key
    await this.assertExternalIdFree(externalId);
    return uniqueOr(
      () =>
        this.organizations.manager.transaction((manager) =>
          writer.create(
            manager,
            manager.create(Organization, {
              type: input.type,
              name: bilingual(input.name),
              description: bilingual(input.description ?? EMPTY_TEXT),
              prefecture: input.prefecture?.trim() || null,
              city: input.city?.trim() || null,
              website: input.website ?? null,
              externalId,
            }),
            actor.userId,
          ),
        ),
      // a concurrent create took the externalId between the check and the insert
      () => (externalId ? CoreError.externalIdTaken(externalId) : null),
    );
  }

  /** Applies an edit only if nobody changed the organization since `input.version`. */
  update(input: UpdateOrganizationInput, actor: SignedInViewer): Promise<Organization> {
    return this.organizations.manager.transaction((manager) =>
      writer.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: actor.userId,
        action: 'updated',
        edit: (organization) =>
          patchRecord(organization, input, {
            transforms: {
              name: bilingual,
              description: bilingual,
              prefecture: trimmedOrNull,
              city: trimmedOrNull,
            },
            clearable: ['prefecture', 'city', 'website'],
          }),
      }),
    );
  }

  /**
   * An approved member's edit of their own organization's page: description,
   * place and website only (name, type and key stay with coordinators).
   */
  updateOwn(input: UpdateMyOrganizationInput, member: SignedInViewer & { organizationId: string }) {
    return this.organizations.manager.transaction((manager) =>
      writer.update(manager, {
        id: member.organizationId,
        version: input.version,
        actorUserId: member.userId,
        action: 'updated',
        edit: (organization) =>
          patchRecord(organization, input, {
            transforms: { description: bilingual, prefecture: trimmedOrNull, city: trimmedOrNull },
            clearable: ['prefecture', 'city', 'website'],
          }),
      }),
    );
  }

  private async assertExternalIdFree(externalId: string | null) {
    if (!externalId) return;
    if (await this.organizations.existsBy({ externalId })) throw CoreError.externalIdTaken(externalId);
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
