import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccessService,
  AppConfig,
  bilingual,
  CoreError,
  patchRecord,
  uniqueOr,
  VersionedWriter,
  type FieldProblem,
  type RecordVersionInput,
  isStaff,
  type SignedInViewer,
} from '#libs/core';
import { OrganizationService, PersonService, type Person } from '#libs/directory';
import { AccountService } from '#libs/identity';
import { CatalogError } from '../catalog.errors.js';
import { SEED_CHANGES } from '../catalog.topics.js';
import { ProgramService } from '../program/program.service.js';
import { cleanList } from '../text-lists.js';
import type { CreateSeedInput } from './dto/create-seed.input.js';
import type { UpdateSeedInput } from './dto/update-seed.input.js';
import { ResearchSeed, SeedStatus } from './research-seed.entity.js';

const seedWriter = new VersionedWriter<ResearchSeed>({
  entity: ResearchSeed,
  auditType: 'seed',
  topic: SEED_CHANGES,
  snapshot: (seed) => ({
    title: { ...seed.title },
    summary: { ...seed.summary },
    keywords: seed.keywords,
    fields: seed.fields,
    institutionId: seed.institutionId,
    researcherIds: (seed.researchers ?? []).map((person) => person.id).sort(),
    trl: seed.trl,
    ipStatus: seed.ipStatus,
    patents: seed.patents,
    collaborationTypes: seed.collaborationTypes,
    applications: seed.applications,
    programCodes: seed.programCodes,
    status: seed.status,
    publishedAt: seed.publishedAt,
    reviewDueAt: seed.reviewDueAt,
  }),
  notFound: (id) => CatalogError.seedNotFound(id, 'input.id'),
});

