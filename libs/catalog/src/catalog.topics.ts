import { changeTopic } from '#libs/core';

/** Outbox topics of the catalog's records: the search index follows them. */
export const SEED_CHANGES = changeTopic('seed');
export const NEED_CHANGES = changeTopic('need');
export const PROGRAM_CHANGES = changeTopic('program');
