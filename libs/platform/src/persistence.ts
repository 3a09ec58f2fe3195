import { CATALOG_ENTITIES } from '#libs/catalog';
import { AuditEntry, EmailMessage, OutboxChange } from '#libs/core';
import { DIRECTORY_ENTITIES } from '#libs/directory';
import { EVENTS_ENTITIES } from '#libs/events';
import { IDENTITY_ENTITIES } from '#libs/identity';
import { MATCHING_ENTITIES } from '#libs/matching';
import { REPORTING_ENTITIES } from '#libs/reporting';
import { MIGRATIONS } from '../../../migrations/index.js';

/** Every entity and migration of Kyoso's database; every process and command uses the same lists. */
export const ENTITIES = [
  AuditEntry,
  OutboxChange,
  EmailMessage,
  ...DIRECTORY_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...CATALOG_ENTITIES,
  ...MATCHING_ENTITIES,
  ...EVENTS_ENTITIES,
  ...REPORTING_ENTITIES,
];
export { MIGRATIONS };
