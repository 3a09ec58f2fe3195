import { audiencesOf, isStaff, type SignedInViewer, type Viewer } from '#libs/core';
import { CatalogError, CatalogErrorCode } from '../catalog-errors.js';

/** Staff for any company; an approved company member for their own. */
export function assertMayWriteFor(viewer: SignedInViewer, companyId: string, path: string) {
  if (isStaff(viewer)) return;
  if (audiencesOf(viewer).includes('company-member') && viewer.organizationId === companyId) return;
  throw new CatalogError(
    CatalogErrorCode.NotYourCompany,
    {
      ja: '自社のニーズだけを登録・編集できます',
      en: 'Company members post and edit their own company’s needs only',
    },
    [{ path, messages: ['not your company'] }],
  );
}

/**
 * Who reads which needs. A need for coordinators' eyes exists, for everyone
 * else, nowhere: not by id, not in lists, not in counts.
 */
export type NeedVisibility =
  { kind: 'all' } | { kind: 'public-or-own'; companyId: string } | { kind: 'public' };

export function needVisibility(viewer: Viewer): NeedVisibility {
  if (isStaff(viewer)) return { kind: 'all' };
  if (viewer.kind === 'user' && audiencesOf(viewer).includes('company-member') && viewer.organizationId) {
    return { kind: 'public-or-own', companyId: viewer.organizationId };
  }
  return { kind: 'public' };
}
