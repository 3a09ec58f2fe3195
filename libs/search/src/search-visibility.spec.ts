import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type AffiliationStatus, type Role, type Viewer } from '#libs/core';
import { needVisibilityFilter, seedVisibilityFilter } from './search-visibility.js';

const user = (
  role: Role,
  affiliation: AffiliationStatus = 'approved',
  organizationId: string | null = 'org-1',
): Viewer => ({
  kind: 'user',
  userId: `user-${role}`,
  role,
  organizationId,
  affiliation,
  sessionId: 'session-1',
});

const PUBLIC_ONLY = { attribute: 'visibility', in: ['public'] };

describe('seedVisibilityFilter', () => {
  it('shows anonymous viewers and broken tokens public seeds only', () => {
    expect(seedVisibilityFilter(ANONYMOUS)).toEqual(PUBLIC_ONLY);
    expect(seedVisibilityFilter({ kind: 'invalid-token' })).toEqual(PUBLIC_ONLY);
  });

  it('adds the seeds listed for an approved researcher', () => {
    expect(seedVisibilityFilter(user('researcher'))).toEqual({
      any: [PUBLIC_ONLY, { attribute: 'listedUserIds', in: ['user-researcher'] }],
    });
  });

  it('shows a researcher whose affiliation is pending or rejected public seeds only', () => {
    expect(seedVisibilityFilter(user('researcher', 'pending'))).toEqual(PUBLIC_ONLY);
    expect(seedVisibilityFilter(user('researcher', 'rejected'))).toEqual(PUBLIC_ONLY);
  });

  it('shows company members public seeds only, approved or not', () => {
    expect(seedVisibilityFilter(user('company-member'))).toEqual(PUBLIC_ONLY);
    expect(seedVisibilityFilter(user('company-member', 'pending'))).toEqual(PUBLIC_ONLY);
  });

  it('does not filter for staff', () => {
    expect(seedVisibilityFilter(user('coordinator'))).toBeNull();
    expect(seedVisibilityFilter(user('admin', 'approved', null))).toBeNull();
    // staff act whatever their affiliation says
    expect(seedVisibilityFilter(user('coordinator', 'pending'))).toBeNull();
  });
});

describe('needVisibilityFilter', () => {
  it('shows anonymous viewers and broken tokens public needs only', () => {
    expect(needVisibilityFilter(ANONYMOUS)).toEqual(PUBLIC_ONLY);
    expect(needVisibilityFilter({ kind: 'invalid-token' })).toEqual(PUBLIC_ONLY);
  });

  it("adds its own company's needs for an approved company member", () => {
    expect(needVisibilityFilter(user('company-member', 'approved', 'company-42'))).toEqual({
      any: [PUBLIC_ONLY, { attribute: 'ownerCompany', in: ['company-42'] }],
    });
  });

  it('shows a company member whose affiliation is pending or rejected public needs only', () => {
    expect(needVisibilityFilter(user('company-member', 'pending', 'company-42'))).toEqual(PUBLIC_ONLY);
    expect(needVisibilityFilter(user('company-member', 'rejected', 'company-42'))).toEqual(PUBLIC_ONLY);
  });

  it('shows a company member without an organization public needs only', () => {
    expect(needVisibilityFilter(user('company-member', 'approved', null))).toEqual(PUBLIC_ONLY);
  });

  it('shows researchers public needs only, even with an organization', () => {
    expect(needVisibilityFilter(user('researcher', 'approved', 'company-42'))).toEqual(PUBLIC_ONLY);
  });

  it('lets staff see every need (an always-true filter)', () => {
    expect(needVisibilityFilter(user('coordinator'))).toEqual({ all: [] });
    expect(needVisibilityFilter(user('admin', 'pending', null))).toEqual({ all: [] });
  });
});
