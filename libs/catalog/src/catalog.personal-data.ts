import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  AccessService,
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from '#libs/core';
import { PersonService } from '#libs/directory';
import { CompanyNeed } from './need/company-need.entity.js';
import { ResearchSeed } from './seed/research-seed.entity.js';
import { SeedQueryService } from './seed/seed-query.service.js';

/**
 * The catalog's share: the seeds the account wrote or is listed on and the needs it wrote,
 * as far as the owner may still read them (a need of a company they have left stays its
 * company's). Closing keeps them: they are their institution's and company's catalogue.
 */
@Injectable()
export class CatalogPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'catalog';
  readonly layer = 3;

  constructor(
    private readonly personalData: PersonalDataService,
    private readonly access: AccessService,
    private readonly seeds: SeedQueryService,
    private readonly people: PersonService,
  ) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer }: DataOwner, manager: EntityManager) {
    const listed = new Set(await this.seeds.seedIdsListing(viewer.userId, manager));
    const written = await manager.find(ResearchSeed, {
      select: { id: true },
      where: { createdByUserId: viewer.userId },
    });
    const seedIds = await this.access.checkAccess({
      viewer,
      permission: 'seed.read',
      ids: [...listed, ...written.map((seed) => seed.id)],
      manager,
    });
    const seeds = await manager.find(ResearchSeed, {
      where: { id: In([...seedIds]) },
      order: { createdAt: 'ASC' },
    });
    const needs = await manager.find(CompanyNeed, {
      where: { createdByUserId: viewer.userId },
      order: { createdAt: 'ASC' },
    });
    const needIds = await this.access.checkAccess({
      viewer,
      permission: 'need.read',
      ids: needs.map((need) => need.id),
      manager,
    });
    return {
      seeds: seeds.map((seed) => ({
        id: seed.id,
        title: { ...seed.title },
        summary: { ...seed.summary },
        keywords: seed.keywords,
        status: seed.status,
        institutionId: seed.institutionId,
        youAreListed: listed.has(seed.id),
        youWroteIt: seed.createdByUserId === viewer.userId,
        createdAt: seed.createdAt,
      })),
      needs: needs
        .filter((need) => needIds.has(need.id))
        .map((need) => ({
          id: need.id,
          title: { ...need.title },
          description: { ...need.description },
          status: need.status,
          confidentiality: need.confidentiality,
          companyId: need.companyId,
          createdAt: need.createdAt,
        })),
    };
  }

  /** A person no seed lists is deleted; one a seed lists stays as the catalogue names it (the directory's erase). */
  async erase({ userId }: ClosingAccount, manager: EntityManager) {
    const person = await this.people.findForUser(userId, manager);
    if (!person) return;
    if (!(await this.seeds.listsPerson(person.id, manager)))
      await this.people.deleteForClosedAccount(manager, person.id);
  }
}
