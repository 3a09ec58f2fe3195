export const ROLES = ['researcher', 'company-member', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type AffiliationStatus = 'pending' | 'approved' | 'rejected';

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
 * whose affiliation is not approved yet counts only as "signed-in".
 */
export type Audience = 'anyone' | 'signed-in' | Role;

export function isStaff(viewer: Viewer): boolean {
  return viewer.kind === 'user' && (viewer.role === 'coordinator' || viewer.role === 'admin');
}

/** The audiences a viewer belongs to. */
export function audiencesOf(viewer: Viewer): Audience[] {
  if (viewer.kind !== 'user') return ['anyone'];
  const acting =
    viewer.role === 'coordinator' || viewer.role === 'admin' || viewer.affiliation === 'approved';
  return acting ? ['anyone', 'signed-in', viewer.role] : ['anyone', 'signed-in'];
}
