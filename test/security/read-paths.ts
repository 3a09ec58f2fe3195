import { expect } from '@jest/globals';
import {
  DRAFT_FIELD,
  PROGRAM,
  visibleNeeds,
  visibleSeeds,
  type Group,
  type Probe,
  type Role,
  type World,
} from './world.js';

/**
 * Every read of the API, one line each: the Query field it reads, the operation with every field
 * of its answer that could carry text or a count, its variables (`probe` is a hidden record's id,
 * key or word, or an unknown one: see `probes`), and for lists the counts a role must get.
 */
export interface ReadPath {
  field: string;
  name: string;
  query: string;
  vars?: (world: World, role: Role, probe: Probe) => Record<string, unknown>;
  /** Sends the group's hidden id/key/word: must answer as it does for an unknown one. */
  probes?: Group;
  /** Counts and ids the role must get (data of a successful answer). */
  check?: (data: Data, world: World, role: Role) => void;
}

// GraphQL answers are checked as raw JSON; the count checks read them through these shapes
// Each row reads its own GraphQL answer, whose shape only that row's query fixes; typing 55 answers by hand
// would restate every query, and `unknown` would need a cast at each property read, so `any` is the honest type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Data = Record<string, any>;

const TEXT = '{ ja en }';
const PAGE_OF_SEEDS = (fields: string) =>
  `seeds(statuses: [DRAFT, PUBLISHED, ARCHIVED], first: 100) { totalCount edges { node { ${fields} } } }`;
const ORG = `id externalId type name ${TEXT} description ${TEXT} prefecture city website publicNeedCount
  ${PAGE_OF_SEEDS(`id status title ${TEXT} summary ${TEXT} keywords fields`)}`;
const PERSON = `id externalId name ${TEXT} role title bio ${TEXT} keywords fields researchmapUrl orcid labUrl
  organization { id } ${PAGE_OF_SEEDS(`id status title ${TEXT} summary ${TEXT} keywords fields`)}`;
const SEED = `id externalId status title ${TEXT} summary ${TEXT} keywords applications patents fields
  collaborationTypes ipStatus trl needsReview publishedAt reviewDueAt createdAt updatedAt version
  institution { id name ${TEXT} } programs { code name ${TEXT} }
  researchers { id externalId name ${TEXT} role title organization { id } }`;
const NEED = `id externalId status confidentiality title ${TEXT} description ${TEXT} fields desiredCollaboration
  trlMin trlMax deadline createdAt updatedAt version company { id name ${TEXT} } programs { code }`;
const REASONS = `reasons { factor weight value message ${TEXT} }`;
const PROPOSAL = `id state pathway score declineReason createdAt updatedAt dueAt overdue introducedAt stateChangedAt
  version ${REASONS} seed { id title ${TEXT} } need { id title ${TEXT} }
  history { fromState toState actorUserId note declineReason at }
  ndaAcceptances { party userId textVersion } contacts { name ${TEXT} email party }`;
const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';
const HIGHLIGHT = '{ language text fragments { text matched } }';
const FACETS = `facets { attribute values { value count label ${TEXT} } }`;
const SEED_SEARCH = `totalHits processingTimeMs pageInfo { hasNextPage endCursor } ${FACETS}
  hits { seed { ${SEED} } title ${HIGHLIGHT} summary ${HIGHLIGHT} }`;
const NEED_SEARCH = `totalHits processingTimeMs pageInfo { hasNextPage endCursor } ${FACETS}
  hits { need { ${NEED} } title ${HIGHLIGHT} description ${HIGHLIGHT} }`;
const SEED_CANDIDATE = `score pathway ${REASONS} seed { ${SEED} }`;
const NEED_CANDIDATE = `confidential score pathway ${REASONS} need { ${NEED} }
  summary { title ${TEXT} fields desiredCollaboration trlMin trlMax prefecture }`;
const USER = `id email role affiliationStatus affiliationNote name ${TEXT} organization { id } person { ${PERSON} }`;

const EVENT = `id version kind status title ${TEXT} description ${TEXT} startsAt endsAt timeZone venueName ${TEXT}
  venueAddress capacity organizers { id name ${TEXT} } programs { id code } icalendar
  sessions { id title ${TEXT} room presentations { id title ${TEXT} room presenters { id name ${TEXT} }
    seed { id title ${TEXT} status } } }
  awards { id prize ${TEXT} presentation { id title ${TEXT} } }`;

