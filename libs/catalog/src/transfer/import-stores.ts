import { In, type EntityManager } from 'typeorm';
import { findByCatalogueKeys, insertReturningIds, type CatalogueKeyed } from '#libs/core';
import type { Organization, OrganizationService, Person, PersonService } from '#libs/directory';
import { CompanyNeed } from '../need/company-need.entity.js';
import { Program } from '../program/program.entity.js';
import { ResearchSeed } from '../seed/research-seed.entity.js';
import type { RecordKind } from './import-records.js';

/**
 * Where the import reads and writes the rows of one kind, always in the
 * caller's transaction and a whole batch per query (a changed row is saved alone).
 */
export interface KindStore<E extends { id: string } = { id: string }> {
  /** The current rows with these catalogue keys, by key. */
  find(manager: EntityManager, keys: string[]): Promise<Map<string, E>>;
  /** Inserts new rows in one statement; their ids, in the rows' order. */
  insert(manager: EntityManager, rows: Partial<E>[]): Promise<string[]>;
  save(manager: EntityManager, row: E): Promise<void>;
}

/** The catalog's own tables keyed by externalId (seeds, needs). */
function ownStore<E extends CatalogueKeyed>(entity: new () => E): KindStore<E> {
  return {
    find: (manager, keys) => findByCatalogueKeys(manager, entity, keys),
    insert: (manager, rows) => insertReturningIds(manager, entity, rows),
    save: async (manager, row) => {
      await manager.save(entity, row);
    },
  };
}

/** Programs are keyed by their code. */
const programStore: KindStore<Program> = {
  find: async (manager, keys) => {
    const programs = keys.length ? await manager.findBy(Program, { code: In(keys) }) : [];
    return new Map(programs.map((program) => [program.code, program]));
  },
  insert: (manager, rows) => insertReturningIds(manager, Program, rows),
  save: async (manager, program) => {
    await manager.save(Program, program);
  },
};

/** The directory's records, read and written only through its services. */
interface DirectoryRecords<E extends { id: string }> {
  findByCatalogueKeys(manager: EntityManager, keys: string[]): Promise<Map<string, E>>;
  insertImported(manager: EntityManager, rows: Partial<E>[]): Promise<string[]>;
  saveImported(manager: EntityManager, row: E): Promise<void>;
}

function directoryStore<E extends { id: string }>(service: DirectoryRecords<E>): KindStore<E> {
  return {
    find: (manager, keys) => service.findByCatalogueKeys(manager, keys),
    insert: (manager, rows) => service.insertImported(manager, rows),
    save: (manager, row) => service.saveImported(manager, row),
  };
}

export function importStores(directory: {
  organizations: OrganizationService;
  people: PersonService;
}): Record<RecordKind, KindStore> {
  return {
    organization: directoryStore<Organization>(directory.organizations),
    person: directoryStore<Person>(directory.people),
    program: programStore,
    need: ownStore(CompanyNeed),
    seed: ownStore(ResearchSeed),
  };
}
