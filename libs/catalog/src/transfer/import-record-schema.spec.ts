import { describe, expect, it } from '@jest/globals';
import { parseRecord } from './import-record-schema.js';
import {
  MAX_PROBLEMS_PER_LINE,
  type ImportProblem,
  type NeedRecord,
  type OrganizationRecord,
  type ParsedLine,
  type PersonRecord,
  type ProgramRecord,
  type SeedRecord,
} from './import-records.js';
import { parseIsoDate } from './import-value-checks.js';

const organization = {
  kind: 'organization',
  externalId: 'org-iab',
  name: { ja: '慶應義塾大学先端生命科学研究所', en: 'Keio University Institute for Advanced Biosciences' },
  type: 'research-institute',
  prefecture: '山形県',
  city: '鶴岡市',
};
const person = {
  kind: 'person',
  externalId: 'person-tomita',
  name: { ja: '冨田 勝', en: 'Masaru Tomita' },
  organization: 'org-iab',
  role: 'researcher',
  title: '教授',
  email: 'tomita@example.ac.jp',
};
const seed = {
  kind: 'seed',
  externalId: 'seed-001',
  title: { ja: 'CE-MSによる網羅的代謝物測定', en: 'Comprehensive metabolite profiling by CE-MS' },
  summary: { ja: 'キャピラリー電気泳動と質量分析計を組み合わせ、数百種の代謝物を一斉に測定する。' },
  fields: ['metabolomics'],
  institution: 'org-iab',
  trl: 6,
  collaborationTypes: ['joint-research', 'contract-research'],
};
const need = {
  kind: 'need',
  externalId: 'need-042',
  company: 'org-dewa-foods',
  title: { ja: '規格外の庄内柿を使った機能性食品' },
  description: { en: 'We want to turn off-grade Shonai persimmons into a functional food.' },
};
const program = {
  kind: 'program',
  externalId: 'kampo-2024',
  name: { ja: '鶴岡漢方プロジェクト', en: 'Tsuruoka Kampo Project' },
};

function parse(value: unknown, lineNumber = 7): ParsedLine {
  return parseRecord(lineNumber, typeof value === 'string' ? value : JSON.stringify(value));
}

function recordOf<T>(value: unknown): T {
  const parsed = parse(value);
  if (!parsed.ok) throw new Error(`expected a valid line, got ${JSON.stringify(parsed.problems)}`);
  return parsed.record as T;
}

function problemsOf(value: unknown, lineNumber = 7): ImportProblem[] {
  const parsed = parse(value, lineNumber);
  if (parsed.ok) throw new Error(`expected problems, got ${JSON.stringify(parsed.record)}`);
  return parsed.problems;
}

/** The keys of the problems, for compact assertions. */
function keysOf(value: unknown): (string | undefined)[] {
  return problemsOf(value).map((problem) => problem.key);
}

function problemAt(value: unknown, key: string): string {
  const found = problemsOf(value).find((problem) => problem.key === key);
  if (!found) throw new Error(`no problem at ${key}: ${JSON.stringify(problemsOf(value))}`);
  return found.reason;
}

