/**
 * Cross-line checks of an import: duplicate (kind, externalId) pairs, references
 * that resolve to nothing, and the order in which records must be written.
 *
 * Why no record-level cycle check: references are typed by kind (a seed's
 * `institution` names an organization, its `programs` name programs, ...) and
 * the kind graph below is acyclic with no self-loops: no kind refers to its own
 * kind or to a kind that refers back to it (parseRecord rejects any other key,
 * e.g. `programs` on a program). Every reference therefore points to a kind
 * strictly earlier in KIND_WRITE_ORDER, so no chain of records can come back to
 * where it started. The guard is at the kind level: KIND_WRITE_ORDER is computed
 * by a topological sort that throws at load time if a future change to
 * REFERENCE_KEYS (say, organization.parent) introduces a cycle, which would then
 * need a record-level order and cycle check.
 */
import type { ImportProblem, ImportRecord, RecordKind } from './import-records.js';
import { RECORD_KINDS } from './import-records.js';

export interface ImportLine<R extends ImportRecord = ImportRecord> {
  lineNumber: number;
  record: R;
}

/** Which of the given externalIds (distinct, at most batchSize) of a kind already exist in the database. */
export type ExistingRecordsLookup = (kind: RecordKind, externalIds: string[]) => Promise<Set<string>>;

export interface ReferenceCheckOptions {
  /** Most externalIds passed to one `existing` call (default 500). */
  batchSize?: number;
}

export interface RecordReference {
  /** Key path on the referring record, e.g. "institution" or "researchers[1]". */
  key: string;
  kind: RecordKind;
  externalId: string;
}

type ReferenceKeys = { [K in RecordKind]: readonly { key: string; target: RecordKind; list: boolean }[] };

/** Every key that holds an externalId of another record, by kind. */
export const REFERENCE_KEYS: ReferenceKeys = {
  organization: [],
  program: [],
  person: [{ key: 'organization', target: 'organization', list: false }],
  seed: [
    { key: 'institution', target: 'organization', list: false },
    { key: 'researchers', target: 'person', list: true },
    { key: 'programs', target: 'program', list: true },
  ],
  need: [
    { key: 'company', target: 'organization', list: false },
    { key: 'programs', target: 'program', list: true },
  ],
};

/**
 * Orders kinds so that each comes after every kind it refers to, level by
 * level; within a level, kinds keep the order of `kinds`. Throws if the references form a cycle (including a kind
 * referring to itself).
 */
export function kindWriteOrder<K extends string>(
  kinds: readonly K[],
  references: { readonly [Kind in K]: readonly { target: K }[] },
): K[] {
  const order: K[] = [];
  const remaining = new Set(kinds);
  while (remaining.size > 0) {
    const ready = kinds.filter(
      (kind) =>
        remaining.has(kind) &&
        references[kind].every(({ target }) => !remaining.has(target) && target !== kind),
    );
    if (ready.length === 0) {
      throw new Error(`import references form a cycle among kinds: ${[...remaining].join(', ')}`);
    }
    for (const kind of ready) {
      order.push(kind);
      remaining.delete(kind);
    }
  }
  return order;
}

/**
 * organization, program, person, need, seed: write (and delete in reverse) in this order.
 * kindWriteOrder works in levels (kinds with no references, then kinds that refer only to
 * those, ...), so organization/program, then person/need, then seed.
 */
export const KIND_WRITE_ORDER: readonly RecordKind[] = Object.freeze(
  kindWriteOrder(RECORD_KINDS, REFERENCE_KEYS),
);

/** One value per kind (the compiler checks that no kind is missing). */
function perKind<T>(make: (kind: RecordKind) => T): Record<RecordKind, T> {
  return {
    organization: make('organization'),
    person: make('person'),
    seed: make('seed'),
    need: make('need'),
    program: make('program'),
  };
}

/** The references a record makes, with their key paths. */
export function referencesOf(record: ImportRecord): RecordReference[] {
  const found: RecordReference[] = [];
  const values = record as unknown as Record<string, unknown>;
  for (const { key, target, list } of REFERENCE_KEYS[record.kind]) {
    const value = values[key];
    if (list) {
      (value as string[]).forEach((externalId, index) =>
        found.push({ key: `${key}[${index}]`, kind: target, externalId }),
      );
    } else {
      found.push({ key, kind: target, externalId: value as string });
    }
  }
  return found;
}

