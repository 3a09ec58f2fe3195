import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccessService,
  bilingual,
  CoreError,
  patchRecord,
  uniqueOr,
  VersionedWriter,
  type RecordVersionInput,
  isStaff,
  type SignedInViewer,
} from '#libs/core';
import { OrganizationService } from '#libs/directory';
import { CatalogError } from '../catalog.errors.js';
import { NEED_CHANGES } from '../catalog.topics.js';
import { ProgramService } from '../program/program.service.js';
import { cleanList } from '../text-lists.js';
import { CompanyNeed, NeedConfidentiality, NeedStatus } from './company-need.entity.js';
import type { CreateNeedInput } from './dto/create-need.input.js';
import type { UpdateNeedInput } from './dto/update-need.input.js';

const COMPANY_TYPES = new Set(['company', 'startup']);

const needWriter = new VersionedWriter<CompanyNeed>({
  entity: CompanyNeed,
  auditType: 'need',
  topic: NEED_CHANGES,
  snapshot: (need) => ({
    companyId: need.companyId,
    title: { ...need.title },
    description: { ...need.description },
    fields: need.fields,
    desiredCollaboration: need.desiredCollaboration,
    trlMin: need.trlMin,
    trlMax: need.trlMax,
    programCodes: need.programCodes,
    confidentiality: need.confidentiality,
    status: need.status,
    deadline: need.deadline,
  }),
  notFound: (id) => CatalogError.needNotFound(id, 'input.id'),
});

/** Writing needs: post, edit, close; each change audited in its transaction. */
@Injectable()
export class NeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly organizations: OrganizationService,
    private readonly programs: ProgramService,
  ) {}

  async create(input: CreateNeedInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    await this.access.requireAccess({ viewer, permission: 'need.create', ids: [input.companyId] });
    if (input.externalId && !isStaff(viewer)) throw CatalogError.externalIdForImports();
    await this.assertCompany(input.companyId);
    await this.programs.assertKnown(cleanList(input.programCodes));
    const need = this.dataSource.manager.create(CompanyNeed, {
      externalId: input.externalId ?? null,
      companyId: input.companyId,
      title: bilingual(input.title),
      description: bilingual(input.description),
      fields: cleanList(input.fields),
      desiredCollaboration: cleanList(input.desiredCollaboration),
      trlMin: input.trlMin ?? null,
      trlMax: input.trlMax ?? null,
      programCodes: cleanList(input.programCodes),
      confidentiality: input.confidentiality ?? NeedConfidentiality.COORDINATORS,
      status: NeedStatus.OPEN,
      deadline: input.deadline ?? null,
      createdByUserId: viewer.userId,
    });
    assertTrlRange(need);
    return uniqueOr(
      () => this.dataSource.transaction((manager) => needWriter.create(manager, need, viewer.userId)),
      () => (input.externalId ? CoreError.externalIdTaken(input.externalId) : null),
    );
  }

  update(input: UpdateNeedInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    return this.change(input, viewer, 'updated', async (need) => {
      if (input.programCodes) await this.programs.assertKnown(cleanList(input.programCodes));
      patchRecord(need, input, {
        transforms: {
          title: bilingual,
          description: bilingual,
          fields: cleanList,
          desiredCollaboration: cleanList,
          programCodes: cleanList,
        },
        clearable: ['trlMin', 'trlMax', 'deadline'],
      });
      assertTrlRange(need);
    });
  }

  close(input: RecordVersionInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    return this.change(input, viewer, 'closed', (need) => {
      if (need.status === NeedStatus.CLOSED) throw CatalogError.needAlreadyClosed();
      need.status = NeedStatus.CLOSED;
    });
  }

  /** A change by someone who may edit the need (one who may not even read it is told it does not exist). */
  private change(
    input: RecordVersionInput,
    viewer: SignedInViewer,
    action: string,
    edit: (need: CompanyNeed) => Promise<void> | void,
  ): Promise<CompanyNeed> {
    return this.dataSource.transaction((manager) =>
      needWriter.update(manager, {
        id: input.id,
        version: input.version,
        actorUserId: viewer.userId,
        action,
        authorize: (need) =>
          this.access.requireAccess({ viewer, permission: 'need.edit', ids: [need.id], manager }),
        edit,
      }),
    );
  }

  private async assertCompany(companyId: string) {
    const company = await this.organizations.find(companyId);
    if (!company) throw CatalogError.unknownReference('input.companyId', 'organization', companyId);
    if (!COMPANY_TYPES.has(company.type)) throw CatalogError.notACompany(company.type);
  }
}

function assertTrlRange(need: CompanyNeed) {
  if (need.trlMin !== null && need.trlMax !== null && need.trlMin > need.trlMax)
    throw CatalogError.trlRangeInverted();
}
