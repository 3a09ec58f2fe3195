import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { bilingual, type BilingualText } from '#libs/core';
import { Person } from './person.entity.js';

@Injectable()
export class PersonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Person[]> {
    return ids.length ? manager.findBy(Person, { id: In(ids) }) : Promise.resolve([]);
  }

  /** The directory entry of an account, made on first need (a researcher naming themself on a seed). */
  async ensureForUser(
    manager: EntityManager,
    account: { userId: string; name: BilingualText; organizationId: string; role: string },
  ): Promise<Person> {
    const existing = await manager.findOneBy(Person, { userId: account.userId });
    if (existing) return existing;
    return manager.save(
      manager.create(Person, {
        userId: account.userId,
        name: bilingual(account.name),
        organizationId: account.organizationId,
        role: account.role,
        title: null,
        email: null,
        externalId: null,
      }),
    );
  }
}
