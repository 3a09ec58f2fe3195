import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppConfig,
  bilingual,
  isUniqueViolation,
  recordAudit,
  recordChange,
  type RecordVersionInput,
  type SignedInViewer,
} from '#libs/core';
import { Organization, Person, PersonService } from '#libs/directory';
import { AccountService } from '#libs/identity';
import { CatalogError, CatalogErrorCode } from '../catalog-errors.js';
import { ProgramService } from '../program/program.service.js';
import { cleanList } from '../text-lists.js';
import type { CreateSeedInput, UpdateSeedInput } from './dto/seed.input.js';
import { ResearchSeed, SeedStatus } from './research-seed.entity.js';
import { assertMayCreateFor, assertMayEdit } from './seed-access.js';
import { SEED_CHANGES } from '../catalog-topics.js';

/** What the audit log records of a seed. */
function snapshot(seed: ResearchSeed, researcherIds: string[]) {
  return {
    title: { ...seed.title },
    summary: { ...seed.summary },
    keywords: seed.keywords,
    fields: seed.fields,
    institutionId: seed.institutionId,
    researcherIds: [...researcherIds].sort(),
    trl: seed.trl,
    ipStatus: seed.ipStatus,
    patents: seed.patents,
    collaborationTypes: seed.collaborationTypes,
    applications: seed.applications,
    programCodes: seed.programCodes,
    status: seed.status,
    publishedAt: seed.publishedAt,
    reviewDueAt: seed.reviewDueAt,
  };
}