/** The lines in write order: by KIND_WRITE_ORDER, then by line number. */
export function sortForWriting<L extends ImportLine>(lines: readonly L[]): L[] {
  const rank = perKind((kind) => KIND_WRITE_ORDER.indexOf(kind));
  return [...lines].sort((a, b) => rank[a.record.kind] - rank[b.record.kind] || a.lineNumber - b.lineNumber);
}

/**
 * Problems of the (individually valid) lines of one file:
 *
 * - a duplicate (kind, externalId): the later line is reported, naming the first;
 * - a reference to a record that is neither in the file nor in the database;
 * - a reference whose target is in the file only on a line that is itself
 *   rejected here (for a bad reference of its own) and is not in the database
 *   either, so a partial import could not write it. (A duplicate's target is
 *   the first line with that kind and externalId.)
 *
 * Pass only the lines that parseRecord accepted; a reference to a line that
 * failed parsing reads as "neither in the file nor in the database".
 *
 * References may point forward in the file: records are written in
 * KIND_WRITE_ORDER, so the target exists by the time the reference is written.
 * `existing` is asked in batches per kind, once per externalId at most.
 * Problems are sorted by line number.
 */
export async function checkReferences(
  lines: readonly ImportLine[],
  existing: ExistingRecordsLookup,
  options: ReferenceCheckOptions = {},
): Promise<ImportProblem[]> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a positive integer');
  const problems: ImportProblem[] = [];
  const rejected = new Set<number>(); // line numbers
  const firstLine = perKind(() => new Map<string, number>());

  for (const { lineNumber, record } of lines) {
    const seen = firstLine[record.kind];
    const earlier = seen.get(record.externalId);
    if (earlier === undefined) {
      seen.set(record.externalId, lineNumber);
    } else {
      problems.push({
        lineNumber,
        key: 'externalId',
        reason: `duplicate ${record.kind} ${JSON.stringify(record.externalId)}: already on line ${earlier}`,
      });
      rejected.add(lineNumber);
    }
  }

  // What the database holds, learned lazily and in batches: kind -> externalId -> exists.
  const inDatabase = perKind(() => new Map<string, boolean>());
  const lookUp = async (wanted: Map<RecordKind, Set<string>>): Promise<void> => {
    for (const [kind, ids] of wanted) {
      const known = inDatabase[kind];
      const unknown = [...ids].filter((id) => !known.has(id));
      for (let start = 0; start < unknown.length; start += batchSize) {
        const batch = unknown.slice(start, start + batchSize);
        const found = await existing(kind, batch);
        for (const id of batch) known.set(id, found.has(id));
      }
    }
  };

  const referring = lines.map((line) => ({ line, references: referencesOf(line.record) }));
  const reported = new Set<string>(); // "line\0key" of the reference problems already listed
  // Rejecting a line can break the references to it, so repeat until a round finds nothing new
  // (in practice one round per level of KIND_WRITE_ORDER at most).
  for (;;) {
    const wanted = new Map<RecordKind, Set<string>>();
    const unresolved: { line: ImportLine; reference: RecordReference; inFile: number | undefined }[] = [];
    for (const { line, references } of referring) {
      for (const reference of references) {
        if (reported.has(`${line.lineNumber}\0${reference.key}`)) continue;
        const inFile = firstLine[reference.kind].get(reference.externalId);
        if (inFile !== undefined && !rejected.has(inFile)) continue;
        unresolved.push({ line, reference, inFile });
        let ids = wanted.get(reference.kind);
        if (ids === undefined) wanted.set(reference.kind, (ids = new Set()));
        ids.add(reference.externalId);
      }
    }
    await lookUp(wanted);
    let found = false;
    for (const { line, reference, inFile } of unresolved) {
      if (inDatabase[reference.kind].get(reference.externalId)) continue;
      const name = `${reference.kind} ${JSON.stringify(reference.externalId)}`;
      problems.push({
        lineNumber: line.lineNumber,
        key: reference.key,
        reason:
          inFile === undefined
            ? `${name} is neither in the file nor in the database`
            : `${name} is on line ${inFile}, which has errors, and is not in the database`,
      });
      reported.add(`${line.lineNumber}\0${reference.key}`);
      rejected.add(line.lineNumber);
      found = true;
    }
    if (!found) break;
  }

  // Stable: a line's problems keep their order (duplicate first, then references by key).
  return problems.sort((a, b) => a.lineNumber - b.lineNumber);
}