describe('parseRecord: the spec example and full records', () => {
  it('reads the spec example organization', () => {
    expect(recordOf<OrganizationRecord>(organization)).toEqual({
      kind: 'organization',
      externalId: 'org-iab',
      name: {
        ja: '慶應義塾大学先端生命科学研究所',
        en: 'Keio University Institute for Advanced Biosciences',
      },
      type: 'research-institute',
      prefecture: '山形県',
      city: '鶴岡市',
      website: null,
      description: null,
    });
  });

  it('reads the spec example seed and applies its defaults', () => {
    expect(recordOf<SeedRecord>(seed)).toEqual({
      kind: 'seed',
      externalId: 'seed-001',
      title: { ja: 'CE-MSによる網羅的代謝物測定', en: 'Comprehensive metabolite profiling by CE-MS' },
      summary: {
        ja: 'キャピラリー電気泳動と質量分析計を組み合わせ、数百種の代謝物を一斉に測定する。',
        en: null,
      },
      keywords: [],
      fields: ['metabolomics'],
      institution: 'org-iab',
      researchers: [],
      trl: 6,
      ipStatus: 'none',
      patents: [],
      collaborationTypes: ['joint-research', 'contract-research'],
      applications: [],
      programs: [],
      status: 'published',
      publishedAt: null,
    });
  });

  it('reads the exact spec example lines', () => {
    const lines = [
      '{"kind":"organization","externalId":"org-iab","name":{"ja":"慶應義塾大学先端生命科学研究所","en":"Keio University Institute for Advanced Biosciences"},"type":"research-institute","prefecture":"山形県","city":"鶴岡市"}',
      '{"kind":"seed","externalId":"seed-001","title":{"ja":"CE-MSによる網羅的代謝物測定","en":"Comprehensive metabolite profiling by CE-MS"},"summary":{"ja":"…"},"fields":["metabolomics"],"institution":"org-iab","trl":6,"collaborationTypes":["joint-research","contract-research"]}',
    ];
    expect(lines.map((line, index) => parseRecord(index + 1, line).ok)).toEqual([true, true]);
  });

  it('reads a seed with every key', () => {
    const record = recordOf<SeedRecord>({
      ...seed,
      keywords: ['代謝物', 'metabolome', 'CE-MS'],
      researchers: ['person-tomita', 'person-soga'],
      ipStatus: 'granted',
      patents: ['特許第1234567号', 'JP2020-123456A'],
      applications: ['食品', 'medical diagnostics'],
      programs: ['kampo-2024'],
      status: 'draft',
      publishedAt: '2024-04-01',
    });
    expect(record).toMatchObject({
      keywords: ['代謝物', 'metabolome', 'CE-MS'],
      researchers: ['person-tomita', 'person-soga'],
      ipStatus: 'granted',
      patents: ['特許第1234567号', 'JP2020-123456A'],
      applications: ['食品', 'medical diagnostics'],
      programs: ['kampo-2024'],
      status: 'draft',
      publishedAt: '2024-04-01',
    });
  });

  it('reads a person', () => {
    expect(recordOf<PersonRecord>(person)).toEqual({ ...person, kind: 'person' });
    expect(recordOf<PersonRecord>({ ...person, title: undefined, email: undefined })).toMatchObject({
      title: null,
      email: null,
    });
  });

  it('reads a need with its defaults: confidential to coordinators, open', () => {
    expect(recordOf<NeedRecord>(need)).toEqual({
      kind: 'need',
      externalId: 'need-042',
      company: 'org-dewa-foods',
      title: { ja: '規格外の庄内柿を使った機能性食品', en: null },
      description: { ja: null, en: 'We want to turn off-grade Shonai persimmons into a functional food.' },
      fields: [],
      desiredCollaboration: [],
      trlRange: null,
      programs: [],
      confidentiality: 'coordinators',
      status: 'open',
      deadline: null,
    });
  });

  it('reads a need with every key', () => {
    expect(
      recordOf<NeedRecord>({
        ...need,
        fields: ['food-science', 'agriculture'],
        desiredCollaboration: ['joint-research'],
        trlRange: { min: 3, max: 6 },
        programs: ['kampo-2024'],
        confidentiality: 'public',
        status: 'closed',
        deadline: '2025-03-31T17:00:00+09:00',
      }),
    ).toMatchObject({
      fields: ['food-science', 'agriculture'],
      desiredCollaboration: ['joint-research'],
      trlRange: { min: 3, max: 6 },
      programs: ['kampo-2024'],
      confidentiality: 'public',
      status: 'closed',
      deadline: '2025-03-31T08:00:00.000Z',
    });
  });

  it('reads a program', () => {
    expect(recordOf<ProgramRecord>(program)).toEqual({ ...program, description: null });
    expect(
      recordOf<ProgramRecord>({ ...program, description: { en: 'Kampo herbs grown in Tsuruoka' } })
        .description,
    ).toEqual({
      ja: null,
      en: 'Kampo herbs grown in Tsuruoka',
    });
  });

  it('reports the line number it was given', () => {
    expect(parse(program, 42)).toMatchObject({ ok: true, lineNumber: 42 });
    expect(problemsOf({ ...program, name: 5 }, 42)).toEqual([
      { lineNumber: 42, key: 'name', reason: expect.any(String) },
    ]);
  });
});

