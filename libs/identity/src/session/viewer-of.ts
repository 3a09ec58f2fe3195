import type { Viewer } from '#libs/core';
import type { User } from '../account/user.entity.js';

/** The viewer an account is in one of its sessions. */
export function viewerOf(user: User, sessionId: string): Viewer {
  return {
    kind: 'user',
    userId: user.id,
    role: user.role,
    organizationId: user.organizationId,
    affiliation: user.affiliationStatus,
    sessionId,
  };
}
