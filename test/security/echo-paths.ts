import type { Group, Probe, Role, World } from './world.js';

/**
 * Mutations that name a hidden record (by id, key or word) and answer with an error or the
 * record: a refusal must read exactly as it does for a record that does not exist.
 */
export interface EchoPath {
  name: string;
  probes: Group;
  mutation: string;
  vars: (world: World, role: Role, probe: Probe) => Record<string, unknown>;
}

const ANSWER = 'id version';
const own = (world: World, role: Role) => role.organizationId ?? world.orgs.Y.id;

export const ECHO_PATHS: EchoPath[] = [
  {
    name: 'updateNeed of the confidential need',
    probes: 'need',
    mutation: `mutation ($input: UpdateNeedInput!) { updateNeed(input: $input) { ${ANSWER} } }`,
    vars: (_w, _r, p) => ({ input: { id: p.needId, version: 1, trlMin: 3 } }),
  },
  {
    name: 'closeNeed of the confidential need',
    probes: 'need',
    mutation: `mutation ($input: RecordVersionInput!) { closeNeed(input: $input) { ${ANSWER} } }`,
    vars: (_w, _r, p) => ({ input: { id: p.needId, version: 1 } }),
  },
  {
    name: 'requestIntroduction for the confidential need',
    probes: 'need',
    mutation: `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${ANSWER} } }`,
    vars: (w, _r, p) => ({ input: { seedId: w.seeds.b, needId: p.needId } }),
  },
  {
    name: 'proposeMatch for the confidential need',
    probes: 'need',
    mutation: `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${ANSWER} } }`,
    vars: (w, _r, p) => ({ input: { needId: p.needId, seedId: w.seeds.b } }),
  },
  {
    name: 'moveProposal of a proposal about the confidential need',
    probes: 'need',
    mutation: `mutation ($input: MoveProposalInput!) { moveProposal(input: $input) { ${ANSWER} } }`,
    vars: (_w, _r, p) => ({ input: { id: p.proposalId, version: 1, to: 'WITHDRAWN' } }),
  },
  {
    name: 'acceptNda of a proposal about the confidential need',
    probes: 'need',
    mutation: 'mutation ($input: AcceptNdaInput!) { acceptNda(input: $input) { id } }',
    vars: (_w, _r, p) => ({ input: { proposalId: p.proposalId, textVersion: '1' } }),
  },
  {
    name: 'createNeed with the confidential need’s externalId',
    probes: 'need',
    mutation: `mutation ($input: CreateNeedInput!) { createNeed(input: $input) { ${ANSWER} } }`,
    vars: (w, r, p) => ({
      input: {
        companyId: own(w, r),
        title: { en: 'Mine' },
        description: { en: 'Mine.' },
        externalId: p.needExternalId,
      },
    }),
  },
  {
    name: 'updateSeed of the draft',
    probes: 'draft',
    mutation: `mutation ($input: UpdateSeedInput!) { updateSeed(input: $input) { ${ANSWER} } }`,
    vars: (_w, _r, p) => ({ input: { id: p.draftId, version: 1, trl: 5 } }),
  },
  ...(['publishSeed', 'archiveSeed', 'renewSeed'] as const).map((mutation) => ({
    name: `${mutation} of the draft`,
    probes: 'draft' as const,
    mutation: `mutation ($input: RecordVersionInput!) { ${mutation}(input: $input) { ${ANSWER} } }`,
    vars: (_w: World, _r: Role, p: Probe) => ({ input: { id: p.draftId, version: 1 } }),
  })),
  {
    name: 'requestIntroduction to the draft',
    probes: 'draft',
    mutation: `mutation ($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${ANSWER} } }`,
    vars: (_w, _r, p) => ({ input: { seedId: p.draftId } }),
  },
  {
    name: 'proposeMatch of the draft',
    probes: 'draft',
    mutation: `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { ${ANSWER} } }`,
    vars: (w, _r, p) => ({ input: { needId: w.needs.yPublic, seedId: p.draftId } }),
  },
  {
    name: 'createSeed with the draft’s externalId',
    probes: 'draft',
    mutation: `mutation ($input: CreateSeedInput!) { createSeed(input: $input) { ${ANSWER} } }`,
    vars: (w, r, p) => ({
      input: {
        title: { en: 'Mine' },
        summary: { en: 'Mine.' },
        fields: ['metabolomics'],
        institutionId: own(w, r),
        externalId: p.draftExternalId,
      },
    }),
  },
];