describe('parseRecord: normalization', () => {
  it('trims strings, and an optional blank string counts as absent', () => {
    const record = recordOf<OrganizationRecord>({
      ...organization,
      externalId: '  org-iab ',
      name: { ja: '  先端研  ', en: ' IAB\n' },
      type: ' university ',
      prefecture: '  ',
      city: ' 鶴岡市 ',
    });
    expect(record).toMatchObject({
      externalId: 'org-iab',
      name: { ja: '先端研', en: 'IAB' },
      type: 'university',
      prefecture: null,
      city: '鶴岡市',
    });
  });

  it('treats null like an absent key, for optional keys and languages', () => {
    const record = recordOf<SeedRecord>({
      ...seed,
      title: { ja: null, en: 'Profiling' },
      trl: null,
      keywords: null,
      status: null,
    });
    expect(record).toMatchObject({
      title: { ja: null, en: 'Profiling' },
      trl: null,
      keywords: [],
      status: 'published',
    });
  });

  it('drops a blank language, keeping the other', () => {
    expect(recordOf<ProgramRecord>({ ...program, name: { ja: '   ', en: 'Kampo' } }).name).toEqual({
      ja: null,
      en: 'Kampo',
    });
  });

  it('drops repeated list items, keeping the first', () => {
    const record = recordOf<SeedRecord>({
      ...seed,
      fields: ['metabolomics', 'microbiome', ' metabolomics'],
      keywords: ['漢方', '漢方'],
    });
    expect(record.fields).toEqual(['metabolomics', 'microbiome']);
    expect(record.keywords).toEqual(['漢方']);
  });
});

