export { DirectoryModule, DIRECTORY_ENTITIES } from './directory.module.js';
export { DirectoryError, DirectoryErrorCode } from './directory-errors.js';
export { Organization } from './organization.entity.js';
export { OrganizationService } from './organization.service.js';
export { Person } from './person.entity.js';
export { PersonService } from './person.service.js';
export { ORGANIZATION_CHANGES } from './directory-topics.js';
