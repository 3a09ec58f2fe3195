import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUUID } from 'class-validator';
import { bilingual, type BilingualText } from '#libs/core';
import { DirectoryError, DirectoryErrorCode } from './directory-errors.js';
import { Person } from './person.entity.js';

@Injectable()
export class PersonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: { id?: string; externalId?: string }): Promise<Person> {
    const where = args.id ? (isUUID(args.id) ? { id: args.id } : undefined) : args.externalId ? { externalId: args.externalId } : undefined;
    const person = where ? await this.dataSource.manager.findOneBy(Person, where) : null;
    if (!person) {
      const key = args.id ?? args.externalId ?? '(none given)';
      throw new DirectoryError(DirectoryErrorCode.PersonNotFound, { ja: `人物が見つかりません: ${key}`, en: `No person ${key}` }, [
        { path: args.externalId && !args.id ? 'externalId' : 'id', messages: ['no such person'] },
      ]);
    }
    return person;
  }

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