describe('parseRecord: hostile and malformed lines', () => {
  it('reports a truncated JSON line', () => {
    const text = JSON.stringify(seed).slice(0, 60);
    expect(problemsOf(text)).toEqual([{ lineNumber: 7, reason: expect.stringMatching(/^not valid JSON: /) }]);
  });

  it.each([
    ['[1,2]', 'an array'],
    ['"seed"', 'the string "seed"'],
    ['42', '42'],
    ['null', 'null'],
    ['true', 'true'],
  ])('reports a line that is not an object: %s', (text, described) => {
    expect(problemsOf(text)).toEqual([{ lineNumber: 7, reason: `must be a JSON object, not ${described}` }]);
  });

  it('reports a missing, mistyped or unknown kind', () => {
    expect(problemsOf({ externalId: 'x' })).toEqual([
      { lineNumber: 7, key: 'kind', reason: expect.stringMatching(/^is required/) },
    ]);
    expect(problemsOf({ kind: 3 })).toEqual([
      { lineNumber: 7, key: 'kind', reason: 'must be a string, not 3' },
    ]);
    expect(problemsOf({ kind: 'patent', externalId: 'x' })).toEqual([
      {
        lineNumber: 7,
        key: 'kind',
        reason: 'unknown kind "patent": expected one of organization, person, seed, need, program',
      },
    ]);
    expect(problemsOf({ kind: 'Seed' })[0]!.key).toBe('kind');
  });

  it('reports unknown keys by name, including __proto__ and keys inside objects', () => {
    expect(problemsOf({ ...program, colour: 'red' })).toEqual([
      { lineNumber: 7, key: 'colour', reason: 'unknown key for kind program' },
    ]);
    expect(
      keysOf('{"kind":"program","externalId":"p","name":{"en":"x"},"__proto__":{"admin":true}}'),
    ).toEqual(['__proto__']);
    expect(keysOf({ ...program, name: { ja: '鶴岡', fr: 'Tsuruoka' } })).toEqual(['name.fr']);
    expect(keysOf({ ...need, trlRange: { min: 1, max: 2, best: 1 } })).toEqual(['trlRange.best']);
    expect(keysOf({ ...person, name: { ja: '冨田' }, organisation: 'org-iab' })).toEqual(['organisation']);
  });

  it('catches a program that lists programs (itself) as an unknown key', () => {
    expect(keysOf({ ...program, programs: ['kampo-2024'] })).toEqual(['programs']);
  });

  it('cuts a huge unknown key in the report', () => {
    const key = 'k'.repeat(100_000);
    const [problem] = problemsOf({ ...program, [key]: 1 });
    expect(problem!.key!.length).toBeLessThanOrEqual(100);
  });

  it('lists every problem of a line, not just the first', () => {
    expect(
      problemsOf({
        kind: 'seed',
        externalId: 'bad id!',
        title: 'CE-MS',
        summary: { ja: '' },
        fields: ['metabolomics', 'alchemy'],
        trl: 10,
        collaborationTypes: [],
        status: 'secret',
        extra: true,
      }),
    ).toEqual([
      { lineNumber: 7, key: 'extra', reason: 'unknown key for kind seed' },
      { lineNumber: 7, key: 'externalId', reason: expect.stringContaining('not a valid externalId') },
      { lineNumber: 7, key: 'title', reason: expect.stringContaining('must be an object') },
      { lineNumber: 7, key: 'summary', reason: 'give the text in Japanese (ja), English (en) or both' },
      { lineNumber: 7, key: 'fields[1]', reason: expect.stringContaining('unknown fields code "alchemy"') },
      { lineNumber: 7, key: 'institution', reason: 'is required' },
      { lineNumber: 7, key: 'trl', reason: 'must be an integer from 1 to 9, not 10' },
      { lineNumber: 7, key: 'collaborationTypes', reason: 'must have at least one item' },
      { lineNumber: 7, key: 'status', reason: 'must be one of draft, published, archived, not "secret"' },
    ]);
  });

  it('caps the problems of one line', () => {
    const value: Record<string, unknown> = { ...program };
    for (let index = 0; index < 500; index++) value[`junk${index}`] = index;
    const problems = problemsOf(value);
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_LINE + 1);
    expect(problems.at(-1)).toEqual({ lineNumber: 7, reason: 'and 400 more problems on this line' });
  });

  it('rejects NUL and other control characters, and unpaired surrogates', () => {
    expect(problemAt({ ...program, name: { ja: '鶴岡\u0000' } }, 'name.ja')).toBe(
      'contains a control character',
    );
    expect(problemAt({ ...program, name: { en: 'bell\u0007' } }, 'name.en')).toBe(
      'contains a control character',
    );
    expect(problemAt('{"kind":"program","externalId":"p","name":{"ja":"\\ud800漢方"}}', 'name.ja')).toContain(
      'unpaired',
    );
    // Tabs and line breaks are fine in text; an emoji's surrogate pair too.
    expect(
      recordOf<ProgramRecord>({ ...program, description: { ja: '一行目\n二行目\t🌿' } }).description!.ja,
    ).toBe('一行目\n二行目\t🌿');
  });
});

describe('parseRecord: required keys', () => {
  it.each([
    ['organization', organization, ['externalId', 'name', 'type']],
    ['person', person, ['externalId', 'name', 'organization', 'role']],
    ['seed', seed, ['externalId', 'title', 'summary', 'fields', 'institution', 'collaborationTypes']],
    ['need', need, ['externalId', 'company', 'title', 'description']],
    ['program', program, ['externalId', 'name']],
  ])('%s requires %j', (_kind, valid, required) => {
    for (const key of required) {
      const without = Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key));
      expect(problemsOf(without)).toEqual([{ lineNumber: 7, key, reason: 'is required' }]);
      expect(problemsOf({ ...valid, [key]: null })).toEqual([{ lineNumber: 7, key, reason: 'is required' }]);
    }
    const bare = problemsOf({ kind: (valid as { kind: string }).kind });
    expect(bare.map((problem) => problem.key)).toEqual(required);
  });
});

