export { IdentityModule, IDENTITY_ENTITIES } from './identity.module.js';
export { IdentityError, IdentityErrorCode } from './identity.errors.js';
export { AccountService } from './account/account.service.js';
export { User, UserRole, Affiliation } from './account/user.entity.js';
export { SessionService } from './session/session.service.js';
export { NotificationDelivery, NotificationKind, deliveryOf } from './preferences/notification-kind.js';
