import { describe, expect, it } from '@jest/globals';
import {
  checkReferences,
  KIND_WRITE_ORDER,
  kindWriteOrder,
  referencesOf,
  sortForWriting,
  type ImportLine,
} from './import-reference-check.js';
import { parseRecord } from './import-record-schema.js';
import type { ImportRecord, RecordKind } from './import-records.js';

/** Parses NDJSON text into the valid lines, failing the test on a bad one. */
function linesOf(text: string): ImportLine[] {
  return text
    .split('\n')
    .map((line, index) => ({ text: line, lineNumber: index + 1 }))
    .filter(({ text: line }) => line.trim() !== '')
    .map(({ text: line, lineNumber }) => {
      const parsed = parseRecord(lineNumber, line);
      if (!parsed.ok) throw new Error(`line ${lineNumber}: ${JSON.stringify(parsed.problems)}`);
      return { lineNumber, record: parsed.record };
    });
}

const ndjson = (...records: object[]): string => records.map((record) => JSON.stringify(record)).join('\n');

const org = (externalId: string, ja = '出羽食品株式会社') => ({
  kind: 'organization',
  externalId,
  name: { ja },
  type: 'company',
});
const program = (externalId: string) => ({
  kind: 'program',
  externalId,
  name: { ja: '鶴岡漢方プロジェクト', en: 'Tsuruoka Kampo Project' },
});
const person = (externalId: string, organization: string) => ({
  kind: 'person',
  externalId,
  name: { ja: '曽我 朋義', en: 'Tomoyoshi Soga' },
  organization,
  role: 'researcher',
});
const seed = (externalId: string, institution: string, extra: object = {}) => ({
  kind: 'seed',
  externalId,
  title: { en: 'Comprehensive metabolite profiling by CE-MS' },
  summary: { ja: '代謝物を一斉に測定する。' },
  fields: ['metabolomics'],
  institution,
  collaborationTypes: ['joint-research'],
  ...extra,
});
const need = (externalId: string, company: string, extra: object = {}) => ({
  kind: 'need',
  externalId,
  company,
  title: { ja: '庄内柿の機能性食品' },
  description: { en: 'Functional food from Shonai persimmons' },
  ...extra,
});

/** A fake database: what exists, and every call made to it. */
function database(records: Partial<Record<RecordKind, string[]>> = {}) {
  const calls: { kind: RecordKind; externalIds: string[] }[] = [];
  const existing = async (kind: RecordKind, externalIds: string[]): Promise<Set<string>> => {
    calls.push({ kind, externalIds: [...externalIds] });
    return new Set(externalIds.filter((id) => records[kind]?.includes(id)));
  };
  return { existing, calls };
}

