import { audiencesOf, isStaff, type Viewer } from '#libs/core';
import type { Filter } from './engine/search-engine.js';

/**
 * Who finds what, as an index filter applied to every search (hits, totals
 * and facet counts alike). It mirrors the catalog's read rules.
 */
export function seedVisibilityFilter(viewer: Viewer): Filter | null {
  if (isStaff(viewer)) return null;
  if (viewer.kind === 'user' && audiencesOf(viewer).includes('researcher')) {
    return {
      any: [
        { attribute: 'visibility', in: ['public'] },
        { attribute: 'listedUserIds', in: [viewer.userId] },
      ],
    };
  }
  return { attribute: 'visibility', in: ['public'] };
}

/** Needs for coordinators' eyes exist for nobody else, not even as a facet count. */
export function needVisibilityFilter(viewer: Viewer): Filter {
  if (isStaff(viewer)) return { all: [] };
  if (viewer.kind === 'user' && audiencesOf(viewer).includes('company-member') && viewer.organizationId) {
    return {
      any: [
        { attribute: 'visibility', in: ['public'] },
        { attribute: 'ownerCompany', in: [viewer.organizationId] },
      ],
    };
  }
  return { attribute: 'visibility', in: ['public'] };
}
