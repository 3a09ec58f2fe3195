import type { IndexDefinition } from '../index-definitions.js';
import type { Filter } from '../search-engine.js';
import { filterableAttributes } from './meilisearch-settings.js';

export class InvalidFilterError extends Error {}

/** A compiled filter node: an expression, or one of the two constants the algebra simplifies away. */
const EVERYTHING = Symbol('everything');
const NOTHING = Symbol('nothing');
type Compiled = string | typeof EVERYTHING | typeof NOTHING;

/**
 * Meilisearch has no literal `false` (and `IN []` is not accepted by every version),
 * so "matches nothing" is a contradiction on an attribute every index may filter on.
 */
export function matchNothing(definition: IndexDefinition): string {
  const attribute = filterableAttributes(definition)[0];
  return `(${attribute} EXISTS AND ${attribute} NOT EXISTS)`;
}

/**
 * The only place Meilisearch filter expressions are built. Attribute names come
 * from the index definition (an unknown one throws); values are always literals:
 * strings double-quoted and escaped, numbers finite, booleans true/false.
 *
 * `undefined` means no restriction. An empty `in` list, an empty `any`, or an `all`
 * holding one of those matches nothing and yields `matchNothing(definition)`.
 * A range with neither bound restricts nothing (as in the embedded engine).
 */
export function buildFilter(filter: Filter | undefined, definition: IndexDefinition): string | undefined {
  if (filter === undefined) return undefined;
  const compiled = compile(filter, definition);
  if (compiled === EVERYTHING) return undefined;
  if (compiled === NOTHING) return matchNothing(definition);
  return compiled;
}

function compile(filter: Filter, definition: IndexDefinition): Compiled {
  if ('all' in filter) return all(filter.all.map((part) => compile(part, definition)));
  if ('any' in filter) return any(filter.any.map((part) => compile(part, definition)));
  if ('in' in filter) return oneOf(filter.attribute, filter.in, definition);
  return range(filter.attribute, filter.min, filter.max, definition);
}

function all(parts: Compiled[]): Compiled {
  if (parts.includes(NOTHING)) return NOTHING;
  return join(
    parts.filter((part) => part !== EVERYTHING),
    'AND',
    EVERYTHING,
  );
}

function any(parts: Compiled[]): Compiled {
  if (parts.includes(EVERYTHING)) return EVERYTHING;
  return join(
    parts.filter((part) => part !== NOTHING),
    'OR',
    NOTHING,
  );
}

function join(parts: Compiled[], operator: 'AND' | 'OR', whenEmpty: Compiled): Compiled {
  if (parts.length === 0) return whenEmpty;
  if (parts.length === 1) return parts[0];
  return parts.map((part) => `(${String(part)})`).join(` ${operator} `);
}

function oneOf(
  attribute: string,
  values: (string | number | boolean)[],
  definition: IndexDefinition,
): Compiled {
  const name = checkedAttribute(attribute, filterableAttributes(definition), definition);
  if (!Array.isArray(values)) throw new InvalidFilterError(`filter on ${name}: "in" must be a list`);
  if (values.length === 0) return NOTHING;
  return `${name} IN [${values.map(literal).join(', ')}]`;
}

function range(
  attribute: string,
  min: number | undefined,
  max: number | undefined,
  definition: IndexDefinition,
): Compiled {
  const name = checkedAttribute(attribute, definition.numericAttributes, definition);
  const bounds = [
    min === undefined ? undefined : `${name} >= ${numberLiteral(min)}`,
    max === undefined ? undefined : `${name} <= ${numberLiteral(max)}`,
  ];
  const present = bounds.filter((bound) => bound !== undefined);
  if (present.length === 0) return EVERYTHING;
  return `(${present.join(' AND ')})`;
}

function checkedAttribute(attribute: string, allowed: string[], definition: IndexDefinition): string {
  if (typeof attribute !== 'string' || !allowed.includes(attribute)) {
    throw new InvalidFilterError(
      `not a filterable attribute of ${definition.name}: ${JSON.stringify(attribute)}`,
    );
  }
  return attribute;
}

function literal(value: unknown): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new InvalidFilterError(`not a filter value: ${typeof value}`);
}

/** Meilisearch (since 1.4) unescapes `\"` and `\\` inside quoted values; nothing else is special there. */
export function stringLiteral(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/** Plain decimal digits: Meilisearch's unquoted values do not accept the `+` of `1e+21`. */
export function numberLiteral(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InvalidFilterError(`not a finite number: ${String(value)}`);
  const text = String(value);
  // only integers (every double from 1e21 up is one) print with `e+`
  return text.includes('e+') ? BigInt(value).toString() : text;
}
