import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLNamedInputType,
} from 'graphql';
import {
  deepNesting,
  hostileBoolean,
  hostileCursor,
  hostileEnum,
  hostileFloat,
  hostileId,
  hostileInt,
  hostileString,
  wrongType,
} from './hostile-values.js';
import type { Operation } from './operations.js';
import type { Random } from './random.js';

/** Real values of the test's database, so valid-looking arguments reach services and queries. */
export interface Pools {
  seedIds: string[];
  needIds: string[];
  organizationIds: string[];
  programIds: string[];
  programCodes: string[];
  proposalIds: string[];
  savedSearchIds: string[];
  notificationIds: string[];
  /** Accounts the fuzz may approve or reject: never the roles it signs in as. */
  spareUserIds: string[];
  personIds: string[];
  researcherUserIds: string[];
  externalIds: string[];
  fields: string[];
  collaborationTypes: string[];
  organizationTypes: string[];
  ipStatuses: string[];
  cursors: string[];
  ndaVersion: string;
  ndjsonLines: string[];
}

const WORDS = ['クモ糸', '発酵', '乳酸菌', 'spider silk', 'metabolome', 'bacteria', '庄内 漬物', ''];

/** Which pool a valid-looking id comes from, by argument name, else by operation. */
function validId(name: string, operation: string, pools: Pools, random: Random): string {
  const n = name.toLowerCase();
  const op = operation.toLowerCase();
  const pool = n.startsWith('seed')
    ? pools.seedIds
    : n.startsWith('need')
      ? pools.needIds
      : /organization|institution|company/.test(n)
        ? pools.organizationIds
        : n.startsWith('proposal')
          ? pools.proposalIds
          : n === 'userid'
            ? pools.spareUserIds
            : n.startsWith('researcher')
              ? pools.personIds
              : n === 'ids'
                ? pools.notificationIds
                : op.includes('seed')
                  ? pools.seedIds
                  : op.includes('need')
                    ? pools.needIds
                    : op.includes('organization')
                      ? pools.organizationIds
                      : op.includes('program')
                        ? pools.programIds
                        : op.includes('savedsearch')
                          ? pools.savedSearchIds
                          : op.includes('proposal') || op.includes('nda')
                            ? pools.proposalIds
                            : op.includes('person')
                              ? pools.personIds
                              : [...pools.seedIds, ...pools.needIds, ...pools.organizationIds];
  return random.pick(pool.length ? pool : pools.seedIds);
}

function validString(name: string, operation: string, pools: Pools, random: Random): unknown {
  const n = name.toLowerCase();
  if (/ids$/.test(n)) return validId(n, operation, pools, random);
  if (n === 'email') return `fuzz-${random.int(0, 1e9)}@example.jp`;
  if (n === 'password') return 'correct-horse-battery-staple';
  // never a standing account's password: closeMyAccount would close the fuzz world's callers
  if (n === 'currentpassword') return 'not-the-password-of-any-fuzz-account';
  if (n === 'fields') return random.pick(pools.fields);
  if (/collaboration/.test(n)) return random.pick(pools.collaborationTypes);
  if (/program|^code$/.test(n)) return random.pick(pools.programCodes);
  if (/^types?$/.test(n)) return random.pick(pools.organizationTypes);
  if (/ipstatus/.test(n)) return random.pick(pools.ipStatuses);
  if (/prefecture/.test(n)) return '山形県';
  if (n === 'city') return '鶴岡市';
  if (n === 'website') return 'https://example.jp/lab';
  if (n === 'deadline') return random.pick(['2027-03-31', '2026-12-01']);
  if (n === 'externalid') return random.pick([...pools.externalIds, `fuzz-${random.int(0, 1e6)}`]);
  if (n === 'textversion') return pools.ndaVersion;
  if (n === 'after') return random.pick(pools.cursors);
  if (n === 'query') return random.pick(WORDS);
  if (n === 'ndjson') return random.pick(pools.ndjsonLines);
  if (n === 'refreshtoken') return Buffer.from(String(random.next())).toString('base64url');
  if (n === 'en') return 'Fermented spider silk for textiles';
  return random.pick(['庄内の発酵技術', '鶴岡 太郎', 'A short note.', 'メモ']);
}

