export { DirectoryModule, DIRECTORY_ENTITIES } from './directory.module.js';
export { DirectoryError, DirectoryErrorCode } from './directory.errors.js';
export { ORGANIZATION_CHANGES } from './directory.topics.js';
export { Organization } from './organization/organization.entity.js';
export { OrganizationService } from './organization/organization.service.js';
export { Person } from './person/person.entity.js';
export { PersonService, type PersonAccount } from './person/person.service.js';
export { UpdateMyProfileInput } from './person/dto/update-my-profile.input.js';
export { personAccountsSql } from './person/person-accounts.sql.js';