/** Writing seeds: create, edit, publish, archive, renew; each change audited in its transaction. */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly access: AccessService,
    private readonly accounts: AccountService,
    private readonly organizations: OrganizationService,
    private readonly people: PersonService,
    private readonly programs: ProgramService,
  ) {}

  async create(input: CreateSeedInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    await this.access.requireAccess({ viewer, permission: 'seed.create', ids: [input.institutionId] });
    if (input.externalId && !isStaff(viewer)) throw CatalogError.externalIdForImports();
    await this.assertInstitution(input.institutionId);
    await this.programs.assertKnown(cleanList(input.programCodes));
    const write = () =>
      this.dataSource.transaction(async (manager) => {
        const seed = manager.create(ResearchSeed, {
          externalId: input.externalId ?? null,
          title: bilingual(input.title),
          summary: bilingual(input.summary),
          keywords: cleanList(input.keywords),
          fields: cleanList(input.fields),
          institutionId: input.institutionId,
          researchers: await this.researchersFor(manager, input.researcherIds ?? [], viewer, []),
          trl: input.trl ?? null,
          ipStatus: input.ipStatus ?? 'none',
          patents: cleanList(input.patents),
          collaborationTypes: cleanList(input.collaborationTypes),
          applications: cleanList(input.applications),
          programCodes: cleanList(input.programCodes),
          status: SeedStatus.DRAFT,
          publishedAt: null,
          reviewDueAt: null,
          createdByUserId: viewer.userId,
        });
        return seedWriter.create(manager, seed, viewer.userId);
      });
    return uniqueOr(write, () => (input.externalId ? CoreError.externalIdTaken(input.externalId) : null));
  }

  update(input: UpdateSeedInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'updated', async (seed, manager) => {
      if (input.programCodes) await this.programs.assertKnown(cleanList(input.programCodes));
      patchRecord(seed, input, {
        transforms: {
          title: bilingual,
          summary: bilingual,
          keywords: cleanList,
          fields: cleanList,
          patents: cleanList,
          collaborationTypes: cleanList,
          applications: cleanList,
          programCodes: cleanList,
        },
        clearable: ['trl'],
        skip: ['researcherIds'],
      });
      if (input.researcherIds)
        seed.researchers = await this.researchersFor(
          manager,
          input.researcherIds,
          viewer,
          seed.researchers ?? [],
        );
      if (seed.status === SeedStatus.PUBLISHED) assertPublishable(seed);
    });
  }

  /** Readers in industry rank readiness first: no TRL or collaboration type, no publishing. */
  publish(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'published', (seed) => {
      if (seed.status !== SeedStatus.DRAFT) throw CatalogError.illegalSeedChange(seed.status, 'published');
      assertPublishable(seed);
      seed.status = SeedStatus.PUBLISHED;
      seed.publishedAt = new Date();
      seed.reviewDueAt = this.reviewDate(seed.publishedAt);
    });
  }

  archive(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'archived', (seed) => {
      if (seed.status === SeedStatus.ARCHIVED) throw CatalogError.illegalSeedChange(seed.status, 'archived');
      seed.status = SeedStatus.ARCHIVED;
    });
  }

  /** Confirms a published seed is current: the review date moves a full period ahead. */
  renew(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'renewed', (seed) => {
      if (seed.status !== SeedStatus.PUBLISHED) throw CatalogError.illegalSeedChange(seed.status, 'renewed');
      seed.reviewDueAt = this.reviewDate(new Date());
    });
  }

  private reviewDate(from: Date): Date {
    const due = new Date(from);
    due.setMonth(due.getMonth() + this.config.SEED_REVIEW_MONTHS);
    return due;
  }

  /** A change by someone who may edit the seed: its researchers are loaded first, for the rule and the audit. */
  private change(
    input: RecordVersionInput,
    viewer: SignedInViewer,
    action: string,
    edit: (seed: ResearchSeed, manager: EntityManager) => Promise<void> | void,
  ): Promise<ResearchSeed> {
    return this.dataSource.transaction((manager) =>
      seedWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: viewer.userId,
        action,
        authorize: async (seed) => {
          seed.researchers = await manager
            .createQueryBuilder()
            .relation(ResearchSeed, 'researchers')
            .of(seed)
            .loadMany<Person>();
          await this.access.requireAccess({ viewer, permission: 'seed.edit', ids: [seed.id], manager });
        },
        edit,
      }),
    );
  }

  /**
   * The named people, plus the acting researcher (a researcher is always
   * listed on what they write). Only staff add people of another institution
   * (`listed`: those already on the seed, who may stay).
   */
  private async researchersFor(
    manager: EntityManager,
    ids: string[],
    viewer: SignedInViewer,
    listed: Person[],
  ): Promise<Person[]> {
    const unique = [...new Set(ids)];
    const found = await this.people.findByIds(unique, manager);
    const missing = unique.filter((id) => !found.some((person) => person.id === id));
    if (missing.length)
      throw CatalogError.unknownReference('input.researcherIds', 'person', missing.join(', '));
    const foreign = found.filter(
      (person) =>
        person.organizationId !== viewer.organizationId && !listed.some((kept) => kept.id === person.id),
    );
    if (foreign.length && !isStaff(viewer))
      throw CatalogError.personOfOtherInstitution(foreign.map((person) => person.id));
    if (viewer.role !== 'researcher' || !viewer.organizationId) return found;
    const account = await this.accounts.get(viewer.userId);
    if (!account) return found;
    const self = await this.people.ensureForUser(manager, {
      userId: account.id,
      name: account.name,
      organizationId: viewer.organizationId,
      role: 'researcher',
    });
    return found.some((person) => person.id === self.id) ? found : [self, ...found];
  }

  private async assertInstitution(institutionId: string) {
    if (!(await this.organizations.find(institutionId)))
      throw CatalogError.unknownReference('input.institutionId', 'organization', institutionId);
  }
}

function assertPublishable(seed: ResearchSeed) {
  const fields: FieldProblem[] = [];
  if (!seed.trl) fields.push({ path: 'trl', messages: ['a published seed states its TRL (1-9)'] });
  if (!seed.collaborationTypes.length)
    fields.push({
      path: 'collaborationTypes',
      messages: ['a published seed offers at least one collaboration type'],
    });
  if (fields.length) throw CatalogError.notPublishable(fields);
}
