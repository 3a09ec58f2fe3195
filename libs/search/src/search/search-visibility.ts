import type { AccessCondition, Viewer } from '#libs/core';
import { needReadCondition, seedReadCondition } from '#libs/catalog';
import type { Filter, IndexName } from '../engine/search-engine.js';

/**
 * Each attribute of the catalog's read rules, as the index attribute that
 * holds the same values in every document (see the document builders).
 */
export const READ_ATTRIBUTES: Record<IndexName, Record<string, string>> = {
  seeds: { status: 'status', institution: 'institution', listedUserIds: 'listedUserIds' },
  needs: { confidentiality: 'visibility', company: 'ownerCompany' },
};

/** A read rule as an index filter over `attributes`; an attribute the index lacks is a programming error. */
export function indexFilter(condition: AccessCondition, attributes: Record<string, string>): Filter {
  if ('all' in condition) return { all: condition.all.map((part) => indexFilter(part, attributes)) };
  if ('any' in condition) return { any: condition.any.map((part) => indexFilter(part, attributes)) };
  const attribute = attributes[condition.attribute];
  if (!attribute) throw new Error(`no index attribute for the access attribute ${condition.attribute}`);
  return { attribute, in: condition.in };
}

/**
 * Who finds which seeds: the catalog's own read rule, applied by the engine
 * to hits, totals and facet counts alike.
 */
export function seedVisibilityFilter(viewer: Viewer): Filter {
  return indexFilter(seedReadCondition(viewer), READ_ATTRIBUTES.seeds);
}

/** Needs for coordinators' eyes exist for nobody else, not even as a facet count. */
export function needVisibilityFilter(viewer: Viewer): Filter {
  return indexFilter(needReadCondition(viewer), READ_ATTRIBUTES.needs);
}

/**
 * Whether the viewer may see every document of the index. The engine's
 * processing time depends on all of them, hidden ones too, so only such a
 * viewer is told it.
 */
export function seesEverything(index: IndexName, viewer: Viewer): boolean {
  const condition = index === 'seeds' ? seedReadCondition(viewer) : needReadCondition(viewer);
  return 'all' in condition && condition.all.length === 0;
}
