import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  bilingual,
  isUniqueViolation,
  recordAudit,
  recordChange,
  type RecordVersionInput,
  type SignedInViewer,
} from '#libs/core';
import { Organization } from '#libs/directory';
import { CatalogError, CatalogErrorCode } from '../catalog-errors.js';
import { ProgramService } from '../program/program.service.js';
import { cleanList } from '../text-lists.js';
import { CompanyNeed, NeedConfidentiality, NeedStatus } from './company-need.entity.js';
import type { CreateNeedInput, UpdateNeedInput } from './dto/need.input.js';
import { assertMayWriteFor } from './need-access.js';
import { NEED_CHANGES } from '../catalog-topics.js';

const COMPANY_TYPES = new Set(['company', 'startup']);

function snapshot(need: CompanyNeed) {
  return {
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
  };
}

/** Writing needs: post, edit, close; each change audited in its transaction. */
@Injectable()
export class NeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramService,
  ) {}

  async create(input: CreateNeedInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    assertMayWriteFor(viewer, input.companyId, 'input.companyId');
    await this.assertCompany(input.companyId);
    await this.assertPrograms(input.programCodes);
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
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(need);
        await recordAudit(manager, {
          actorUserId: viewer.userId,
          entityType: 'need',
          entityId: saved.id,
          action: 'created',
          before: null,
          after: snapshot(saved),
        });
        await recordChange(manager, NEED_CHANGES, [saved.id]);
        return saved;
      });
    } catch (error) {
      if (input.externalId && isUniqueViolation(error)) throw CatalogError.externalIdTaken(input.externalId);
      throw error;
    }
  }

  update(input: UpdateNeedInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    return this.change(input, viewer, 'updated', async (need) => {
      if (input.programCodes) await this.assertPrograms(input.programCodes);
      if (input.title) need.title = bilingual(input.title);
      if (input.description) need.description = bilingual(input.description);
      if (input.fields) need.fields = cleanList(input.fields);
      if (input.desiredCollaboration) need.desiredCollaboration = cleanList(input.desiredCollaboration);
      if (input.trlMin !== undefined) need.trlMin = input.trlMin ?? null;
      if (input.trlMax !== undefined) need.trlMax = input.trlMax ?? null;
      if (input.programCodes) need.programCodes = cleanList(input.programCodes);
      if (input.confidentiality) need.confidentiality = input.confidentiality;
      if (input.deadline !== undefined) need.deadline = input.deadline ?? null;
      assertTrlRange(need);
    });
  }

  close(input: RecordVersionInput, viewer: SignedInViewer): Promise<CompanyNeed> {
    return this.change(input, viewer, 'closed', async (need) => {
      if (need.status === NeedStatus.CLOSED) {
        throw new CatalogError(
          CatalogErrorCode.IllegalStatusChange,
          { ja: 'このニーズは既に締め切られています', en: 'This need is already closed' },
          [{ path: 'input.id', messages: ['already closed'] }],
        );
      }
      need.status = NeedStatus.CLOSED;
    });
  }

  private change(
    input: { id: string; version: number },
    viewer: SignedInViewer,
    action: string,
    edit: (need: CompanyNeed) => Promise<void>,
  ) {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const need = await manager.findOne(CompanyNeed, {
        where: { id: input.id },
        lock: { mode: 'pessimistic_write' },
      });
      // a confidential need the viewer may not touch is, to them, a need that does not exist
      if (!need || (!mayTouch(viewer, need) && need.confidentiality !== NeedConfidentiality.PUBLIC))
        throw CatalogError.needNotFound(input.id, 'input.id');
      assertMayWriteFor(viewer, need.companyId, 'input.id');
      if (need.version !== input.version) throw CatalogError.staleVersion(need.version);
      const before = snapshot(need);
      await edit(need);
      const saved = await manager.save(need);
      await recordAudit(manager, {
        actorUserId: viewer.userId,
        entityType: 'need',
        entityId: need.id,
        action,
        before,
        after: snapshot(saved),
      });
      await recordChange(manager, NEED_CHANGES, [need.id]);
      return saved;
    });
  }

  private async assertCompany(companyId: string) {
    const company = await this.dataSource.manager.findOneBy(Organization, { id: companyId });
    if (!company) throw CatalogError.unknownReference('input.companyId', 'organization', companyId);
    if (!COMPANY_TYPES.has(company.type)) {
      throw new CatalogError(
        CatalogErrorCode.InvalidValue,
        { ja: 'ニーズは企業・ベンチャーが登録します', en: 'Needs belong to a company or startup' },
        [{ path: 'input.companyId', messages: [`a ${company.type} cannot post needs`] }],
      );
    }
  }

  private async assertPrograms(codes: string[] | undefined) {
    const unknown = await this.programs.unknownCodes(cleanList(codes));
    if (unknown.length)
      throw CatalogError.unknownReference('input.programCodes', 'program', unknown.join(', '));
  }
}

function mayTouch(viewer: SignedInViewer, need: CompanyNeed): boolean {
  try {
    assertMayWriteFor(viewer, need.companyId, 'input.id');
    return true;
  } catch {
    return false;
  }
}

function assertTrlRange(need: CompanyNeed) {
  if (need.trlMin !== null && need.trlMax !== null && need.trlMin > need.trlMax) {
    throw new CatalogError(
      CatalogErrorCode.InvalidValue,
      { ja: 'TRL の下限が上限を超えています', en: 'trlMin is above trlMax' },
      [{ path: 'input.trlMax', messages: ['trlMax must be at least trlMin'] }],
    );
  }
}
