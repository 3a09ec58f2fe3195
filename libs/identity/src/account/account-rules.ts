import type { Organization } from '#libs/directory';
import { IdentityError } from '../identity.errors.js';
import { passwordWeakness } from './password-strength.js';

const COMPANY_TYPES = new Set(['company', 'startup']);

/** A researcher belongs to an academic body, a company member to a company or startup. */
export function assertFitsOrganization(role: string, organization: Organization, path?: string) {
  const isCompany = COMPANY_TYPES.has(organization.type);
  if ((role === 'company-member') === isCompany) return;
  throw IdentityError.organizationMismatch(role, organization.type, path);
}

/** The role an organization's members have: company member in a company or startup, researcher elsewhere. */
export function memberRoleOf(organization: Organization): 'researcher' | 'company-member' {
  return COMPANY_TYPES.has(organization.type) ? 'company-member' : 'researcher';
}

/** Every way an account gets a password (sign-up, staff accounts, the first admin, reset, change) passes here. */
export function assertStrongPassword(
  password: string,
  userInputs: (string | null | undefined)[],
  path = 'input.password',
) {
  const why = passwordWeakness(
    password,
    userInputs.filter((word): word is string => !!word),
  );
  if (why) throw IdentityError.weakPassword(why, path);
}
