export { IdentityModule, IDENTITY_ENTITIES } from './identity.module.js';
export { AccountService } from './account.service.js';
export { SessionService } from './session.service.js';
export { IdentityError, IdentityErrorCode } from './identity-errors.js';
export { User, UserRole, Affiliation } from './user.entity.js';
