import { describe, expect, it } from '@jest/globals';
import { AccessService, ANONYMOUS, meetsCondition, type SignedInViewer, type Viewer } from '#libs/core';
import { CatalogErrorCode, type SeedQueryService } from '#libs/catalog';
import { MatchingAccessPolicy } from './matching.access.js';
import { partiesOf, partyConditions, partyOfAny, proposalAttributes } from './proposal/proposal-parties.js';

const COMPANY = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const SEED = '00000000-0000-4000-8000-00000000000a';
const ELSEWHERE = '00000000-0000-4000-8000-00000000000b';

const user = (role: SignedInViewer['role'], overrides: Partial<SignedInViewer> = {}): SignedInViewer => ({
  kind: 'user',
  userId: 'user-1',
  role,
  organizationId: COMPANY,
  affiliation: 'approved',
  sessionId: 'session-1',
  ...overrides,
});

const proposal = (companyId: string, seedId: string, introduced: boolean) => ({
  companyId,
  seedId,
  introducedAt: introduced ? new Date() : null,
});

describe('the parties to a proposal', () => {
  const own = proposal(COMPANY, SEED, false);
  const ownIntroduced = proposal(COMPANY, SEED, true);
  const otherIntroduced = proposal(OTHER, SEED, true);
  const otherSeed = proposal(OTHER, ELSEWHERE, true);
  const all = [own, ownIntroduced, otherIntroduced, otherSeed];

  const roles = (viewer: Viewer, listed: string[] = []) =>
    all.map((one) => partiesOf(one, partyConditions(viewer, listed)));
  const reads = (viewer: Viewer, listed: string[] = []) =>
    all.map((one) => meetsCondition(partyOfAny(partyConditions(viewer, listed)), proposalAttributes(one)));

  it('makes staff the coordinator of every proposal', () => {
    expect(roles(user('coordinator', { organizationId: null }))).toEqual(all.map(() => ['coordinator']));
  });

  it('makes an approved company member a party to their company’s proposals only', () => {
    expect(roles(user('company-member'))).toEqual([['company'], ['company'], [], []]);
    expect(roles(user('company-member', { affiliation: 'pending' }))).toEqual([[], [], [], []]);
  });

  it('makes a listed researcher a party once introduced, and no one else', () => {
    expect(roles(user('researcher', { organizationId: OTHER }), [SEED])).toEqual([
      [],
      ['researcher'],
      ['researcher'],
      [],
    ]);
    expect(roles(user('researcher', { organizationId: OTHER }))).toEqual([[], [], [], []]);
    expect(roles(ANONYMOUS)).toEqual([[], [], [], []]);
  });

  it('lets exactly the parties read a proposal', () => {
    expect(reads(user('company-member'))).toEqual([true, true, false, false]);
    expect(reads(user('researcher'), [SEED])).toEqual([false, true, true, false]);
    expect(reads(user('admin'))).toEqual([true, true, true, true]);
  });
});

describe('MatchingAccessPolicy: acting for a seed, a company or an institution', () => {
  const access = new AccessService();
  const seeds = { seedIdsListing: () => Promise.resolve([SEED]) } as unknown as SeedQueryService;
  new MatchingAccessPolicy(access, undefined as never, seeds).onModuleInit();

  const refusal = async (viewer: Viewer, permission: string, id: string) => {
    try {
      await access.requireAccess({ viewer, permission, ids: [id] });
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('opens a seed’s matching to staff and its listed researchers', async () => {
    expect(await refusal(user('researcher'), 'seed.matching', SEED)).toBeNull();
    expect(await refusal(user('researcher'), 'seed.matching', ELSEWHERE)).toBe(
      CatalogErrorCode.NotListedOnSeed,
    );
    expect(await refusal(user('coordinator'), 'seed.matching', ELSEWHERE)).toBeNull();
  });

  it('opens a company’s or an institution’s matching to staff and its own people', async () => {
    expect(await refusal(user('company-member'), 'company.matching', COMPANY)).toBeNull();
    expect(await refusal(user('company-member'), 'company.matching', OTHER)).toBe(
      CatalogErrorCode.NotYourCompany,
    );
    expect(
      await refusal(user('researcher', { organizationId: OTHER }), 'institution.matching', COMPANY),
    ).toBe(CatalogErrorCode.NotYourInstitution);
    expect(await refusal(user('admin', { organizationId: null }), 'institution.matching', OTHER)).toBeNull();
  });
});
