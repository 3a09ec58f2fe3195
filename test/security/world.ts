import { randomUUID } from 'node:crypto';
import type { Account, OrganizationView } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

/**
 * One small catalogue with two hidden records and their unique marker words: company X's
 * confidential needs and researcher A's draft seeds, beside ordinary visible records
 * (sharing the word "fermentation" with the hidden ones, so searches have hits to leak into).
 */

/** Words and keys found in the hidden records only (invented, so no other text holds them). */
export const MARKERS = {
  need: ['zorquelite', 'ゾルクェライト', 'vantriplex', 'ヴァントリプレクス', 'ext-need-quombrathic'],
  draft: [
    'plimvorant',
    'プリムヴォラント',
    'drextonal',
    'ドレクストナル',
    'glimbracite',
    'snorfelwick',
    'ext-seed-yabbertonic',
  ],
  yNeed: [] as string[],
} as const;
export const NEED_WORD = 'zorquelite';
export const DRAFT_WORD = 'plimvorant';
/** Invented words no record holds: what a hidden record's word must answer like. */
export const UNKNOWN_WORD = 'quintrelop';
export const OTHER_UNKNOWN_WORD = 'vexnoribund';
export const NEED_EXTERNAL_ID = 'ext-need-quombrathic';
export const DRAFT_EXTERNAL_ID = 'ext-seed-yabbertonic';
/** Only the drafts are in this field among seeds: a facet value for it betrays them. */
export const DRAFT_FIELD = 'organic-electronics';
export const PROGRAM = 'prog-confidentiality';

/** The record groups a viewer may be kept from: X's confidential needs, A's drafts, Y's confidential need. */
export type Group = 'need' | 'draft' | 'yNeed';

/** Every role kept from something, and what: the suite's tests are made from this list before the world exists. */
export const ROLE_HIDES: Record<string, Group[]> = {
  anonymous: ['need', 'draft', 'yNeed'],
  'pending member of X': ['need', 'draft', 'yNeed'],
  'pending researcher of A': ['need', 'draft', 'yNeed'],
  'researcher A': ['need', 'yNeed'],
  'colleague of A': ['need', 'draft', 'yNeed'],
  'researcher B': ['need', 'draft', 'yNeed'],
  'member of X': ['draft', 'yNeed'],
  'member of Y': ['need', 'draft'],
};

export interface Role {
  name: string;
  token?: string;
  hides: Group[];
  /** Own organization, for reads scoped to one. */
  organizationId?: string;
  /** Own published seed / open need, for candidates. */
  seedId?: string;
  needId?: string;
  /** Proposals about a hidden record that this role is a party to (the introduced researcher). */
  partyTo: string[];
}

export interface World {
  app: TestApp;
  admin: string;
  coordinator: Account;
  orgs: Record<'A' | 'B' | 'X' | 'Y', OrganizationView>;
  personA: string;
  seeds: { a: string; b: string; draft: string; keyedDraft: string };
  needs: { xPublic: string; yPublic: string; yConfidential: string; secret: string; keyedSecret: string };
  proposals: { secretToB: string; secretForA: string; declined: string; visible: string };
  /** A published event presenting A's published seed, and a draft event with the draft markers (staff only). */
  events: { published: string; draft: string };
  /** Ids of each hidden group's records (and the proposals about X's needs). */
  hidden: Record<Group, string[]>;
  roles: Role[];
}

/** What a probe sends in place of a hidden record's id, key or word: the real one or an unknown one. */
export interface Probe {
  needId: string;
  /** X's other confidential need: no proposal about it was introduced to anyone. */
  otherNeedId: string;
  needExternalId: string;
  needWord: string;
  draftId: string;
  draftExternalId: string;
  draftWord: string;
  proposalId: string;
  draftEventId: string;
}

export const realProbe = (world: World): Probe => ({
  needId: world.needs.secret,
  otherNeedId: world.needs.keyedSecret,
  needExternalId: NEED_EXTERNAL_ID,
  needWord: NEED_WORD,
  draftId: world.seeds.draft,
  draftExternalId: DRAFT_EXTERNAL_ID,
  draftWord: DRAFT_WORD,
  proposalId: world.proposals.secretForA,
  draftEventId: world.events.draft,
});

export const unknownProbe = (): Probe => ({
  needId: randomUUID(),
  otherNeedId: randomUUID(),
  needExternalId: 'ext-need-unknownkey',
  needWord: UNKNOWN_WORD,
  draftId: randomUUID(),
  draftExternalId: 'ext-seed-unknownkey',
  draftWord: OTHER_UNKNOWN_WORD,
  proposalId: randomUUID(),
  draftEventId: randomUUID(),
});

/** The seeds and needs (any status) a role may read. */
export const visibleSeeds = (world: World, role: Role) =>
  [
    world.seeds.a,
    world.seeds.b,
    ...(role.hides.includes('draft') ? [] : [world.seeds.draft, world.seeds.keyedDraft]),
  ].sort();
export const visibleNeeds = (world: World, role: Role) =>
  [
    world.needs.xPublic,
    world.needs.yPublic,
    ...(role.hides.includes('need') ? [] : [world.needs.secret, world.needs.keyedSecret]),
    ...(role.hides.includes('yNeed') ? [] : [world.needs.yConfidential]),
  ].sort();
