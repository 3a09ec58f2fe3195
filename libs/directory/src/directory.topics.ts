import { changeTopic } from '#libs/core';

/** Outbox topic of organization changes (their seeds' and needs' documents show the organization). */
export const ORGANIZATION_CHANGES = changeTopic('organization');
