import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  PersonalDataService,
  type ClosingAccount,
  type DataOwner,
  type PersonalDataContributor,
} from '#libs/core';
import { PersonService } from './person/person.service.js';

/** The directory's share: the account's researcher profile. */
@Injectable()
export class PersonPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'profile';
  readonly layer = 1;

  constructor(
    private readonly personalData: PersonalDataService,
    private readonly people: PersonService,
  ) {}

  onModuleInit() {
    this.personalData.register(this);
  }

  async export({ viewer }: DataOwner, manager: EntityManager) {
    const person = await this.people.findForUser(viewer.userId, manager);
    if (!person) return null;
    return {
      id: person.id,
      organizationId: person.organizationId,
      name: { ...person.name },
      title: person.title,
      bio: { ...person.bio },
      keywords: person.keywords,
      fields: person.fields,
      researchmapUrl: person.researchmapUrl,
      orcid: person.orcid,
      labUrl: person.labUrl,
      contactEmail: person.email,
      createdAt: person.createdAt,
      updatedAt: person.updatedAt,
    };
  }

  erase({ userId }: ClosingAccount, manager: EntityManager) {
    return this.people.anonymiseForClosedAccount(manager, userId);
  }
}
