import { describe, expect, it } from '@jest/globals';
import { NEED_INDEX, SEED_INDEX } from '../index-definitions.js';
import type { Filter } from '../search-engine.js';
import {
  buildFilter,
  InvalidFilterError,
  matchNothing,
  numberLiteral,
  stringLiteral,
} from './meilisearch-filter.js';

type Token = { kind: 'string' | 'word' | 'punctuation'; text: string };

/**
 * Reads a filter expression the way Meilisearch's parser does at the lexical level:
 * double-quoted strings (where `\x` stands for x), brackets, parentheses, commas, and
 * bare words. Throws on anything else, such as an unterminated string.
 */
function tokenize(expression: string): Token[] {
  const pattern = /\s+|"((?:\\[\s\S]|[^"\\])*)"|([()[\],])|([^\s()[\],"]+)/y;
  const tokens: Token[] = [];
  while (pattern.lastIndex < expression.length) {
    const at = pattern.lastIndex;
    const match = pattern.exec(expression);
    if (!match) throw new Error(`unparseable at ${at}: ${expression.slice(at)}`);
    if (match[1] !== undefined) tokens.push({ kind: 'string', text: match[1].replace(/\\([\s\S])/g, '$1') });
    else if (match[2] !== undefined) tokens.push({ kind: 'punctuation', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'word', text: match[3] });
  }
  return tokens;
}

const strings = (expression: string) =>
  tokenize(expression)
    .filter((token) => token.kind === 'string')
    .map((token) => token.text);
/** Everything but the string values: attributes, operators, brackets — the meaning of the expression. */
const structure = (expression: string) =>
  tokenize(expression).map((token) => (token.kind === 'string' ? '<string>' : token.text));

const HOSTILE = [
  '"',
  '\\',
  '\\"',
  '""',
  'trailing backslash\\',
  '" OR status = "draft',
  '\\" OR status = \\"draft',
  'published" OR visibility = "restricted',
  'x AND y',
  'NOT published',
  'OR',
  ') OR (status EXISTS',
  '] OR status IN ["draft',
  '[a, b]',
  'line\nbreak\r\nand\ttab',
  '研究開発　"全角"',
  '🚀 émoji \u0000 nul',
  '\uE000highlight marker\uE001',
];

