import type { IndexDefinition } from '../index-definitions.js';
import type { Filter, SearchDocument, SortRule } from '../search-engine.js';

export class UnknownFilterAttributeError extends Error {}

export type Predicate = (rowid: number) => boolean;
const NONE = -1;

/** One string attribute: values interned as small integers, per rowid one code (scalar) or a list of codes. */
class StringColumn {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];
  readonly rows: (number | number[])[] = [];

  constructor(readonly list: boolean) {}

  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) this.codes.set(value, (code = this.values.push(value) - 1));
    return code;
  }

  codeOf(value: string): number | undefined {
    return this.codes.get(value);
  }

  set(rowid: number, value: SearchDocument[string] | undefined) {
    if (this.list)
      this.rows[rowid] = (Array.isArray(value) ? value : []).map((item) => this.code(String(item)));
    else this.rows[rowid] = value === null || value === undefined ? NONE : this.code(String(value));
  }
}

/** One numeric attribute: NaN stands for null. */
class NumberColumn {
  readonly rows: number[] = [];

  set(rowid: number, value: SearchDocument[string] | undefined) {
    this.rows[rowid] = typeof value === 'number' ? value : Number.NaN;
  }
}

/**
 * The filterable, facetable and sortable attributes of every document, in
 * memory by rowid. FTS5 finds the matching rowids; filters, facet counts and
 * sorts over tens of thousands of them then cost milliseconds, where joining
 * companion tables in SQL cost a hundred (measured by bench:search).
 */
export class AttributeStore {
  private readonly strings = new Map<string, StringColumn>();
  private readonly numbers = new Map<string, NumberColumn>();
  private readonly live = new Set<number>();

  constructor(private readonly definition: IndexDefinition) {
    const attributes = new Set([
      ...definition.filterable,
      ...definition.facetable,
      ...definition.sortable,
      ...definition.numericAttributes,
    ]);
    for (const attribute of attributes) {
      if (definition.numericAttributes.includes(attribute)) this.numbers.set(attribute, new NumberColumn());
      else this.strings.set(attribute, new StringColumn(definition.listAttributes.includes(attribute)));
    }
  }

  /** The largest rowid ever stored (rowids only grow), for bitmaps over rowids. */
  maxRowid = 0;

  get size(): number {
    return this.live.size;
  }

  set(rowid: number, document: SearchDocument) {
    this.live.add(rowid);
    if (rowid > this.maxRowid) this.maxRowid = rowid;
    for (const [attribute, column] of this.strings) column.set(rowid, document[attribute]);
    for (const [attribute, column] of this.numbers) column.set(rowid, document[attribute]);
  }

  delete(rowid: number) {
    this.live.delete(rowid);
  }

  /** Every stored rowid (for browsing without a query). */
  rowids(): number[] {
    return [...this.live];
  }

  /** A filter as a test on rowids; attribute names are checked, values only ever compared. */
  predicate(filter: Filter | undefined): Predicate {
    if (!filter) return (rowid) => this.live.has(rowid);
    const test = this.compile(filter);
    return (rowid) => this.live.has(rowid) && test(rowid);
  }

  /** attribute → value → how many of `rowids` hold it. */
  facets(rowids: number[], attributes: string[]): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const attribute of attributes.filter((name) => this.definition.facetable.includes(name))) {
      const counts = new Map<number, number>();
      const strings = this.strings.get(attribute);
      const rows = strings?.rows ?? this.numbers.get(attribute)?.rows;
      if (!rows) throw new UnknownFilterAttributeError(`no values kept for the facet ${attribute}`);
      for (const rowid of rowids) {
        const value = rows[rowid];
        if (Array.isArray(value)) for (const code of value) counts.set(code, (counts.get(code) ?? 0) + 1);
        else if (value !== NONE && !Number.isNaN(value)) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      out[attribute] = Object.fromEntries(
        [...counts].map(([value, n]) => [strings ? strings.values[value] : String(value), n]),
      );
    }
    return out;
  }

  /** Sorts rowids in place by the rules (numeric attributes, nulls last), stable on the given order. */
  sort(rowids: number[], rules: SortRule[]): number[] {
    const keys = rules.map((rule) => {
      const column = this.numbers.get(rule.attribute);
      if (!column || !this.definition.sortable.includes(rule.attribute))
        throw new Error(`not a sortable attribute of ${this.definition.name}: ${rule.attribute}`);
      return { rows: column.rows, sign: rule.direction === 'asc' ? 1 : -1 };
    });
    const position = new Map(rowids.map((rowid, index) => [rowid, index]));
    return rowids.sort((a, b) => {
      for (const { rows, sign } of keys) {
        const x = rows[a];
        const y = rows[b];
        if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
        if (x !== y && !Number.isNaN(x)) return (x - y) * sign;
      }
      return (position.get(a) ?? 0) - (position.get(b) ?? 0);
    });
  }

  private compile(node: Filter): Predicate {
    if ('all' in node) {
      const parts = node.all.map((part) => this.compile(part));
      return (rowid) => parts.every((part) => part(rowid));
    }
    if ('any' in node) {
      const parts = node.any.map((part) => this.compile(part));
      return (rowid) => parts.some((part) => part(rowid));
    }
    if (
      !this.definition.filterable.includes(node.attribute) &&
      !this.definition.numericAttributes.includes(node.attribute)
    ) {
      throw new UnknownFilterAttributeError(
        `not a filterable attribute of ${this.definition.name}: ${node.attribute}`,
      );
    }
    const numbers = this.numbers.get(node.attribute);
    if ('in' in node) {
      if (numbers) {
        const wanted = new Set(node.in.map(Number));
        return (rowid) => wanted.has(numbers.rows[rowid]);
      }
      const column = this.strings.get(node.attribute);
      if (!column)
        throw new UnknownFilterAttributeError(
          `not a filterable attribute of ${this.definition.name}: ${node.attribute}`,
        );
      const wanted = new Set(
        node.in
          .map((value) => column.codeOf(String(value)))
          .filter((code): code is number => code !== undefined),
      );
      if (column.list)
        return (rowid) =>
          (column.rows[rowid] as number[] | undefined)?.some((code) => wanted.has(code)) ?? false;
      return (rowid) => wanted.has(column.rows[rowid] as number);
    }
    if (!numbers)
      throw new UnknownFilterAttributeError(
        `not a numeric attribute of ${this.definition.name}: ${node.attribute}`,
      );
    const min = node.min ?? Number.NEGATIVE_INFINITY;
    const max = node.max ?? Number.POSITIVE_INFINITY;
    return (rowid) => numbers.rows[rowid] >= min && numbers.rows[rowid] <= max;
  }
}
