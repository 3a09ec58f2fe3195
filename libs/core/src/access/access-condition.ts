import { Brackets, type WhereExpressionBuilder } from 'typeorm';

/**
 * Who may see which records, as a condition over a record's attributes. One
 * small language so that a read rule is written once and applied the same way
 * in SQL (lists, counts, lookups by id) and in the search index (hits, totals,
 * facets): `{ all: [] }` is everything, `{ any: [] }` nothing.
 */
export type AccessCondition =
  | { all: AccessCondition[] }
  | { any: AccessCondition[] }
  /** the attribute equals one of the values (for a list attribute: contains one of them) */
  | { attribute: string; in: string[] };

export const EVERYTHING: AccessCondition = { all: [] };
export const NOTHING: AccessCondition = { any: [] };

/** Each attribute of a condition as SQL: a predicate over a bound list parameter (`:...name`). */
export type AttributeSql = Record<string, (parameter: string) => string>;

let parameterCount = 0;

/** The condition as a WHERE clause over `columns`; an unknown attribute is a programming error. */
export function conditionToSql(condition: AccessCondition, columns: AttributeSql): Brackets {
  return new Brackets((where) => addCondition(where, condition, columns));
}

function addCondition(where: WhereExpressionBuilder, condition: AccessCondition, columns: AttributeSql) {
  if ('attribute' in condition) {
    const column = columns[condition.attribute];
    if (!column) throw new Error(`no SQL for the access attribute ${condition.attribute}`);
    if (condition.in.length === 0) return where.where('1 = 0');
    const parameter = `access${++parameterCount}`;
    return where.where(column(parameter), { [parameter]: condition.in });
  }
  const parts = 'all' in condition ? condition.all : condition.any;
  if (parts.length === 0) return where.where('all' in condition ? '1 = 1' : '1 = 0');
  const join = 'all' in condition ? 'andWhere' : 'orWhere';
  parts.forEach((part, index) => {
    const clause = new Brackets((inner) => addCondition(inner, part, columns));
    if (index === 0) where.where(clause);
    else where[join](clause);
  });
  return where;
}

/** Whether a record, given as its attribute values, meets the condition (for rules over loaded rows). */
export function meetsCondition(condition: AccessCondition, values: Record<string, unknown>): boolean {
  if ('all' in condition) return condition.all.every((part) => meetsCondition(part, values));
  if ('any' in condition) return condition.any.some((part) => meetsCondition(part, values));
  const value = values[condition.attribute];
  const present = Array.isArray(value) ? value : [value];
  return present.some((one) => condition.in.includes(String(one)));
}

/** Records as their attribute values, by id. */
export type RecordAttributes = Map<string, Record<string, unknown>>;

/** The ids of the records that meet the condition. */
export function idsMeeting(condition: AccessCondition, records: RecordAttributes): Set<string> {
  const meeting = [...records].filter(([, values]) => meetsCondition(condition, values));
  return new Set(meeting.map(([id]) => id));
}

/** Ids that are themselves the one attribute (an organization to act for, a seed to act on). */
export function idsAsAttribute(ids: Iterable<string>, attribute: string): RecordAttributes {
  return new Map([...ids].map((id) => [id, { [attribute]: id }]));
}
