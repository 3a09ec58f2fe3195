import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig, AuditEntry, diffFields, recordChange, type ChangeTopic } from '#libs/core';
import { ORGANIZATION_CHANGES, OrganizationService, PersonService } from '#libs/directory';
import { NEED_CHANGES, PROGRAM_CHANGES, SEED_CHANGES } from '../catalog.topics.js';
import { MAPPERS, type ResolvedKeys } from './import-mappers.js';
import { parseRecord } from './import-record-schema.js';
import type { ImportProblem, ImportRecord, RecordKind } from './import-records.js';
import {
  checkReferences,
  KIND_WRITE_ORDER,
  REFERENCE_KEYS,
  referencesOf,
  type ImportLine,
} from './import-reference-check.js';
import { importStores, type KindStore } from './import-stores.js';
import { isProblemLine, readNdjsonLines, type NdjsonSource } from './ndjson-lines.js';

export const MAX_LINE_BYTES = 1024 * 1024;
const BATCH = 500;
const MAX_REPORTED_PROBLEMS = 1000;

export interface ImportOptions {
  /** Write the good lines and report the bad ones (default: one bad line and nothing is written). */
  partial?: boolean;
  /** Check and count, then roll everything back. */
  dryRun?: boolean;
  actorUserId: string | null;
  onProgress?: (progress: { phase: 'check' | 'write'; lines: number }) => void;
}

export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: ImportProblem[];
  /** False when nothing was written: a dry run, or a refused all-or-nothing import. */
  written: boolean;
  lines: number;
}

class RollBack extends Error {}

/** Only what the reference check reads of a record: small enough to hold for a whole large file. */
function skeleton(record: ImportRecord): ImportRecord {
  const kept: Record<string, unknown> = { kind: record.kind, externalId: record.externalId };
  for (const { key } of REFERENCE_KEYS[record.kind])
    kept[key] = (record as unknown as Record<string, unknown>)[key];
  return kept as unknown as ImportRecord;
}

/** Imported kinds whose changes the search index follows (people are not indexed on their own). */
const SEARCH_TOPICS: Record<string, ChangeTopic | undefined> = {
  seed: SEED_CHANGES,
  need: NEED_CHANGES,
  organization: ORGANIZATION_CHANGES,
  program: PROGRAM_CHANGES,
};

/**
 * Imports a catalogue in the shared NDJSON format. The file is read twice,
 * streaming: once to check every line and reference, once per kind to write,
 * in batches, in one transaction. Memory grows with the number of records'
 * keys, never with the file's size.
 */