const ALL_SEEDS = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const ALL_NEEDS = ['OPEN', 'CLOSED'];

const ids = (edges: { node: { id: string } }[]) => edges.map((edge) => edge.node.id).sort();
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  );
const facet = (facets: { attribute: string; values: { value: string; count: number }[] }[], name: string) =>
  Object.fromEntries((facets.find((f) => f.attribute === name)?.values ?? []).map((v) => [v.value, v.count]));
const institutionOf = (world: World, seedId: string) =>
  seedId === world.seeds.b ? world.orgs.B.id : world.orgs.A.id;
const fieldOf = (world: World, seedId: string) =>
  [world.seeds.a, world.seeds.b].includes(seedId) ? 'fermentation-bioprocess' : DRAFT_FIELD;
const companyOf = (world: World, needId: string) =>
  [world.needs.yPublic, world.needs.yConfidential].includes(needId) ? world.orgs.Y.id : world.orgs.X.id;

/** The role's own seed/need/organization where it has one, else another's visible one. */
const ownSeed = (world: World, role: Role) => role.seedId ?? world.seeds.a;
const ownNeed = (world: World, role: Role) => role.needId ?? world.needs.yPublic;
const ownOrg = (world: World, role: Role) => role.organizationId ?? world.orgs.Y.id;

