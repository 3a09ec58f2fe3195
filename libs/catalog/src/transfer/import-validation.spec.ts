import { describe, expect, it } from '@jest/globals';
import { parseRecord } from './import-record-schema.js';
import type { ImportProblem, RecordKind } from './import-records.js';
import { checkReferences, sortForWriting, type ImportLine } from './import-reference-check.js';
import { isProblemLine, readNdjsonLines } from './ndjson-lines.js';

/** The three steps as the import will chain them, through the public API. */
async function validate(chunks: (Buffer | string)[], inDatabase: Partial<Record<RecordKind, string[]>> = {}) {
  const problems: ImportProblem[] = [];
  const lines: ImportLine[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of readNdjsonLines(source(), { maxLineBytes: 1024 * 1024 })) {
    if (isProblemLine(line)) {
      problems.push({ lineNumber: line.lineNumber, reason: line.problem });
      continue;
    }
    const parsed = parseRecord(line.lineNumber, line.text);
    if (parsed.ok) lines.push({ lineNumber: parsed.lineNumber, record: parsed.record });
    else problems.push(...parsed.problems);
  }
  const existing = async (kind: RecordKind, ids: string[]) =>
    new Set(ids.filter((id) => inDatabase[kind]?.includes(id)));
  problems.push(...(await checkReferences(lines, existing)));
  problems.sort((a, b) => a.lineNumber - b.lineNumber);
  return {
    problems,
    order: sortForWriting(lines).map((line) => `${line.record.kind}:${line.record.externalId}`),
  };
}

describe('import validation pipeline', () => {
  it('accepts a clean bilingual file and gives the write order', async () => {
    const file = [
      '{"kind":"seed","externalId":"seed-001","title":{"ja":"CE-MSによる網羅的代謝物測定","en":"Comprehensive metabolite profiling by CE-MS"},"summary":{"ja":"…"},"fields":["metabolomics"],"institution":"org-iab","researchers":["p-soga"],"trl":6,"collaborationTypes":["joint-research","contract-research"],"programs":["kampo"]}',
      '',
      '{"kind":"person","externalId":"p-soga","name":{"ja":"曽我 朋義"},"organization":"org-iab","role":"researcher","title":"教授"}',
      '{"kind":"organization","externalId":"org-iab","name":{"ja":"慶應義塾大学先端生命科学研究所","en":"Keio University Institute for Advanced Biosciences"},"type":"research-institute","prefecture":"山形県","city":"鶴岡市"}',
      '{"kind":"need","externalId":"need-1","company":"org-dewa","title":{"en":"Persimmon functional food"},"description":{"ja":"規格外の庄内柿を活用したい"},"trlRange":{"min":3,"max":6}}',
    ].join('\r\n');
    const { problems, order } = await validate([file], { organization: ['org-dewa'], program: ['kampo'] });
    expect(problems).toEqual([]);
    expect(order).toEqual(['organization:org-iab', 'person:p-soga', 'need:need-1', 'seed:seed-001']);
  });

  it('reports every kind of bad line with its line number and key', async () => {
    const { problems } = await validate([
      '{"kind":"organization","externalId":"org-1","name":{"ja":"出羽食品"},"type":"company"}\n',
      '{"kind":"program","externalId":"kampo","name":{"ja":"鶴岡漢方',
      'プロジェクト"}}\n',
      Buffer.from([0xff, 0xfe, 0x0a]),
      '{"kind":"person","externalId":"p-1","name":{"en":"Sato"},"organization":"org-1","role":"researcher"\n',
      '{"kind":"organization","externalId":"org-1","name":{"en":"Dewa Foods"},"type":"company"}\n',
      '{"kind":"need","externalId":"n-1","company":"org-2","title":{"ja":"柿"},"description":{"en":"Persimmons"},"trlRange":{"min":"3","max":6}}\n',
      '{"kind":"seed","externalId":"s-1","title":{"ja":"漢方"},"summary":{"en":"Kampo"},"fields":["kampo-herbal"],"institution":"org-1","researchers":["p-1"],"collaborationTypes":["licensing"],"programs":["kampo"]}\n',
    ]);
    expect(problems).toEqual([
      { lineNumber: 3, reason: 'not valid UTF-8' },
      { lineNumber: 4, reason: expect.stringMatching(/^not valid JSON/) },
      { lineNumber: 5, key: 'externalId', reason: 'duplicate organization "org-1": already on line 1' },
      { lineNumber: 6, key: 'trlRange.min', reason: 'must be an integer from 1 to 9, not the string "3"' },
      {
        lineNumber: 7,
        key: 'researchers[0]',
        reason: 'person "p-1" is neither in the file nor in the database',
      },
    ]);
  });
});
