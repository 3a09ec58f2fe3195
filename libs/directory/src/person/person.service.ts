import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import {
  bilingual,
  findByCatalogueKeys,
  insertReturningIds,
  patchRecord,
  recordAudit,
  recordKey,
  scrubAuditOf,
  type BilingualText,
  type RecordKeyArgs,
  advisoryLock,
} from '#libs/core';
import { DirectoryError } from '../directory.errors.js';
import type { UpdateMyProfileInput } from './dto/update-my-profile.input.js';
import { Person } from './person.entity.js';

/** The account a directory person is made for on first need. */
export interface PersonAccount {
  userId: string;
  name: BilingualText;
  organizationId: string;
  role: string;
}

/** Words and codes as stored: trimmed, blanks dropped, each once, in the order given. */
const cleanList = (values: string[]) => [...new Set(values.map((value) => value.trim()).filter(Boolean))];
const trimmedOrNull = (text: string) => text.trim() || null;

@Injectable()
export class PersonService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(args: RecordKeyArgs): Promise<Person> {
    const key = recordKey(args);
    const person = key.searchable
      ? await this.dataSource.manager.findOneBy(Person, { [key.column]: key.value })
      : null;
    if (!person) throw DirectoryError.personNotFound(key.value, key.path);
    return person;
  }

  /** Every person (the catalogue export writes them all). */
  all(manager: EntityManager = this.dataSource.manager): Promise<Person[]> {
    return manager.find(Person);
  }

  /** The people with these ids (unknown ids are left out, order is not kept). */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Person[]> {
    return ids.length ? manager.findBy(Person, { id: In(ids) }) : Promise.resolve([]);
  }

  /** The people an imported catalogue names by these keys, by key (see findByCatalogueKeys). */
  findByCatalogueKeys(manager: EntityManager, keys: string[]): Promise<Map<string, Person>> {
    return findByCatalogueKeys(manager, Person, keys);
  }

  /**
   * Inserts a batch of imported people in the caller's transaction, in one statement;
   * their ids in order. The import records their audit rows with the batch's.
   */
  insertImported(manager: EntityManager, rows: Partial<Person>[]): Promise<string[]> {
    return insertReturningIds(manager, Person, rows);
  }

  /** Saves a person the import changed, in its transaction (which audits the change). */
  async saveImported(manager: EntityManager, person: Person): Promise<void> {
    await manager.save(Person, person);
  }

  /** The accounts of these people, for those who have one (each account once). */
  async userIdsOf(personIds: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (personIds.length === 0) return [];
    const people = await manager.find(Person, {
      select: { userId: true },
      where: { id: In(personIds), userId: Not(IsNull()) },
    });
    return [...new Set(people.map((person) => person.userId as string))];
  }

  /** The directory entry of an account, made on first need (a researcher naming themself on a seed). */
  async ensureForUser(manager: EntityManager, account: PersonAccount): Promise<Person> {
    // two first seeds of one researcher at once must not both create the person
    await advisoryLock(manager, `person-of:${account.userId}`);
    const existing = await manager.findOneBy(Person, { userId: account.userId });
    if (existing) return existing;
    return manager.save(
      manager.create(Person, {
        userId: account.userId,
        name: bilingual(account.name),
        organizationId: account.organizationId,
        role: account.role,
        title: null,
        bio: bilingual({}),
        email: null,
        externalId: null,
      }),
    );
  }

  /**
   * The account leaves its organization: its person stays on the seeds that list it, as a
   * person of that institution without an account; the account gets a new person on first need
   * at its next institution. The released person's id, or null when the account had none.
   */
  async releaseAccount(manager: EntityManager, userId: string): Promise<string | null> {
    const person = await manager.findOne(Person, { where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (!person) return null;
    await manager.update(Person, { id: person.id }, { userId: null });
    return person.id;
  }

  /** The person of an account, or null when it has none yet. */
  findForUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    return manager.findOneBy(Person, { userId });
  }

  /**
   * A closing account's person, kept as the catalogue names it (name, title, organization, role):
   * what its owner added (bio, keywords, fields, links, contact e-mail) is cleared, the audit of
   * their edits loses its values, and the account link goes.
   */
  async anonymiseForClosedAccount(manager: EntityManager, userId: string): Promise<void> {
    const person = await manager.findOne(Person, { where: { userId }, lock: { mode: 'pessimistic_write' } });
    if (!person) return;
    Object.assign(person, {
      bio: bilingual({}),
      keywords: [],
      fields: [],
      researchmapUrl: null,
      orcid: null,
      labUrl: null,
      email: null,
      userId: null,
    });
    await manager.save(Person, person);
    await scrubAuditOf(manager, 'person', person.id);
  }

  /** Deletes a closing account's person that no record names, with the values of its audit entries. */
  async deleteForClosedAccount(manager: EntityManager, personId: string): Promise<void> {
    await scrubAuditOf(manager, 'person', personId);
    await manager.delete(Person, { id: personId });
  }

  /**
   * The account's own profile edit: its person is made first if it has none
   * (the rule of a first seed), then changed and audited in one transaction.
   */
  updateOwnProfile(account: PersonAccount, input: UpdateMyProfileInput): Promise<Person> {
    return this.dataSource.transaction(async (manager) => {
      const { id } = await this.ensureForUser(manager, account);
      const person = await manager.findOneOrFail(Person, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const before = profileSnapshot(person);
      patchRecord(person, input, {
        transforms: {
          name: bilingual,
          bio: bilingual,
          title: trimmedOrNull,
          keywords: cleanList,
          fields: cleanList,
        },
        clearable: ['title', 'researchmapUrl', 'orcid', 'labUrl'],
      });
      if (input.bio === null) person.bio = bilingual({});
      const saved = await manager.save(Person, person);
      await recordAudit(manager, {
        actorUserId: account.userId,
        entityType: 'person',
        entityId: saved.id,
        action: 'updated',
        before,
        after: profileSnapshot(saved),
      });
      return saved;
    });
  }
}

/** What the audit log records of a profile. */
function profileSnapshot(p: Person) {
  return {
    name: { ...p.name },
    title: p.title,
    bio: { ...p.bio },
    keywords: p.keywords,
    fields: p.fields,
    researchmapUrl: p.researchmapUrl,
    orcid: p.orcid,
    labUrl: p.labUrl,
  };
}