describe('parseRecord: types', () => {
  it('reports wrong types with the value given', () => {
    expect(problemAt({ ...organization, externalId: 12 }, 'externalId')).toBe('must be a string, not 12');
    expect(problemAt({ ...organization, prefecture: ['山形県'] }, 'prefecture')).toBe(
      'must be a string, not an array',
    );
    expect(problemAt({ ...seed, keywords: '代謝' }, 'keywords')).toBe(
      'must be an array of strings, not the string "代謝"',
    );
    expect(problemAt({ ...seed, keywords: ['代謝', 3] }, 'keywords[1]')).toBe('must be a string, not 3');
    expect(problemAt({ ...seed, fields: 'metabolomics' }, 'fields')).toContain('must be an array');
    expect(problemAt({ ...seed, researchers: [{ id: 'p' }] }, 'researchers[0]')).toBe(
      'must be a string, not an object',
    );
    expect(problemAt({ ...seed, trl: '6' }, 'trl')).toBe(
      'must be an integer from 1 to 9, not the string "6"',
    );
    expect(problemAt({ ...seed, status: true }, 'status')).toBe('must be a string, not true');
  });

  it('reports blank required strings and blank list items', () => {
    expect(problemAt({ ...person, organization: '  ' }, 'organization')).toBe('must not be blank');
    expect(problemAt({ ...seed, keywords: ['代謝', ' '] }, 'keywords[1]')).toBe('must not be blank');
  });

  describe('bilingual text', () => {
    it('accepts Japanese alone, English alone or both', () => {
      expect(recordOf<ProgramRecord>({ ...program, name: { ja: '鶴岡漢方プロジェクト' } }).name).toEqual({
        ja: '鶴岡漢方プロジェクト',
        en: null,
      });
      expect(recordOf<ProgramRecord>({ ...program, name: { en: 'Tsuruoka Kampo Project' } }).name).toEqual({
        ja: null,
        en: 'Tsuruoka Kampo Project',
      });
    });

    it('needs at least one non-blank language', () => {
      const reason = 'give the text in Japanese (ja), English (en) or both';
      expect(problemAt({ ...program, name: {} }, 'name')).toBe(reason);
      expect(problemAt({ ...program, name: { ja: ' ', en: '' } }, 'name')).toBe(reason);
      expect(problemAt({ ...program, name: { ja: null, en: null } }, 'name')).toBe(reason);
      expect(problemAt({ ...program, description: {} }, 'description')).toBe(reason);
    });

    it('must be an object of strings', () => {
      expect(problemAt({ ...program, name: '鶴岡漢方' }, 'name')).toBe(
        'must be an object such as {"ja": "…", "en": "…"}, not the string "鶴岡漢方"',
      );
      expect(problemAt({ ...program, name: ['鶴岡'] }, 'name')).toContain('not an array');
      expect(problemAt({ ...program, name: { ja: 5, en: 'Kampo' } }, 'name.ja')).toBe(
        'must be a string, not 5',
      );
      expect(keysOf({ ...program, name: { ja: 5, en: 'Kampo' } })).toEqual(['name.ja']);
    });
  });

  it('checks trl is an integer 1..9', () => {
    for (const trl of [1, 9]) expect(recordOf<SeedRecord>({ ...seed, trl }).trl).toBe(trl);
    for (const trl of [0, 10, -1, 6.5])
      expect(problemAt({ ...seed, trl }, 'trl')).toBe(`must be an integer from 1 to 9, not ${trl}`);
  });

  it('checks trlRange: {min, max}, integers 1..9, min <= max', () => {
    expect(recordOf<NeedRecord>({ ...need, trlRange: { min: 4, max: 4 } }).trlRange).toEqual({
      min: 4,
      max: 4,
    });
    expect(problemAt({ ...need, trlRange: { min: 7, max: 3 } }, 'trlRange')).toBe(
      'min (7) must not be greater than max (3)',
    );
    expect(problemAt({ ...need, trlRange: { min: 0, max: 3 } }, 'trlRange.min')).toBe(
      'must be an integer from 1 to 9, not 0',
    );
    expect(problemAt({ ...need, trlRange: { min: 2, max: 9.5 } }, 'trlRange.max')).toBe(
      'must be an integer from 1 to 9, not 9.5',
    );
    expect(problemAt({ ...need, trlRange: { min: 2 } }, 'trlRange.max')).toBe('is required');
    expect(problemAt({ ...need, trlRange: [3, 6] }, 'trlRange')).toContain('must be an object');
    expect(problemAt({ ...need, trlRange: '3-6' }, 'trlRange')).toContain('must be an object');
  });

  it('checks ISO 8601 dates', () => {
    expect(recordOf<SeedRecord>({ ...seed, publishedAt: '2024-02-29' }).publishedAt).toBe('2024-02-29');
    expect(recordOf<SeedRecord>({ ...seed, publishedAt: '2024-04-01T09:30:00Z' }).publishedAt).toBe(
      '2024-04-01T09:30:00.000Z',
    );
    expect(recordOf<NeedRecord>({ ...need, deadline: '2025-01-01T00:00+09:00' }).deadline).toBe(
      '2024-12-31T15:00:00.000Z',
    );
    for (const bad of [
      '2023-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024/04/01',
      '令和6年4月1日',
      'April 1, 2024',
      '2024-04-01T25:00:00Z',
      '24-04-01',
      '1700000000',
    ]) {
      expect(problemAt({ ...seed, publishedAt: bad }, 'publishedAt')).toContain('is not an ISO 8601 date');
    }
    expect(problemAt({ ...need, deadline: '2025-03-31T17:00:00' }, 'deadline')).toContain('add a time zone');
    expect(problemAt({ ...need, deadline: 20250331 }, 'deadline')).toBe('must be a string, not 20250331');
  });

  it('parseIsoDate handles fractions and offsets', () => {
    expect(parseIsoDate('2024-04-01T09:00:00.123456+09:00')).toBe('2024-04-01T00:00:00.123Z');
    expect(parseIsoDate('2024-04-01T00:00:00-05:30')).toBe('2024-04-01T05:30:00.000Z');
    expect(parseIsoDate('2024-04-01T00:00:00+24:00')).toBeUndefined();
    expect(parseIsoDate('0999-01-01')).toBeUndefined();
  });

  it('checks website is an http or https URL', () => {
    expect(
      recordOf<OrganizationRecord>({ ...organization, website: 'https://www.iab.keio.ac.jp/' }).website,
    ).toBe('https://www.iab.keio.ac.jp/');
    expect(recordOf<OrganizationRecord>({ ...organization, website: 'http://鶴岡.jp/漢方' }).website).toBe(
      'http://鶴岡.jp/漢方',
    );
    expect(problemAt({ ...organization, website: 'www.iab.keio.ac.jp' }, 'website')).toContain(
      'is not a URL',
    );
    expect(problemAt({ ...organization, website: 'javascript:alert(1)' }, 'website')).toBe(
      'must be an http or https URL, not javascript',
    );
    expect(problemAt({ ...organization, website: 'ftp://example.jp/' }, 'website')).toBe(
      'must be an http or https URL, not ftp',
    );
    expect(problemAt({ ...organization, website: 'https://user:pw@example.jp/' }, 'website')).toContain(
      'user name or password',
    );
  });

  it('checks email looks like an address', () => {
    expect(recordOf<PersonRecord>({ ...person, email: ' tomita@example.ac.jp ' }).email).toBe(
      'tomita@example.ac.jp',
    );
    for (const bad of ['tomita', 'tomita@', '@example.jp', 'to mita@example.jp', 'tomita@localhost']) {
      expect(problemAt({ ...person, email: bad }, 'email')).toContain('is not an email address');
    }
  });
});