describe('checkReferences', () => {
  it('accepts references to records in the file, before or after the referring line', async () => {
    const lines = linesOf(
      ndjson(
        seed('seed-001', 'org-iab', { researchers: ['p-soga'], programs: ['kampo'] }),
        person('p-soga', 'org-iab'),
        org('org-iab', '慶應義塾大学先端生命科学研究所'),
        program('kampo'),
        need('need-1', 'org-iab', { programs: ['kampo'] }),
      ),
    );
    const db = database();
    expect(await checkReferences(lines, db.existing)).toEqual([]);
    expect(db.calls).toEqual([]); // everything resolved in the file: no query at all
  });

  it('accepts references to records already in the database', async () => {
    const lines = linesOf(
      ndjson(
        seed('seed-001', 'org-iab', { researchers: ['p-soga', 'p-new'], programs: ['kampo'] }),
        person('p-new', 'org-iab'),
      ),
    );
    const db = database({ organization: ['org-iab'], person: ['p-soga'], program: ['kampo'] });
    expect(await checkReferences(lines, db.existing)).toEqual([]);
  });

  it('reports dangling references with the key path and the line', async () => {
    const lines = linesOf(
      ndjson(
        org('org-iab'),
        person('p-1', 'org-missing'),
        seed('seed-1', 'org-iab', {
          researchers: ['p-1', 'p-ghost'],
          programs: ['kampo', 'no-such-program'],
        }),
        need('need-1', 'org-nowhere', { programs: ['kampo'] }),
      ),
    );
    const db = database({ program: ['kampo'] });
    expect(await checkReferences(lines, db.existing)).toEqual(
      [
        {
          lineNumber: 2,
          key: 'organization',
          reason: 'organization "org-missing" is neither in the file nor in the database',
        },
        {
          lineNumber: 3,
          key: 'researchers[1]',
          reason: 'person "p-ghost" is neither in the file nor in the database',
        },
        {
          lineNumber: 3,
          key: 'programs[1]',
          reason: 'program "no-such-program" is neither in the file nor in the database',
        },
        {
          lineNumber: 4,
          key: 'company',
          reason: 'organization "org-nowhere" is neither in the file nor in the database',
        },
        // line 3 also depends on p-1, rejected on line 2
        {
          lineNumber: 3,
          key: 'researchers[0]',
          reason: 'person "p-1" is on line 2, which has errors, and is not in the database',
        },
      ].sort((a, b) => a.lineNumber - b.lineNumber),
    );
  });

  it('matches references by kind: an organization does not satisfy a program reference', async () => {
    const lines = linesOf(ndjson(org('shared-id'), seed('seed-1', 'shared-id', { programs: ['shared-id'] })));
    expect(await checkReferences(lines, database({ person: ['shared-id'] }).existing)).toEqual([
      {
        lineNumber: 2,
        key: 'programs[0]',
        reason: 'program "shared-id" is neither in the file nor in the database',
      },
    ]);
  });

  it('reports a duplicate (kind, externalId) on the later line, naming the first', async () => {
    const lines = linesOf(
      ndjson(
        org('org-1'),
        program('org-1'),
        org('org-2'),
        org('org-1', '別名'),
        person('p', 'org-1'),
        org('org-1'),
      ),
    );
    expect(await checkReferences(lines, database().existing)).toEqual([
      { lineNumber: 4, key: 'externalId', reason: 'duplicate organization "org-1": already on line 1' },
      { lineNumber: 6, key: 'externalId', reason: 'duplicate organization "org-1": already on line 1' },
    ]);
  });

  it('a record in the file whose line is rejected only satisfies references if it is also in the database', async () => {
    const text = ndjson(
      person('p-1', 'org-gone'),
      seed('s-1', 'org-iab', { researchers: ['p-1'] }),
      need('n-1', 'org-iab'),
    );
    const notInDb = await checkReferences(linesOf(text), database({ organization: ['org-iab'] }).existing);
    expect(notInDb.map((problem) => [problem.lineNumber, problem.key])).toEqual([
      [1, 'organization'],
      [2, 'researchers[0]'],
    ]);
    // The person exists already: a partial import can still write the seed.
    const inDb = await checkReferences(
      linesOf(text),
      database({ organization: ['org-iab'], person: ['p-1'] }).existing,
    );
    expect(inDb.map((problem) => [problem.lineNumber, problem.key])).toEqual([[1, 'organization']]);
  });

  it('still checks the references of a duplicate line', async () => {
    const lines = linesOf(ndjson(org('o'), person('p', 'o'), person('p', 'o-typo')));
    expect(await checkReferences(lines, database().existing)).toEqual([
      { lineNumber: 3, key: 'externalId', reason: 'duplicate person "p": already on line 2' },
      {
        lineNumber: 3,
        key: 'organization',
        reason: 'organization "o-typo" is neither in the file nor in the database',
      },
    ]);
  });

  it('asks the database in batches per kind, once per externalId, and not for what the file has', async () => {
    const records: object[] = [org('org-in-file')];
    for (let index = 0; index < 25; index++) {
      records.push(person(`p-${index}`, `org-db-${index % 10}`));
      records.push(
        seed(`s-${index}`, 'org-in-file', {
          researchers: [`p-${index}`, `p-db-${index}`],
          programs: [`prog-${index % 3}`],
        }),
      );
    }
    const orgsInDb = Array.from({ length: 10 }, (_, index) => `org-db-${index}`);
    const peopleInDb = Array.from({ length: 25 }, (_, index) => `p-db-${index}`);
    const db = database({
      organization: orgsInDb,
      person: peopleInDb,
      program: ['prog-0', 'prog-1', 'prog-2'],
    });
    expect(await checkReferences(linesOf(ndjson(...records)), db.existing, { batchSize: 8 })).toEqual([]);
    const asked = (kind: RecordKind) => db.calls.filter((call) => call.kind === kind);
    expect(
      asked('organization')
        .flatMap((call) => call.externalIds)
        .sort(),
    ).toEqual([...orgsInDb].sort());
    expect(asked('organization').map((call) => call.externalIds.length)).toEqual([8, 2]);
    expect(asked('person').map((call) => call.externalIds.length)).toEqual([8, 8, 8, 1]);
    expect(asked('program')).toEqual([{ kind: 'program', externalIds: ['prog-0', 'prog-1', 'prog-2'] }]);
    expect(db.calls.flatMap((call) => call.externalIds)).not.toContain('org-in-file');
    expect(db.calls.flatMap((call) => call.externalIds)).not.toContain('p-0');
  });

  it('does not ask twice about an externalId when checking again after a rejection', async () => {
    const lines = linesOf(
      ndjson(
        person('p-1', 'org-gone'),
        seed('s-1', 'org-db', { researchers: ['p-1'] }),
        seed('s-2', 'org-db', { researchers: ['p-1'] }),
      ),
    );
    const db = database({ organization: ['org-db'] });
    const problems = await checkReferences(lines, db.existing);
    expect(problems.map((problem) => problem.lineNumber)).toEqual([1, 2, 3]);
    const askedIds = db.calls.flatMap((call) => call.externalIds.map((id) => `${call.kind}:${id}`));
    expect(askedIds.sort()).toEqual(['organization:org-db', 'organization:org-gone', 'person:p-1']);
  });

  it('passes on a failure of the database lookup', async () => {
    const lines = linesOf(ndjson(person('p', 'org-db')));
    await expect(
      checkReferences(lines, async () => Promise.reject(new Error('connection lost'))),
    ).rejects.toThrow('connection lost');
  });

  it('rejects a nonsensical batch size', async () => {
    await expect(checkReferences([], database().existing, { batchSize: 0 })).rejects.toThrow(RangeError);
  });
});

