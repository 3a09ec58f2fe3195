import type { Random } from './random.js';

/** Text that breaks naive code: controls, lone surrogates, direction marks, SQL and LIKE metacharacters. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u0003',
  '\u001b[31mred',
  '\u007f',
  '\u0085next-line',
  '\u2028\u2029',
  'a\ud800b',
  '\ud800',
  '\udc00',
  '\udfff\ud800',
  'tail\udbff',
  '\u202eevil\u202c',
  '\u200b\u200c\u200d\ufeff',
  '\u061c\u200f\u200e',
  'e\u0301\u0301\u0301\u0301',
  '\ufdfa'.repeat(50),
  'ﾊﾝｶｸ',
  '🧬🦠\u{1f9ea}',
  '%',
  '_',
  '%_%',
  '\\',
  '\\%\\_',
  "'",
  "''",
  "'; DROP TABLE research_seed; --",
  "' OR '1'='1",
  '"; --',
  ';',
  '$1',
  '::text',
  '*',
  'NEAR(a b)',
  '"unterminated',
  'AND OR NOT',
  '-',
  '^$.*+?()[]{}|',
  '{"a":1}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '1e309',
  '9'.repeat(40),
  '0000-00-00',
  '0000-01-01T00:00:00.000Z',
  '2026-02-30',
  '+275760-09-13T00:00:00.000Z',
];

const LONG_UNITS = ['a', '日', '%', '\u200b', 'é', '🧬', 'x y '];

/** A long string: around validator limits (200, 300, 10 000) and well past them. */
export function longText(random: Random): string {
  const length = random.pick([199, 200, 201, 300, 301, 1000, 10_000, 10_001, 60_000]);
  return random.pick(LONG_UNITS).repeat(length);
}

export function hostileString(random: Random): string {
  if (random.chance(0.12)) return longText(random);
  if (random.chance(0.15)) return `${random.pick(HOSTILE_TEXT)}${random.pick(HOSTILE_TEXT)}`;
  return random.pick(HOSTILE_TEXT);
}

export const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Ids that are not the UUIDs the app writes, or UUIDs of nothing. */
export function hostileId(random: Random): string | number {
  return random.pick<string | number>([
    'not-a-uuid',
    '1',
    '-1',
    0,
    2147483648,
    NIL_UUID,
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F',
    '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5',
    '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5fX',
    '{6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f}',
    '6f1c2d3e4a5b4c6d8e9f0a1b2c3d4e5f',
    '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\u0000',
    "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f' OR 1=1 --",
    '%',
    '',
    randomUuid(random),
    hostileString(random),
  ]);
}

export function randomUuid(random: Random): string {
  const hex = () => random.int(0, 15).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-${random.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const b64std = (text: string) => Buffer.from(text).toString('base64');

/** Cursors no list ever handed out: keyset ([createdAt, id]) and search (search:offset) forms alike. */
export function hostileCursor(random: Random): string {
  const id = randomUuid(random);
  return random.pick([
    b64(JSON.stringify(['0000-01-01T00:00:00.000Z', id])),
    b64(JSON.stringify(['-000001-01-01T00:00:00.000Z', id])),
    b64(JSON.stringify(['+275760-09-13T00:00:00.000Z', id])),
    b64(JSON.stringify([new Date(0).toISOString(), 'not-a-uuid'])),
    b64(JSON.stringify([new Date().toISOString(), `${id}\u0000`])),
    b64(JSON.stringify([-1, id])),
    b64(JSON.stringify([1e308, 1e308])),
    b64(JSON.stringify([null, null])),
    b64(JSON.stringify({ createdAt: new Date().toISOString(), id })),
    b64(JSON.stringify([[[[[]]]]])),
    b64('search:-1'),
    b64('search:1e308'),
    b64('search:99999999999999999999999'),
    b64('search:9007199254740993'),
    b64('search:0x10'),
    b64('search:NaN'),
    b64('search: 1'),
    b64('search:1\u0000'),
    b64std('search:10'),
    b64(`search:${random.int(0, 100_000)}`),
    b64('\ud800'),
    b64('garbage'),
    'bm90IGpzb24',
    '%%%',
    '====',
    'A'.repeat(random.pick([1, 4096, 100_000])),
    hostileString(random),
  ]);
}

export function hostileInt(random: Random): unknown {
  return random.pick<unknown>([
    0,
    -1,
    -2147483648,
    2147483647,
    2147483648,
    -2147483649,
    Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    1.5,
    -0.0001,
    '1',
    'NaN',
    'Infinity',
    true,
    [1],
    { value: 1 },
    random.int(-1000, 1000),
  ]);
}

export function hostileFloat(random: Random): unknown {
  return random.pick<unknown>([0, -1, 1e308, -1e308, 5e-324, 'NaN', '-Infinity', '1', false, [0.5]]);
}

export function hostileBoolean(random: Random): unknown {
  return random.pick<unknown>(['true', 'false', 0, 1, '', 'yes', [true], { value: true }]);
}

export function hostileEnum(random: Random, values: readonly string[]): unknown {
  const valid = random.pick(values);
  return random.pick<unknown>([
    'NOPE',
    valid.toLowerCase(),
    ` ${valid}`,
    `${valid}\u0000`,
    '',
    0,
    1,
    true,
    [valid, 'NOPE'],
    { value: valid },
    '__proto__',
    'constructor',
  ]);
}

/** A value deep enough to trouble recursive walkers (JSON parser, validators). */
export function deepNesting(random: Random): unknown {
  const depth = random.pick([50, 500, 3000]);
  let value: unknown = 'leaf';
  const asList = random.chance(0.5);
  for (let level = 0; level < depth; level += 1) value = asList ? [value] : { nested: value };
  return value;
}

/** A value of some other JSON type than the argument's. */
export function wrongType(random: Random): unknown {
  return random.pick<unknown>([
    null,
    {},
    [],
    [null],
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    true,
    0,
    -1.5,
    'string',
    [[[]]],
    Array.from({ length: 5000 }, (_, i) => i),
  ]);
}