describe('parseRecord: codes and enums', () => {
  it('checks the organization type against the taxonomy', () => {
    for (const type of ['university', 'company', 'startup', 'public-lab'])
      expect(recordOf<OrganizationRecord>({ ...organization, type }).type).toBe(type);
    expect(problemAt({ ...organization, type: '大学' }, 'type')).toMatch(
      /^unknown organizationTypes code "大学": expected one of university, /,
    );
    expect(problemAt({ ...organization, type: 'University' }, 'type')).toContain(
      'unknown organizationTypes code',
    );
  });

  it('checks fields, collaboration types and desired collaboration per item', () => {
    expect(problemAt({ ...seed, fields: ['metabolomics', 'kampo', 'kampo-herbal'] }, 'fields[1]')).toContain(
      'unknown fields code "kampo"',
    );
    expect(
      problemAt({ ...seed, collaborationTypes: ['licensing', 'consulting'] }, 'collaborationTypes[1]'),
    ).toContain('unknown collaborationTypes code');
    expect(
      problemAt({ ...need, desiredCollaboration: ['joint-research', 'merger'] }, 'desiredCollaboration[1]'),
    ).toContain('unknown collaborationTypes code "merger"');
    expect(problemAt({ ...need, fields: ['ゲノム'] }, 'fields[0]')).toContain('unknown fields code');
    expect(problemAt({ ...seed, fields: [] }, 'fields')).toBe('must have at least one item');
    expect(recordOf<NeedRecord>({ ...need, fields: [] }).fields).toEqual([]);
  });

  it('checks ipStatus against the taxonomy, "none" by default', () => {
    expect(recordOf<SeedRecord>({ ...seed, ipStatus: 'pending' }).ipStatus).toBe('pending');
    expect(problemAt({ ...seed, ipStatus: 'patented' }, 'ipStatus')).toContain(
      'unknown ipStatuses code "patented"',
    );
  });

  it('checks the enums', () => {
    for (const role of ['researcher', 'company-member', 'coordinator'])
      expect(recordOf<PersonRecord>({ ...person, role }).role).toBe(role);
    expect(problemAt({ ...person, role: 'admin' }, 'role')).toBe(
      'must be one of researcher, company-member, coordinator, not "admin"',
    );
    expect(problemAt({ ...person, role: '研究者' }, 'role')).toContain('must be one of');
    expect(problemAt({ ...seed, status: 'Published' }, 'status')).toContain(
      'must be one of draft, published',
    );
    expect(problemAt({ ...need, confidentiality: 'private' }, 'confidentiality')).toBe(
      'must be one of public, coordinators, not "private"',
    );
    expect(problemAt({ ...need, status: 'pending' }, 'status')).toBe(
      'must be one of open, closed, not "pending"',
    );
  });
});