describe('reference cycles', () => {
  it('cannot happen: every reference points to a kind written earlier', () => {
    const rank = (kind: RecordKind) => KIND_WRITE_ORDER.indexOf(kind);
    const samples: ImportRecord[] = linesOf(
      ndjson(
        person('p', 'o'),
        seed('s', 'o', { researchers: ['p'], programs: ['g'] }),
        need('n', 'o', { programs: ['g'] }),
        org('o'),
        program('g'),
      ),
    ).map((line) => line.record);
    for (const record of samples) {
      for (const reference of referencesOf(record))
        expect(rank(reference.kind)).toBeLessThan(rank(record.kind));
    }
  });

  it('a program listing itself is rejected before any reference check (programs is not a program key)', () => {
    const parsed = parseRecord(1, JSON.stringify({ ...program('kampo'), programs: ['kampo'] }));
    expect(parsed).toEqual({
      ok: false,
      lineNumber: 1,
      problems: [{ lineNumber: 1, key: 'programs', reason: 'unknown key for kind program' }],
    });
  });

  it('a self-reference across kinds with the same externalId is not a match: it dangles', async () => {
    // An organization "x" and a seed that names "x" as a program: kinds differ, so "x" is no program.
    const lines = linesOf(ndjson(org('x'), seed('x', 'x', { programs: ['x'], researchers: ['x'] })));
    expect((await checkReferences(lines, database().existing)).map((problem) => problem.key)).toEqual([
      'researchers[0]',
      'programs[0]',
    ]);
  });

  it('the kind-level sort throws on a cycle or a kind referring to itself', () => {
    expect(() => kindWriteOrder(['a', 'b'], { a: [{ target: 'b' }], b: [{ target: 'a' }] })).toThrow(
      'cycle among kinds: a, b',
    );
    expect(() => kindWriteOrder(['a', 'b'], { a: [], b: [{ target: 'b' }] })).toThrow('cycle among kinds: b');
    expect(
      kindWriteOrder(['c', 'b', 'a'], { a: [], b: [{ target: 'a' }], c: [{ target: 'b' }, { target: 'a' }] }),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('write order', () => {
  it('writes organizations and programs before people and needs, people before seeds', () => {
    expect(KIND_WRITE_ORDER).toEqual(['organization', 'program', 'person', 'need', 'seed']);
  });

  it('sorts lines by kind, then by line number', () => {
    const lines = linesOf(
      ndjson(
        seed('s', 'o', { researchers: ['p'] }),
        need('n', 'o'),
        person('p', 'o'),
        program('g'),
        org('o'),
        org('o2'),
      ),
    );
    expect(sortForWriting(lines).map((line) => `${line.lineNumber}:${line.record.kind}`)).toEqual([
      '5:organization',
      '6:organization',
      '4:program',
      '3:person',
      '2:need',
      '1:seed',
    ]);
  });

  it('lists the references of a record with their key paths', () => {
    const [line] = linesOf(
      ndjson(seed('s', 'org-iab', { researchers: ['p-1', 'p-2'], programs: ['kampo'] })),
    );
    expect(referencesOf(line!.record)).toEqual([
      { key: 'institution', kind: 'organization', externalId: 'org-iab' },
      { key: 'researchers[0]', kind: 'person', externalId: 'p-1' },
      { key: 'researchers[1]', kind: 'person', externalId: 'p-2' },
      { key: 'programs[0]', kind: 'program', externalId: 'kampo' },
    ]);
  });
});
