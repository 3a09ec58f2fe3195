import { describe, expect, it } from '@jest/globals';
import { AccessService, ANONYMOUS, meetsCondition, type SignedInViewer, type Viewer } from '#libs/core';
import { CatalogAccessPolicy, needReadCondition, seedReadCondition } from './catalog.access.js';
import { CatalogErrorCode } from './catalog.errors.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const user = (role: SignedInViewer['role'], overrides: Partial<SignedInViewer> = {}): SignedInViewer => ({
  kind: 'user',
  userId: 'user-1',
  role,
  organizationId: ORG,
  affiliation: 'approved',
  sessionId: 'session-1',
  ...overrides,
});

const seed = (status: string, institution: string, listedUserIds: string[] = []) => ({
  status,
  institution,
  listedUserIds,
});

describe('seedReadCondition', () => {
  const mine = seed('draft', ORG, ['user-1']);
  const colleagues = seed('draft', ORG, ['user-2']);
  const elsewhere = seed('draft', OTHER, ['user-1']);
  const published = seed('published', OTHER);

  const sees = (viewer: Viewer) =>
    [mine, colleagues, elsewhere, published].map((values) =>
      meetsCondition(seedReadCondition(viewer), values),
    );

  it('shows staff every seed', () => {
    expect(sees(user('coordinator'))).toEqual([true, true, true, true]);
    expect(sees(user('admin', { organizationId: null }))).toEqual([true, true, true, true]);
  });

  it('shows an approved researcher the published seeds and the drafts they are listed on at their institution', () => {
    expect(sees(user('researcher'))).toEqual([true, false, false, true]);
  });

  it('shows everyone else the published seeds only', () => {
    expect(sees(ANONYMOUS)).toEqual([false, false, false, true]);
    expect(sees(user('researcher', { affiliation: 'pending' }))).toEqual([false, false, false, true]);
    expect(sees(user('researcher', { organizationId: null }))).toEqual([false, false, false, true]);
    expect(sees(user('company-member'))).toEqual([false, false, false, true]);
  });
});

describe('needReadCondition', () => {
  const ownSecret = { confidentiality: 'coordinators', company: ORG };
  const otherSecret = { confidentiality: 'coordinators', company: OTHER };
  const otherPublic = { confidentiality: 'public', company: OTHER };

  const sees = (viewer: Viewer) =>
    [ownSecret, otherSecret, otherPublic].map((values) => meetsCondition(needReadCondition(viewer), values));

  it('shows staff every need', () => {
    expect(sees(user('coordinator'))).toEqual([true, true, true]);
  });

  it('shows an approved company member the public needs and their own company’s', () => {
    expect(sees(user('company-member'))).toEqual([true, false, true]);
  });

  it('shows everyone else the public needs only', () => {
    expect(sees(ANONYMOUS)).toEqual([false, false, true]);
    expect(sees(user('company-member', { affiliation: 'pending' }))).toEqual([false, false, true]);
    expect(sees(user('researcher'))).toEqual([false, false, true]);
  });
});

describe('CatalogAccessPolicy: acting for an organization', () => {
  const access = new AccessService();
  // creating checks the organization ids themselves: no database is read
  new CatalogAccessPolicy(access, undefined as never).onModuleInit();

  const refusal = async (viewer: Viewer, permission: string, id: string) => {
    try {
      await access.requireAccess({ viewer, permission, ids: [id] });
      return null;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('lets approved researchers add seeds for their own institution only', async () => {
    expect(await refusal(user('researcher'), 'seed.create', ORG)).toBeNull();
    expect(await refusal(user('researcher'), 'seed.create', OTHER)).toBe(CatalogErrorCode.NotYourInstitution);
    expect(await refusal(user('researcher', { affiliation: 'pending' }), 'seed.create', ORG)).toBe(
      CatalogErrorCode.NotYourInstitution,
    );
    expect(await refusal(user('company-member'), 'seed.create', ORG)).toBe(
      CatalogErrorCode.NotYourInstitution,
    );
    expect(await refusal(user('coordinator'), 'seed.create', OTHER)).toBeNull();
  });

  it('lets approved company members post needs for their own company only', async () => {
    expect(await refusal(user('company-member'), 'need.create', ORG)).toBeNull();
    expect(await refusal(user('company-member'), 'need.create', OTHER)).toBe(CatalogErrorCode.NotYourCompany);
    expect(await refusal(user('researcher'), 'need.create', ORG)).toBe(CatalogErrorCode.NotYourCompany);
    expect(await refusal(user('admin'), 'need.create', OTHER)).toBeNull();
  });
});