describe('parseRecord: limits', () => {
  it('externalId: at most 200 characters of A-Z a-z 0-9 . _ : -', () => {
    for (const id of ['seed-001', 'IAB:2024.seed_7', 'a'.repeat(200)])
      expect(recordOf<ProgramRecord>({ ...program, externalId: id }).externalId).toBe(id);
    expect(problemAt({ ...program, externalId: 'a'.repeat(201) }, 'externalId')).toBe(
      'must be at most 200 characters (it has 201)',
    );
    for (const id of ['seed 001', 'シーズ001', 'seed/001', 'seed#1']) {
      expect(problemAt({ ...program, externalId: id }, 'externalId')).toContain('is not a valid externalId');
    }
  });

  it('applies the externalId rules to references', () => {
    expect(problemAt({ ...person, organization: '先端研' }, 'organization')).toContain(
      'is not a valid externalId',
    );
    expect(problemAt({ ...seed, researchers: ['ok-1', 'not ok'] }, 'researchers[1]')).toContain(
      'is not a valid externalId',
    );
    expect(problemAt({ ...need, programs: ['x'.repeat(201)] }, 'programs[0]')).toContain(
      'at most 200 characters',
    );
  });

  it('names and titles: 300 characters per language, counted as characters not bytes', () => {
    expect(
      recordOf<ProgramRecord>({ ...program, name: { ja: '漢'.repeat(300), en: 'K'.repeat(300) } }).name.ja,
    ).toHaveLength(300);
    expect(recordOf<ProgramRecord>({ ...program, name: { ja: '🌿'.repeat(300) } }).name.ja).toBe(
      '🌿'.repeat(300),
    );
    expect(problemAt({ ...program, name: { ja: '漢'.repeat(301) } }, 'name.ja')).toBe(
      'must be at most 300 characters (it has 301)',
    );
    expect(problemAt({ ...seed, title: { ja: 'ok', en: 'T'.repeat(301) } }, 'title.en')).toContain(
      'at most 300',
    );
    expect(problemAt({ ...person, name: { en: 'N'.repeat(301) } }, 'name.en')).toContain('at most 300');
  });

  it('summaries and descriptions: 10,000 characters per language', () => {
    expect(recordOf<SeedRecord>({ ...seed, summary: { ja: 'あ'.repeat(10_000) } }).summary.ja).toHaveLength(
      10_000,
    );
    expect(problemAt({ ...seed, summary: { ja: 'あ'.repeat(10_001) } }, 'summary.ja')).toBe(
      'must be at most 10,000 characters (it has 10,001)',
    );
    expect(problemAt({ ...need, description: { en: 'd'.repeat(10_001) } }, 'description.en')).toContain(
      'at most 10,000',
    );
    expect(
      problemAt({ ...organization, description: { en: 'd'.repeat(10_001) } }, 'description.en'),
    ).toContain('at most 10,000');
  });

  it('keywords, applications, patents: 50 items of 200 characters', () => {
    const fifty = Array.from({ length: 50 }, (_, index) => `キーワード${index}`);
    expect(recordOf<SeedRecord>({ ...seed, keywords: fifty }).keywords).toHaveLength(50);
    for (const key of ['keywords', 'applications', 'patents']) {
      expect(problemAt({ ...seed, [key]: [...fifty, 'one more'] }, key)).toBe(
        'must have at most 50 items (it has 51)',
      );
      expect(problemAt({ ...seed, [key]: ['ok', '語'.repeat(201)] }, `${key}[1]`)).toContain(
        'at most 200 characters',
      );
    }
  });

  it('fields and programs: at most 20', () => {
    const codes = Array.from({ length: 21 }, () => 'metabolomics');
    expect(problemAt({ ...seed, fields: codes }, 'fields')).toBe('must have at most 20 items (it has 21)');
    const programs = Array.from({ length: 21 }, (_, index) => `program-${index}`);
    expect(problemAt({ ...seed, programs }, 'programs')).toContain('at most 20 items');
    expect(problemAt({ ...need, programs }, 'programs')).toContain('at most 20 items');
    expect(recordOf<NeedRecord>({ ...need, programs: programs.slice(0, 20) }).programs).toHaveLength(20);
  });

  it('short strings: prefecture, city and title at most 200 characters', () => {
    expect(problemAt({ ...organization, city: '市'.repeat(201) }, 'city')).toContain('at most 200');
    expect(problemAt({ ...person, title: '教'.repeat(201) }, 'title')).toContain('at most 200');
  });

  it('quotes long values shortly in reasons', () => {
    const reason = problemAt({ ...organization, type: 'x'.repeat(5000) }, 'type');
    expect(reason.length).toBeLessThan(400);
  });
});
