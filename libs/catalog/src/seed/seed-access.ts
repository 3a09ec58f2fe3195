import { audiencesOf, isStaff, type SignedInViewer, type Viewer } from '#libs/core';
import { CatalogError, CatalogErrorCode } from '../catalog-errors.js';

/** An approved researcher (or staff) acting for an institution. */
export function assertMayCreateFor(viewer: SignedInViewer, institutionId: string) {
  if (isStaff(viewer)) return;
  if (audiencesOf(viewer).includes('researcher') && viewer.organizationId === institutionId) return;
  throw new CatalogError(
    CatalogErrorCode.NotYourInstitution,
    {
      ja: '自分の所属機関のシーズだけを登録できます',
      en: 'Researchers add seeds for their own institution only',
    },
    [{ path: 'input.institutionId', messages: ['not your institution'] }],
  );
}

/** Staff, or a researcher of the seed's institution who is listed on it. */
export function assertMayEdit(
  viewer: SignedInViewer,
  seed: { institutionId: string },
  listedUserIds: string[],
) {
  if (isStaff(viewer)) return;
  if (viewer.organizationId === seed.institutionId && listedUserIds.includes(viewer.userId)) return;
  throw new CatalogError(
    CatalogErrorCode.NotListedOnSeed,
    {
      ja: 'このシーズを編集できるのは、掲載された研究者とコーディネーターです',
      en: 'Only the researchers listed on this seed and coordinators may change it',
    },
    [{ path: 'input.id', messages: ['not listed on this seed'] }],
  );
}

/** For list/get queries: who sees drafts and archived seeds beyond the published ones. */
export type SeedVisibility =
  | { kind: 'all' }
  | { kind: 'published-or-listed'; userId: string; organizationId: string }
  | { kind: 'published' };

export function seedVisibility(viewer: Viewer): SeedVisibility {
  if (isStaff(viewer)) return { kind: 'all' };
  if (viewer.kind === 'user' && audiencesOf(viewer).includes('researcher') && viewer.organizationId) {
    return { kind: 'published-or-listed', userId: viewer.userId, organizationId: viewer.organizationId };
  }
  return { kind: 'published' };
}