describe('buildFilter', () => {
  it('writes lists as IN with quoted strings, numbers and booleans as literals', () => {
    expect(buildFilter({ attribute: 'status', in: ['published'] }, SEED_INDEX)).toBe(
      'status IN ["published"]',
    );
    expect(buildFilter({ attribute: 'trl', in: [3, 4.5, -1] }, SEED_INDEX)).toBe('trl IN [3, 4.5, -1]');
    expect(buildFilter({ attribute: 'visibility', in: [true, false] }, SEED_INDEX)).toBe(
      'visibility IN [true, false]',
    );
    expect(buildFilter({ attribute: 'fields', in: ['bio', 'chem'] }, SEED_INDEX)).toBe(
      'fields IN ["bio", "chem"]',
    );
  });

  it('writes ranges as bounds in parentheses, with either bound optional', () => {
    expect(buildFilter({ attribute: 'trl', min: 1, max: 5 }, SEED_INDEX)).toBe('(trl >= 1 AND trl <= 5)');
    expect(buildFilter({ attribute: 'trl', min: 4 }, SEED_INDEX)).toBe('(trl >= 4)');
    expect(buildFilter({ attribute: 'publishedAt', max: 1_700_000_000_000 }, SEED_INDEX)).toBe(
      '(publishedAt <= 1700000000000)',
    );
    expect(buildFilter({ attribute: 'trlMin', min: 0 }, NEED_INDEX)).toBe('(trlMin >= 0)');
    expect(buildFilter({ attribute: 'trl' }, SEED_INDEX)).toBeUndefined(); // no bound, no restriction
  });

  it('combines with parentheses around every part', () => {
    const filter: Filter = {
      all: [
        { attribute: 'status', in: ['published'] },
        {
          any: [
            { attribute: 'visibility', in: ['public'] },
            { attribute: 'listedUserIds', in: ['u1'] },
          ],
        },
        { attribute: 'trl', min: 3 },
      ],
    };
    expect(buildFilter(filter, SEED_INDEX)).toBe(
      '(status IN ["published"]) AND ((visibility IN ["public"]) OR (listedUserIds IN ["u1"])) AND ((trl >= 3))',
    );
    expect(buildFilter({ all: [{ attribute: 'status', in: ['published'] }] }, SEED_INDEX)).toBe(
      'status IN ["published"]',
    );
  });

  it('has no filter for no filter, an empty all, or parts that restrict nothing', () => {
    expect(buildFilter(undefined, SEED_INDEX)).toBeUndefined();
    expect(buildFilter({ all: [] }, SEED_INDEX)).toBeUndefined();
    expect(buildFilter({ all: [{ all: [] }, { attribute: 'trl' }] }, SEED_INDEX)).toBeUndefined();
    expect(
      buildFilter({ any: [{ attribute: 'status', in: ['draft'] }, { all: [] }] }, SEED_INDEX),
    ).toBeUndefined();
  });

  it('matches nothing for an empty list, an empty any, or an all holding one of those', () => {
    const nothing = matchNothing(SEED_INDEX);
    expect(nothing).toBe('(fields EXISTS AND fields NOT EXISTS)');
    expect(buildFilter({ attribute: 'status', in: [] }, SEED_INDEX)).toBe(nothing);
    expect(buildFilter({ any: [] }, SEED_INDEX)).toBe(nothing);
    expect(
      buildFilter(
        {
          all: [
            { attribute: 'status', in: ['published'] },
            { attribute: 'fields', in: [] },
          ],
        },
        SEED_INDEX,
      ),
    ).toBe(nothing);
    expect(buildFilter({ all: [{ attribute: 'status', in: ['published'] }, { any: [] }] }, SEED_INDEX)).toBe(
      nothing,
    );
    // in an any, a part matching nothing just drops out
    expect(
      buildFilter(
        {
          any: [
            { attribute: 'status', in: [] },
            { attribute: 'status', in: ['published'] },
          ],
        },
        SEED_INDEX,
      ),
    ).toBe('status IN ["published"]');
  });

  it('never names an attribute the definition does not allow', () => {
    const unknown = [
      'title',
      'id',
      'status = "x" OR id',
      'status) OR (id',
      '__proto__',
      'constructor',
      '',
      'publishedAt ',
    ];
    for (const attribute of unknown) {
      expect(() => buildFilter({ attribute, in: ['x'] }, SEED_INDEX)).toThrow(InvalidFilterError);
      expect(() => buildFilter({ all: [{ any: [{ attribute, min: 1 }] }] }, SEED_INDEX)).toThrow(
        InvalidFilterError,
      );
    }
    expect(() => buildFilter({ attribute: 'listedUserIds', in: ['u1'] }, NEED_INDEX)).toThrow(
      InvalidFilterError,
    ); // a seed attribute
    expect(() => buildFilter({ attribute: 'status', min: 1 }, SEED_INDEX)).toThrow(InvalidFilterError); // ranges need a numeric attribute
  });

  it('rejects numbers that are not finite and values of other types', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => buildFilter({ attribute: 'trl', min: bad }, SEED_INDEX)).toThrow(InvalidFilterError);
      expect(() => buildFilter({ attribute: 'trl', in: [bad] }, SEED_INDEX)).toThrow(InvalidFilterError);
    }
    expect(() =>
      buildFilter({ attribute: 'trl', min: '1 OR status EXISTS' as unknown as number }, SEED_INDEX),
    ).toThrow(InvalidFilterError);
    expect(() => buildFilter({ attribute: 'trl', in: [null as unknown as string] }, SEED_INDEX)).toThrow(
      InvalidFilterError,
    );
    expect(() => buildFilter({ attribute: 'trl', in: [{} as unknown as string] }, SEED_INDEX)).toThrow(
      InvalidFilterError,
    );
    expect(() =>
      buildFilter({ attribute: 'status', in: 'published' as unknown as string[] }, SEED_INDEX),
    ).toThrow(InvalidFilterError);
  });

  it('writes numbers as plain decimals', () => {
    expect(numberLiteral(1e21)).toBe('1000000000000000000000');
    expect(numberLiteral(-1e21)).toBe('-1000000000000000000000');
    expect(numberLiteral(-0)).toBe('0');
    expect(numberLiteral(0.25)).toBe('0.25');
  });

  it('escapes backslashes and double quotes, and nothing else', () => {
    expect(stringLiteral('a"b')).toBe('"a\\"b"');
    expect(stringLiteral('a\\b')).toBe('"a\\\\b"');
    expect(stringLiteral('\\"')).toBe('"\\\\\\""');
    expect(stringLiteral("it's (x) [y] AND z")).toBe('"it\'s (x) [y] AND z"');
  });

  describe.each(HOSTILE)('with the hostile value %j', (value) => {
    const build = (v: string) =>
      buildFilter(
        {
          all: [
            { attribute: 'status', in: ['published', v] },
            {
              any: [
                { attribute: 'visibility', in: [v] },
                { attribute: 'listedUserIds', in: [v, 'u1'] },
              ],
            },
          ],
        },
        SEED_INDEX,
      ) as string;

    it('keeps the value inside one string literal each time it appears', () => {
      expect(strings(build(value))).toEqual(['published', value, value, value, 'u1']);
    });

    it('keeps the meaning: same attributes, operators and brackets as with a harmless value', () => {
      expect(structure(build(value))).toEqual(structure(build('harmless')));
      const operators = (expression: string) =>
        tokenize(expression).filter(
          (token) => token.kind === 'word' && ['AND', 'OR', 'NOT'].includes(token.text),
        );
      expect(operators(build(value))).toHaveLength(2);
    });
  });
});