function validInt(name: string, random: Random): number {
  const n = name.toLowerCase();
  if (n === 'version') return random.int(1, 4);
  if (n === 'first') return random.int(1, 50);
  if (n.startsWith('trl')) return random.int(1, 9);
  return random.int(0, 10);
}

function hostileScalar(type: GraphQLNamedInputType, name: string, random: Random): unknown {
  if (random.chance(0.08)) return wrongType(random);
  if (isEnumType(type))
    return hostileEnum(
      random,
      type.getValues().map((value) => value.name),
    );
  switch (type.name) {
    case 'ID':
      return hostileId(random);
    case 'Int':
      return hostileInt(random);
    case 'Float':
      return hostileFloat(random);
    case 'Boolean':
      return hostileBoolean(random);
    case 'String':
      return name === 'after' && random.chance(0.7) ? hostileCursor(random) : hostileString(random);
    default:
      return hostileString(random);
  }
}

function validScalar(type: GraphQLNamedInputType, name: string, op: string, pools: Pools, random: Random) {
  if (isEnumType(type)) return random.pick(type.getValues()).name;
  switch (type.name) {
    case 'ID':
      return validId(name, op, pools, random);
    case 'Int':
      return validInt(name, random);
    case 'Float':
      return random.next();
    case 'Boolean':
      return random.chance(0.5);
    case 'Upload':
      return null;
    default:
      return validString(name, op, pools, random);
  }
}

export interface Generation {
  random: Random;
  pools: Pools;
  operation: string;
  /** Chance that any one value (leaf, list or object) is hostile: 0 gives a valid-looking call. */
  hostility: number;
  /** Values generated for this call, and how many of them hostile. */
  count: { values: number; hostile: number };
}

/** Counts a value generated in place of a valid one. */
function hostile<T>(gen: Generation, value: T): T {
  gen.count.hostile += 1;
  return value;
}

/** A value for one argument or input field, walking input objects and lists recursively. */
export function valueFor(type: GraphQLInputType, name: string, gen: Generation, depth = 0): unknown {
  const { random } = gen;
  gen.count.values += 1;
  if (isNonNullType(type)) {
    gen.count.values -= 1; // counted once, as its inner type
    if (random.chance(gen.hostility * 0.04)) return hostile(gen, null);
    return valueFor(type.ofType, name, gen, depth);
  }
  if (isListType(type)) {
    if (random.chance(gen.hostility * 0.15))
      return hostile(
        gen,
        random.pick([
          () => [],
          () => {
            // Long lists of valid-looking items: what list limits and per-item validators must bound.
            const plain = { ...gen, hostility: 0, count: { values: 0, hostile: 0 } };
            return Array.from({ length: random.pick([101, 1000, 5000]) }, () =>
              valueFor(type.ofType, name, plain, 9),
            );
          },
          () => [null],
          () => deepNesting(random),
          () => valueFor(type.ofType, name, gen, depth + 1),
        ])(),
      );
    return Array.from({ length: random.int(1, 3) }, () => valueFor(type.ofType, name, gen, depth + 1));
  }
  if (isInputObjectType(type)) {
    if (random.chance(gen.hostility * 0.1))
      return hostile(gen, random.chance(0.5) ? deepNesting(random) : wrongType(random));
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const optional = !isNonNullType(field.type) || field.defaultValue !== undefined;
      if (optional && random.chance(0.35)) continue;
      value[field.name] = valueFor(field.type, field.name, gen, depth + 1);
    }
    if (random.chance(gen.hostility * 0.05))
      value[random.pick(['unknownField', '__proto__', 'id'])] = hostile(gen, 'x');
    return value;
  }
  return random.chance(gen.hostility)
    ? hostile(gen, hostileScalar(type, name, random))
    : validScalar(type, name, gen.operation, gen.pools, random);
}

/** Variables for one call: optional arguments are sometimes left out, the rest generated. */
export function variablesFor(operation: Operation, gen: Generation): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of operation.args) {
    if (!isNonNullType(arg.type) && gen.random.chance(0.3)) continue;
    variables[arg.name] = valueFor(arg.type, arg.name, gen);
  }
  return variables;
}