export const READ_PATHS: ReadPath[] = [
  // events: a draft exists only for staff
  {
    field: 'event',
    name: 'event by the published id',
    query: `query ($id: ID!) { event(id: $id) { ${EVENT} } }`,
    vars: (w) => ({ id: w.events.published }),
  },
  {
    field: 'event',
    name: 'event by the draft event id',
    query: `query ($id: ID!) { event(id: $id) { ${EVENT} } }`,
    vars: (_w, _r, p) => ({ id: p.draftEventId }),
    probes: 'draft',
  },
  {
    field: 'events',
    name: 'events, default',
    query: `{ events(first: 100) { ${PAGE} edges { node { ${EVENT} } } } }`,
    check: ({ events }, w) => {
      expect(ids(events.edges)).toEqual([w.events.published]);
      expect(events.totalCount).toBe(1);
    },
  },
  {
    field: 'events',
    name: 'events asking for drafts',
    query: `{ events(first: 100, filter: { status: [DRAFT, PUBLISHED] }) { ${PAGE} edges { node { id title ${TEXT} } } } }`,
    check: ({ events }, w) => {
      expect(ids(events.edges)).toEqual([w.events.published]);
      expect(events.totalCount).toBe(1);
    },
  },
  // catalogue: seeds
  {
    field: 'seed',
    name: 'seed by a visible id',
    query: `query ($id: ID) { seed(id: $id) { ${SEED} } }`,
    vars: (w) => ({ id: w.seeds.a }),
  },
  {
    field: 'seed',
    name: 'seed by the draft id',
    query: `query ($id: ID) { seed(id: $id) { ${SEED} } }`,
    vars: (_w, _r, p) => ({ id: p.draftId }),
    probes: 'draft',
  },
  {
    field: 'seed',
    name: 'seed by the draft externalId',
    query: `query ($key: String) { seed(externalId: $key) { ${SEED} } }`,
    vars: (_w, _r, p) => ({ key: p.draftExternalId }),
    probes: 'draft',
  },
  {
    field: 'seeds',
    name: 'seeds, default',
    query: `{ seeds(first: 100) { ${PAGE} edges { node { ${SEED} } } } }`,
  },
  {
    field: 'seeds',
    name: 'seeds of every status',
    query: `query ($s: [SeedStatus!]) { seeds(statuses: $s, first: 100) { ${PAGE} edges { node { id } } } }`,
    vars: () => ({ s: ALL_SEEDS }),
    check: ({ seeds }, w, r) => {
      expect(ids(seeds.edges)).toEqual(visibleSeeds(w, r));
      expect(seeds.totalCount).toBe(visibleSeeds(w, r).length);
    },
  },
  {
    field: 'seeds',
    name: 'seeds of institution A in the drafts’ field and program',
    query: `query ($i: [ID!], $f: [String!], $p: [String!], $s: [SeedStatus!]) {
      seeds(institutionIds: $i, fields: $f, programCodes: $p, statuses: $s, first: 100) { ${PAGE} edges { node { id } } } }`,
    vars: (w) => ({
      i: [w.orgs.A.id],
      f: [DRAFT_FIELD],
      p: [PROGRAM],
      s: ALL_SEEDS,
    }),
    check: ({ seeds }, w, r) => expect(seeds.totalCount).toBe(r.hides.includes('draft') ? 0 : 2),
  },
  // catalogue: needs
  {
    field: 'need',
    name: 'need by a visible id',
    query: `query ($id: ID) { need(id: $id) { ${NEED} } }`,
    vars: (w) => ({ id: w.needs.xPublic }),
  },
  {
    field: 'need',
    name: 'need by the confidential id',
    query: `query ($id: ID) { need(id: $id) { ${NEED} } }`,
    vars: (_w, _r, p) => ({ id: p.needId }),
    probes: 'need',
  },
  {
    field: 'need',
    name: 'need by the confidential externalId',
    query: `query ($key: String) { need(externalId: $key) { ${NEED} } }`,
    vars: (_w, _r, p) => ({ key: p.needExternalId }),
    probes: 'need',
  },
  {
    field: 'needs',
    name: 'needs, default',
    query: `{ needs(first: 100) { ${PAGE} edges { node { ${NEED} } } } }`,
  },
  {
    field: 'needs',
    name: 'needs of every status',
    query: `query ($s: [NeedStatus!]) { needs(statuses: $s, first: 100) { ${PAGE} edges { node { id } } } }`,
    vars: () => ({ s: ALL_NEEDS }),
    check: ({ needs }, w, r) => {
      expect(ids(needs.edges)).toEqual(visibleNeeds(w, r));
      expect(needs.totalCount).toBe(visibleNeeds(w, r).length);
    },
  },
  {
    field: 'needs',
    name: 'needs of company X',
    query: `query ($c: [ID!], $s: [NeedStatus!]) { needs(companyIds: $c, statuses: $s, first: 100) { ${PAGE} edges { node { id } } } }`,
    vars: (w) => ({ c: [w.orgs.X.id], s: ALL_NEEDS }),
    check: ({ needs }, w, r) => expect(needs.totalCount).toBe(r.hides.includes('need') ? 1 : 3),
  },
  // search
  {
    field: 'searchSeeds',
    name: 'searchSeeds browsing every status',
    query: `query ($f: SeedSearchFilter) { searchSeeds(query: "", filter: $f, first: 50) { ${SEED_SEARCH} } }`,
    vars: () => ({ f: { statuses: ALL_SEEDS } }),
    check: ({ searchSeeds: found }, w, r) => {
      const visible = visibleSeeds(w, r);
      expect(found.hits.map((hit: Data) => hit.seed.id).sort()).toEqual(visible);
      expect(found.totalHits).toBe(visible.length);
      expect(facet(found.facets, 'institution')).toEqual(countBy(visible.map((id) => institutionOf(w, id))));
      expect(facet(found.facets, 'programs')).toEqual({ [PROGRAM]: visible.length });
      // the drafts alone are in DRAFT_FIELD: a count for it betrays them
      expect(facet(found.facets, 'fields')).toEqual(countBy(visible.map((id) => fieldOf(w, id))));
    },
  },
  {
    field: 'searchSeeds',
    name: 'searchSeeds for an ordinary word',
    query: `{ searchSeeds(query: "fermentation", filter: { statuses: [DRAFT, PUBLISHED, ARCHIVED] }, first: 50) { ${SEED_SEARCH} } }`,
    check: ({ searchSeeds: found }, w, r) => {
      expect(found.hits.map((hit: Data) => hit.seed.id).sort()).toEqual(visibleSeeds(w, r));
      expect(found.totalHits).toBe(visibleSeeds(w, r).length);
    },
  },
  {
    field: 'searchSeeds',
    name: 'searchSeeds for the draft’s word',
    query: `query ($q: String!) { searchSeeds(query: $q, filter: { statuses: [DRAFT, PUBLISHED, ARCHIVED] }) { ${SEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: p.draftWord }),
    probes: 'draft',
  },
  {
    field: 'searchSeeds',
    name: 'searchSeeds for an ordinary word and the draft’s word',
    query: `query ($q: String!) { searchSeeds(query: $q) { ${SEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: `fermentation ${p.draftWord}` }),
    probes: 'draft',
  },
  {
    field: 'searchSeeds',
    name: 'searchSeeds for the draft’s word and an ordinary word',
    query: `query ($q: String!) { searchSeeds(query: $q) { ${SEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: `${p.draftWord} fermentation` }),
    probes: 'draft', // issue 10 item 2: dropping a word found nowhere must count only visible documents
  },
  {
    field: 'searchSeeds',
    name: 'searchSeeds for a typo of the draft’s word and an ordinary word',
    query: `query ($q: String!) { searchSeeds(query: $q) { ${SEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: `${p.draftWord.slice(0, -3)}ent fermentation` }),
    probes: 'draft', // issue 10 item 2: typo widening must not reach a word only a draft holds
  },
  {
    field: 'searchNeeds',
    name: 'searchNeeds browsing every status',
    query: `query ($f: NeedSearchFilter) { searchNeeds(query: "", filter: $f, first: 50) { ${NEED_SEARCH} } }`,
    vars: () => ({ f: { statuses: ALL_NEEDS } }),
    check: ({ searchNeeds: found }, w, r) => {
      const visible = visibleNeeds(w, r);
      expect(found.hits.map((hit: Data) => hit.need.id).sort()).toEqual(visible);
      expect(found.totalHits).toBe(visible.length);
      expect(facet(found.facets, 'ownerCompany')).toEqual(countBy(visible.map((id) => companyOf(w, id))));
      expect(facet(found.facets, 'programs')).toEqual({ [PROGRAM]: visible.length });
      expect(facet(found.facets, 'fields')).toEqual({ 'fermentation-bioprocess': visible.length });
    },
  },
  {
    field: 'searchNeeds',
    name: 'searchNeeds for an ordinary word',
    query: `{ searchNeeds(query: "fermentation", first: 50) { ${NEED_SEARCH} } }`,
    check: ({ searchNeeds: found }, w, r) => expect(found.totalHits).toBe(visibleNeeds(w, r).length),
  },
  {
    field: 'searchNeeds',
    name: 'searchNeeds for the need’s word',
    query: `query ($q: String!) { searchNeeds(query: $q) { ${NEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: p.needWord }),
    probes: 'need',
  },
  {
    field: 'searchNeeds',
    name: 'searchNeeds for an ordinary word and the need’s word',
    query: `query ($q: String!) { searchNeeds(query: $q) { ${NEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: `fermentation ${p.needWord}` }),
    probes: 'need',
  },
  {
    field: 'searchNeeds',
    name: 'searchNeeds for the need’s word and an ordinary word',
    query: `query ($q: String!) { searchNeeds(query: $q) { ${NEED_SEARCH} } }`,
    vars: (_w, _r, p) => ({ q: `${p.needWord} fermentation` }),
    probes: 'need', // issue 10 item 2, as for seeds
  },
  // matching
  {
    field: 'candidatesForSeed',
    name: 'candidatesForSeed of an own (or visible) seed',
    query: `query ($id: ID!) { candidatesForSeed(seedId: $id, first: 50) { ${NEED_CANDIDATE} } }`,
    vars: (w, r) => ({ id: ownSeed(w, r) }),
  },
  {
    field: 'candidatesForSeed',
    name: 'candidatesForSeed of the other researcher’s seed',
    query: `query ($id: ID!) { candidatesForSeed(seedId: $id, first: 50) { ${NEED_CANDIDATE} } }`,
    vars: (w, r) => ({ id: ownSeed(w, r) === w.seeds.a ? w.seeds.b : w.seeds.a }),
  },
  {
    field: 'candidatesForSeed',
    name: 'candidatesForSeed of the draft',
    query: `query ($id: ID!) { candidatesForSeed(seedId: $id, first: 50) { ${NEED_CANDIDATE} } }`,
    vars: (_w, _r, p) => ({ id: p.draftId }),
    probes: 'draft',
  },
  {
    field: 'candidatesForNeed',
    name: 'candidatesForNeed of an own (or visible) need',
    query: `query ($id: ID!) { candidatesForNeed(needId: $id, first: 50) { ${SEED_CANDIDATE} } }`,
    vars: (w, r) => ({ id: ownNeed(w, r) }),
  },
  {
    field: 'candidatesForNeed',
    name: 'candidatesForNeed of the confidential need',
    query: `query ($id: ID!) { candidatesForNeed(needId: $id, first: 50) { ${SEED_CANDIDATE} } }`,
    vars: (_w, _r, p) => ({ id: p.needId }),
    probes: 'need',
  },
  {
    field: 'candidatesForCompany',
    name: 'candidatesForCompany of an own (or another) company',
    query: `query ($id: ID!) { candidatesForCompany(organizationId: $id, first: 50) { ${SEED_CANDIDATE} } }`,
    vars: (w, r) => ({ id: ownOrg(w, r) }),
  },
  {
    field: 'candidatesForCompany',
    name: 'candidatesForCompany of company X',
    query: `query ($id: ID!) { candidatesForCompany(organizationId: $id, first: 50) { ${SEED_CANDIDATE} } }`,
    vars: (w) => ({ id: w.orgs.X.id }),
  },
  // proposals and reports
  {
    field: 'proposals',
    name: 'proposals, all',
    query: `{ proposals(first: 100) { ${PAGE} edges { node { ${PROPOSAL} } } } }`,
    check: ({ proposals }) => expect(proposals.totalCount).toBe(proposals.edges.length),
  },
  {
    field: 'proposals',
    name: 'proposals of the confidential need',
    query: `query ($id: ID) { proposals(needId: $id) { ${PAGE} edges { node { id } } } }`,
    // the other need: researcher B, introduced to a proposal about the first, may filter it by its need
    vars: (_w, _r, p) => ({ id: p.otherNeedId }),
    probes: 'need',
  },
  {
    field: 'proposals',
    name: 'proposals of the draft',
    query: `query ($id: ID) { proposals(seedId: $id) { ${PAGE} edges { node { id } } } }`,
    vars: (_w, _r, p) => ({ id: p.draftId }),
    probes: 'draft',
  },
  {
    field: 'proposal',
    name: 'proposal about the confidential need, not introduced',
    query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`,
    vars: (_w, _r, p) => ({ id: p.proposalId }),
    probes: 'need',
  },
  {
    field: 'proposal',
    name: 'proposal about the confidential need, introduced to B',
    query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`,
    vars: (w) => ({ id: w.proposals.secretToB }),
  },
  {
    field: 'proposal',
    name: 'proposal of Y, introduced to A',
    query: `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`,
    vars: (w) => ({ id: w.proposals.visible }),
  },
  {
    field: 'declineReasons',
    name: 'declineReasons of an own (or visible) seed',
    query: 'query ($id: ID) { declineReasons(seedId: $id) { reason count } }',
    vars: (w, r) => ({ id: ownSeed(w, r) }),
    // the only decline is of a proposal for X's confidential need, never introduced to A
    check: ({ declineReasons }, w, r) => r.hides.includes('need') && expect(declineReasons).toEqual([]),
  },
  {
    field: 'declineReasons',
    name: 'declineReasons of an own (or another) institution',
    query: 'query ($id: ID) { declineReasons(institutionId: $id) { reason count } }',
    vars: (w, r) => ({ id: r.organizationId ?? w.orgs.A.id }),
    check: ({ declineReasons }, w, r) => r.hides.includes('need') && expect(declineReasons).toEqual([]),
  },
  {
    field: 'declineReasons',
    name: 'declineReasons of the draft',
    query: 'query ($id: ID) { declineReasons(seedId: $id) { reason count } }',
    vars: (_w, _r, p) => ({ id: p.draftId }),
    probes: 'draft',
  },
  {
    field: 'pipelineReport',
    name: 'pipelineReport',
    query:
      '{ pipelineReport { states { state current overdue medianDays completedStays } declineReasons { reason count } } }',
  },
  { field: 'exportCatalog', name: 'exportCatalog', query: '{ exportCatalog }' },
  // the viewer's own things
  {
    field: 'notifications',
    name: 'notifications',
    query:
      '{ notifications(first: 100) { totalCount edges { node { id kind title { ja en } proposalId seedId readAt createdAt } } } }',
    check: ({ notifications }) => expect(notifications.totalCount).toBe(notifications.edges.length),
  },
  { field: 'unreadNotificationCount', name: 'unreadNotificationCount', query: '{ unreadNotificationCount }' },
  { field: 'me', name: 'me', query: `{ me { ${USER} } }` },
  { field: 'savedSearches', name: 'savedSearches', query: '{ savedSearches { id name query createdAt } }' },
  // the caller's own data as JSON: what they wrote or are listed on, only as far as they may read it
  { field: 'exportMyData', name: 'exportMyData', query: '{ exportMyData { generatedAt json } }' },
  // directory
  {
    field: 'person',
    name: 'person listed on the draft, with their seeds of every status',
    query: `query ($id: ID) { person(id: $id) { ${PERSON} } }`,
    vars: (w) => ({ id: w.personA }),
    check: ({ person }, w, r) => {
      const listed = visibleSeeds(w, r).filter((id) => id !== w.seeds.b);
      expect(ids(person.seeds.edges)).toEqual(listed);
      expect(person.seeds.totalCount).toBe(listed.length);
    },
  },
  {
    field: 'person',
    name: 'person listed on the draft, default seeds (published)',
    query: `query ($id: ID) { person(id: $id) { seeds { totalCount edges { node { id } } } } }`,
    vars: (w) => ({ id: w.personA }),
    check: ({ person }, w) => {
      expect(ids(person.seeds.edges)).toEqual([w.seeds.a]);
      expect(person.seeds.totalCount).toBe(1);
    },
  },
  {
    field: 'organization',
    name: 'organization X, its public need count',
    query: `query ($id: ID) { organization(id: $id) { ${ORG} } }`,
    vars: (w) => ({ id: w.orgs.X.id }),
    // X's confidential needs never count, not even for X's members and coordinators
    check: ({ organization }) => expect(organization.publicNeedCount).toBe(1),
  },
  {
    field: 'organization',
    name: 'organization Y, its public need count',
    query: `query ($id: ID) { organization(id: $id) { ${ORG} } }`,
    vars: (w) => ({ id: w.orgs.Y.id }),
    check: ({ organization }) => expect(organization.publicNeedCount).toBe(1),
  },
  {
    field: 'organization',
    name: 'institution A, its seeds of every status',
    query: `query ($id: ID) { organization(id: $id) { ${ORG} } }`,
    vars: (w) => ({ id: w.orgs.A.id }),
    check: ({ organization }, w, r) => {
      const ofA = visibleSeeds(w, r).filter((id) => id !== w.seeds.b);
      expect(ids(organization.seeds.edges)).toEqual(ofA);
      expect(organization.seeds.totalCount).toBe(ofA.length);
      expect(organization.publicNeedCount).toBe(0);
    },
  },
  {
    field: 'organizations',
    name: 'organizations',
    query: `{ organizations(first: 100) { ${PAGE} edges { node { ${ORG} } } } }`,
  },
  {
    field: 'organizationMembers',
    name: 'organizationMembers of an own (or another) organization',
    query: `query ($id: ID!) { organizationMembers(organizationId: $id, first: 100) { ${PAGE} edges { node { ${USER} } } } }`,
    vars: (w, r) => ({ id: ownOrg(w, r) }),
  },
  {
    field: 'pendingAffiliations',
    name: 'pendingAffiliations',
    query: `{ pendingAffiliations(first: 100) { ${PAGE} edges { node { ${USER} } } } }`,
  },
  {
    field: 'program',
    name: 'program of the hidden records',
    query: 'query ($code: String) { program(code: $code) { id code name { ja en } description { ja en } } }',
    vars: () => ({ code: PROGRAM }),
  },
  {
    field: 'programs',
    name: 'programs',
    query: `{ programs(first: 100) { ${PAGE} edges { node { id code name { ja en } description { ja en } } } } }`,
  },
];

/**
 * Query fields reviewed as no read of catalogue content: fixed texts from code, the same for
 * every viewer and every catalogue, or the caller's own account records.
 */
export const NOT_CATALOGUE_READS: Record<string, string> = {
  kpis: 'staff only (coordinators, admins), who see every seed, need and proposal: the counts include confidential needs, so no other role may call it',
  externalFigures:
    'staff only: figures entered from outside Kyoso (cohort consents, trial plots) with their source; no catalogue record',
  organizationTypes: 'the taxonomy of organization types, fixed in data/taxonomy.json',
  ndaText: 'the NDA text, fixed in code (libs/matching/src/nda/nda-text.ts)',
  mySessions: 'the caller’s own sign-in sessions (dates, User-Agent): no catalogue record, nobody else’s',
  invitations:
    'the invitations the caller sent (addresses they typed, role, organization, dates); staff see all: no catalogue record',
  eventRegistrations:
    'staff only: who registered for an event (names, organizations, e-mail addresses, status): no catalogue record',
  eventRoster: 'staff only: the same registrations as CSV for the door: no catalogue record',
  myRegistrations:
    'the caller’s own registrations and their events (published ones, drafts for staff): no catalogue record',
};
