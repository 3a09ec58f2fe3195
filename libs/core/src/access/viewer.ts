export const ROLES = ['researcher', 'company-member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 'none': a researcher or company member who left its organization and has not asked to join another. */
export type AffiliationStatus = 'pending' | 'approved' | 'rejected' | 'none';

/** Who is calling: resolved once per request from the access token. */
export type Viewer =
  | { kind: 'anonymous' }
  /** A token was sent but is expired, revoked or forged. */
  | { kind: 'invalid-token' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      organizationId: string | null;
      affiliation: AffiliationStatus;
      sessionId: string;
    };

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>;

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/**
 * Audiences an operation may be opened to. A researcher or company member
 * whose affiliation is not approved yet counts only as "signed-in" and
 * "non-staff" (what they may do about the affiliation itself: leave it, ask for another).
 */
export type Audience = 'anyone' | 'signed-in' | 'non-staff' | Role;

export function isStaff(viewer: Viewer): boolean {
  return viewer.kind === 'user' && (viewer.role === 'coordinator' || viewer.role === 'admin');
}

/** The audiences a viewer belongs to. */
export function audiencesOf(viewer: Viewer): Audience[] {
  if (viewer.kind !== 'user') return ['anyone'];
  if (isStaff(viewer)) return ['anyone', 'signed-in', viewer.role];
  return viewer.affiliation === 'approved'
    ? ['anyone', 'signed-in', 'non-staff', viewer.role]
    : ['anyone', 'signed-in', 'non-staff'];
}
