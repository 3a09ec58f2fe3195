import type { IndexDefinition } from '../index-definitions.js';
import type { Filter } from '../search-engine.js';
import { column, tables } from './embedded-schema.js';

export class UnknownFilterAttributeError extends Error {}

/** A Filter as a SQL condition on `d` (the docs row) with bound parameters; attributes checked, values never inlined. */
export function filterSql(filter: Filter | undefined, definition: IndexDefinition, base: string): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const values = tables(base).values;
  const render = (node: Filter): string => {
    if ('all' in node) return node.all.length ? `(${node.all.map(render).join(' AND ')})` : '1';
    if ('any' in node) return node.any.length ? `(${node.any.map(render).join(' OR ')})` : '0';
    if (!definition.filterable.includes(node.attribute) && !definition.numericAttributes.includes(node.attribute)) {
      throw new UnknownFilterAttributeError(`not a filterable attribute of ${definition.name}: ${node.attribute}`);
    }
    if ('in' in node) {
      if (node.in.length === 0) return '0';
      const marks = node.in.map(() => '?').join(', ');
      if (definition.listAttributes.includes(node.attribute)) {
        params.push(node.attribute, ...node.in.map(String));
        return `EXISTS (SELECT 1 FROM ${values} v WHERE v.attr = ? AND v.value IN (${marks}) AND v.rowid = d.rowid)`;
      }
      params.push(...node.in.map((value) => (typeof value === 'boolean' ? Number(value) : value)));
      return `d.${column(node.attribute)} IN (${marks})`;
    }
    if (!definition.numericAttributes.includes(node.attribute)) {
      throw new UnknownFilterAttributeError(`not a numeric attribute of ${definition.name}: ${node.attribute}`);
    }
    const bounds: string[] = [];
    if (node.min !== undefined) bounds.push(`d.${column(node.attribute)} >= ?`), params.push(node.min);
    if (node.max !== undefined) bounds.push(`d.${column(node.attribute)} <= ?`), params.push(node.max);
    return bounds.length ? `(${bounds.join(' AND ')})` : '1';
  };
  return { sql: filter ? render(filter) : '1', params };
}