/** Writing seeds: create, edit, publish, archive, renew; each change audited in its transaction. */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly accounts: AccountService,
    private readonly people: PersonService,
    private readonly programs: ProgramService,
  ) {}

  async create(input: CreateSeedInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    assertMayCreateFor(viewer, input.institutionId);
    await this.assertReferences(input.institutionId, input.programCodes);
    return this.unique(input.externalId, () =>
      this.dataSource.transaction(async (manager) => {
        const researchers = await this.researchersFor(
          manager,
          input.researcherIds ?? [],
          viewer,
          'input.researcherIds',
        );
        const seed = manager.create(ResearchSeed, {
          externalId: input.externalId ?? null,
          title: bilingual(input.title),
          summary: bilingual(input.summary),
          keywords: cleanList(input.keywords),
          fields: cleanList(input.fields),
          institutionId: input.institutionId,
          researchers,
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
        const saved = await manager.save(seed);
        await recordAudit(manager, {
          actorUserId: viewer.userId,
          entityType: 'seed',
          entityId: saved.id,
          action: 'created',
          before: null,
          after: snapshot(
            saved,
            researchers.map((p) => p.id),
          ),
        });
        await recordChange(manager, SEED_CHANGES, [saved.id]);
        return saved;
      }),
    );
  }

  update(input: UpdateSeedInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'updated', async (manager, seed) => {
      if (input.programCodes) await this.assertReferences(seed.institutionId, input.programCodes);
      if (input.title) seed.title = bilingual(input.title);
      if (input.summary) seed.summary = bilingual(input.summary);
      if (input.keywords) seed.keywords = cleanList(input.keywords);
      if (input.fields) seed.fields = cleanList(input.fields);
      if (input.researcherIds)
        seed.researchers = await this.researchersFor(
          manager,
          input.researcherIds,
          viewer,
          'input.researcherIds',
        );
      if (input.trl !== undefined) seed.trl = input.trl ?? null;
      if (input.ipStatus) seed.ipStatus = input.ipStatus;
      if (input.patents) seed.patents = cleanList(input.patents);
      if (input.collaborationTypes) seed.collaborationTypes = cleanList(input.collaborationTypes);
      if (input.applications) seed.applications = cleanList(input.applications);
      if (input.programCodes) seed.programCodes = cleanList(input.programCodes);
      if (seed.status === SeedStatus.PUBLISHED) assertPublishable(seed);
    });
  }

  /** Readers in industry rank readiness first: no TRL or collaboration type, no publishing. */
  publish(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'published', async (_manager, seed) => {
      if (seed.status !== SeedStatus.DRAFT) throw illegalChange(seed.status, 'published');
      assertPublishable(seed);
      seed.status = SeedStatus.PUBLISHED;
      seed.publishedAt = new Date();
      seed.reviewDueAt = this.reviewDate(seed.publishedAt);
    });
  }

  archive(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'archived', async (_manager, seed) => {
      if (seed.status === SeedStatus.ARCHIVED) throw illegalChange(seed.status, 'archived');
      seed.status = SeedStatus.ARCHIVED;
    });
  }

  /** Confirms a published seed is current: the review date moves a full period ahead. */
  renew(input: RecordVersionInput, viewer: SignedInViewer): Promise<ResearchSeed> {
    return this.change(input, viewer, 'renewed', async (_manager, seed) => {
      if (seed.status !== SeedStatus.PUBLISHED) throw illegalChange(seed.status, 'renewed');
      seed.reviewDueAt = this.reviewDate(new Date());
    });
  }

  reviewDate(from: Date): Date {
    const due = new Date(from);
    due.setMonth(due.getMonth() + this.config.SEED_REVIEW_MONTHS);
    return due;
  }

  /** Loads, locks, checks version and permission, applies `edit`, saves and audits: one transaction. */
  private change(
    input: { id: string; version: number },
    viewer: SignedInViewer,
    action: string,
    edit: (manager: EntityManager, seed: ResearchSeed) => Promise<void>,
  ): Promise<ResearchSeed> {
    return this.dataSource.transaction(async (manager) => {
      const seed = await manager.findOne(ResearchSeed, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!seed) throw CatalogError.seedNotFound(input.id, 'input.id');
      seed.researchers = await manager
        .createQueryBuilder()
        .relation(ResearchSeed, 'researchers')
        .of(seed)
        .loadMany<Person>();
      assertMayEdit(
        viewer,
        seed,
        seed.researchers.map((person) => person.userId).filter((id): id is string => Boolean(id)),
      );
      if (seed.version !== input.version) throw CatalogError.staleVersion(seed.version);
      const before = snapshot(
        seed,
        seed.researchers.map((person) => person.id),
      );
      await edit(manager, seed);
      const saved = await manager.save(seed);
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'seed',
        entityId: seed.id,
        action,
        before,
        after: snapshot(
          saved,
          (saved.researchers ?? []).map((p) => p.id),
        ),
      });
      await recordChange(manager, SEED_CHANGES, [seed.id]);
      return saved;
    });
  }

  /** The named people, plus the acting researcher (a researcher is always listed on what they write). */
  private async researchersFor(
    manager: EntityManager,
    ids: string[],
    viewer: SignedInViewer,
    path: string,
  ): Promise<Person[]> {
    const unique = [...new Set(ids)];
    const found = await this.people.findByIds(unique, manager);
    const missing = unique.filter((id) => !found.some((person) => person.id === id));
    if (missing.length) throw CatalogError.unknownReference(path, 'person', missing.join(', '));
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

  private async assertReferences(institutionId: string, programCodes: string[] | undefined) {
    if (!(await this.dataSource.manager.existsBy(Organization, { id: institutionId }))) {
      throw CatalogError.unknownReference('input.institutionId', 'organization', institutionId);
    }
    const unknown = await this.programs.unknownCodes(cleanList(programCodes));
    if (unknown.length)
      throw CatalogError.unknownReference('input.programCodes', 'program', unknown.join(', '));
  }

  private async unique<T>(externalId: string | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (externalId && isUniqueViolation(error)) throw CatalogError.externalIdTaken(externalId);
      throw error;
    }
  }
}

function assertPublishable(seed: ResearchSeed) {
  const fields = [
    ...(seed.trl ? [] : [{ path: 'trl', messages: ['a published seed states its TRL (1-9)'] }]),
    ...(seed.collaborationTypes.length
      ? []
      : [
          {
            path: 'collaborationTypes',
            messages: ['a published seed offers at least one collaboration type'],
          },
        ]),
  ];
  if (fields.length === 0) return;
  throw new CatalogError(
    CatalogErrorCode.NotPublishable,
    {
      ja: '公開するには TRL と連携形態（1つ以上）の記入が必要です',
      en: 'To publish, a seed needs its TRL and at least one collaboration type',
    },
    fields,
  );
}

function illegalChange(from: SeedStatus, to: string) {
  return new CatalogError(
    CatalogErrorCode.IllegalStatusChange,
    { ja: `${from} のシーズは ${to} にできません`, en: `A ${from} seed cannot be ${to}` },
    [{ path: 'input.id', messages: [`seed is ${from}`] }],
  );
}