@Injectable()
export class CatalogImportService {
  private readonly stores: Record<RecordKind, KindStore>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    organizations: OrganizationService,
    people: PersonService,
  ) {
    this.stores = importStores({ organizations, people });
  }

  async run(open: () => NdjsonSource, options: ImportOptions): Promise<ImportReport> {
    const { skeletons, problems, lines } = await this.check(open, options);
    const rejectedLines = new Set(problems.map((problem) => problem.lineNumber));
    const report: ImportReport = {
      created: 0,
      updated: 0,
      unchanged: 0,
      rejected: rejectedLines.size,
      problems: problems.slice(0, MAX_REPORTED_PROBLEMS),
      written: false,
      lines,
    };
    if (rejectedLines.size > 0 && !options.partial) return report;
    if (!skeletons.some((line) => !rejectedLines.has(line.lineNumber))) return report; // nothing good to write
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.write(manager, open, rejectedLines, report, options);
        if (options.dryRun) throw new RollBack();
      });
      report.written = true;
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    return report;
  }

  private async check(open: () => NdjsonSource, options: ImportOptions) {
    const problems: ImportProblem[] = [];
    const skeletons: ImportLine[] = [];
    let lines = 0;
    for await (const line of readNdjsonLines(open(), { maxLineBytes: MAX_LINE_BYTES })) {
      lines = line.lineNumber;
      if (lines % 5000 === 0) options.onProgress?.({ phase: 'check', lines });
      if (isProblemLine(line)) {
        problems.push({ lineNumber: line.lineNumber, reason: line.problem });
        continue;
      }
      const parsed = parseRecord(line.lineNumber, line.text);
      if (parsed.ok) skeletons.push({ lineNumber: line.lineNumber, record: skeleton(parsed.record) });
      else problems.push(...parsed.problems);
    }
    problems.push(
      ...(await checkReferences(skeletons, (kind, keys) =>
        this.existingKeys(this.dataSource.manager, kind, keys),
      )),
    );
    problems.sort((a, b) => a.lineNumber - b.lineNumber);
    return { skeletons, problems, lines };
  }

  private async existingKeys(manager: EntityManager, kind: RecordKind, keys: string[]): Promise<Set<string>> {
    return new Set((await this.stores[kind].find(manager, keys)).keys());
  }

  private async write(
    manager: EntityManager,
    open: () => NdjsonSource,
    rejected: Set<number>,
    report: ImportReport,
    options: ImportOptions,
  ) {
    const keys: ResolvedKeys = {
      organization: new Map(),
      person: new Map(),
      reviewMonths: this.config.SEED_REVIEW_MONTHS,
    };
    let written = 0;
    for (const kind of KIND_WRITE_ORDER) {
      let batch: ImportRecord[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await this.writeBatch(manager, kind, batch, keys, report, options.actorUserId);
        written += batch.length;
        options.onProgress?.({ phase: 'write', lines: written });
        batch = [];
      };
      for await (const line of readNdjsonLines(open(), { maxLineBytes: MAX_LINE_BYTES })) {
        if (isProblemLine(line) || rejected.has(line.lineNumber)) continue;
        const parsed = parseRecord(line.lineNumber, line.text);
        if (!parsed.ok || parsed.record.kind !== kind) continue;
        batch.push(parsed.record);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
    }
  }

  private async writeBatch(
    manager: EntityManager,
    kind: RecordKind,
    records: ImportRecord[],
    keys: ResolvedKeys,
    report: ImportReport,
    actorUserId: string | null,
  ) {
    const [mapper, store] = [MAPPERS[kind], this.stores[kind]];
    await this.resolveReferences(manager, records, keys);
    const existing = await store.find(
      manager,
      records.map((record) => record.externalId),
    );
    const currentResearchers = mapper.researchers
      ? await this.researchersOf(
          manager,
          [...existing.values()].map((row) => row.id),
        )
      : new Map<string, string[]>();
    const withResearchers = (snapshot: Record<string, unknown>, researchers: string[]) =>
      mapper.researchers ? { ...snapshot, researcherIds: [...researchers].sort() } : snapshot;
    const audits: Omit<AuditEntry, 'id' | 'at'>[] = [];
    const created: { record: ImportRecord; columns: Record<string, unknown>; researchers: string[] }[] = [];
    const researchersById = new Map<string, string[]>();

    for (const record of records) {
      const current = existing.get(record.externalId);
      const columns = mapper.columns(record as never, keys, current as never) as Record<string, unknown>;
      const researchers = mapper.researchers?.(record as never, keys) ?? [];
      if (!current) {
        created.push({ record, columns, researchers });
        continue;
      }
      const changes = diffFields(
        withResearchers(mapper.snapshot(current as never), currentResearchers.get(current.id) ?? []),
        withResearchers(mapper.snapshot({ ...current, ...columns } as never), researchers),
      );
      this.remember(kind, record.externalId, current.id, keys);
      if (Object.keys(changes).length === 0) {
        report.unchanged++;
        continue;
      }
      await store.save(manager, Object.assign(current, columns));
      report.updated++;
      audits.push({
        actorUserId,
        entityType: mapper.auditType,
        entityId: current.id,
        action: 'imported',
        changes,
      });
      if (mapper.researchers) researchersById.set(current.id, researchers);
    }

    if (created.length) {
      const ids = await store.insert(
        manager,
        created.map((entry) => entry.columns),
      );
      created.forEach((entry, index) => {
        const id = ids[index];
        this.remember(kind, entry.record.externalId, id, keys);
        if (mapper.researchers) researchersById.set(id, entry.researchers);
        audits.push({
          actorUserId,
          entityType: mapper.auditType,
          entityId: id,
          action: 'imported',
          changes: diffFields(
            null,
            withResearchers(mapper.snapshot(entry.columns as never), entry.researchers),
          ),
        });
      });
      report.created += created.length;
    }

    if (researchersById.size) {
      await manager.query('DELETE FROM seed_researcher WHERE seed_id = ANY($1)', [
        [...researchersById.keys()],
      ]);
      const rows = [...researchersById].flatMap(([seedId, people]) =>
        [...new Set(people)].map((personId) => ({ seed_id: seedId, person_id: personId })),
      );
      if (rows.length)
        await manager.createQueryBuilder().insert().into('seed_researcher').values(rows).execute();
    }
    if (audits.length) await manager.insert(AuditEntry, audits as never);
    const topic = SEARCH_TOPICS[mapper.auditType];
    if (topic)
      await recordChange(
        manager,
        topic,
        audits.map((audit) => audit.entityId),
      );
  }

  private remember(kind: RecordKind, key: string, id: string, keys: ResolvedKeys) {
    if (kind === 'organization') keys.organization.set(key, id);
    if (kind === 'person') keys.person.set(key, id);
  }

  private async researchersOf(manager: EntityManager, seedIds: string[]): Promise<Map<string, string[]>> {
    const bySeed = new Map<string, string[]>();
    if (seedIds.length === 0) return bySeed;
    const rows: { seed_id: string; person_id: string }[] = await manager.query(
      'SELECT seed_id, person_id FROM seed_researcher WHERE seed_id = ANY($1)',
      [seedIds],
    );
    for (const row of rows) bySeed.set(row.seed_id, [...(bySeed.get(row.seed_id) ?? []), row.person_id]);
    return bySeed;
  }

  /** Fills in ids of referenced organizations and people that this import did not write itself. */
  private async resolveReferences(manager: EntityManager, records: ImportRecord[], keys: ResolvedKeys) {
    const wanted: Record<'organization' | 'person', Set<string>> = {
      organization: new Set(),
      person: new Set(),
    };
    for (const record of records) {
      for (const reference of referencesOf(record)) {
        if (
          (reference.kind === 'organization' || reference.kind === 'person') &&
          !keys[reference.kind].has(reference.externalId)
        ) {
          wanted[reference.kind].add(reference.externalId);
        }
      }
    }
    for (const kind of ['organization', 'person'] as const) {
      const found = await this.stores[kind].find(manager, [...wanted[kind]]);
      for (const [key, row] of found) keys[kind].set(key, row.id);
    }
  }
}
