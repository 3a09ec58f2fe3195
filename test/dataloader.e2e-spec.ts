import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { queriesIssued } from '#libs/core';
import { signUpAs } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ADMIN = { email: 'admin@loader.test', password: 'loader-admin-password' };
let app: TestApp;
let adminToken: string;

beforeAll(async () => {
  app = await startTestApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const signIn = await app.gql<{ signIn: { accessToken: string } }>(
    'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }',
    { i: ADMIN },
  );
  adminToken = signIn.data!.signIn.accessToken;
  const organizationIds: string[] = [];
  for (const name of ['慶應義塾大学先端生命科学研究所', '山形大学農学部', '鶴岡工業高等専門学校']) {
    const created = await app.gql<{ createOrganization: { id: string } }>(
      'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }',
      { i: { type: 'university', name: { ja: name } } },
      adminToken,
    );
    organizationIds.push(created.data!.createOrganization.id);
  }
  for (let i = 0; i < 12; i++) {
    await signUpAs(app, 'RESEARCHER', organizationIds[i % 3], {
      email: `researcher${i}@loader.test`,
      password: 'long-enough-password',
      name: { ja: `研究者${i}` },
    });
  }
});

afterAll(async () => {
  await app?.close();
});

const PAGE = `query($first: Int!) {
  pendingAffiliations(first: $first) {
    totalCount
    edges { node { name { ja } organization { id name { ja } } } }
  }
}`;

type PageResult = {
  pendingAffiliations: {
    totalCount: number;
    edges: { node: { name: { ja: string }; organization: { name: { ja: string } } } }[];
  };
};

async function queriesFor(first: number) {
  const before = queriesIssued();
  const result = await app.gql<PageResult>(PAGE, { first }, adminToken);
  return { result, queries: queriesIssued() - before };
}

describe('nested fields through DataLoaders', () => {
  it('resolves every user’s organization', async () => {
    const { result } = await queriesFor(12);
    const edges = result.data!.pendingAffiliations.edges;
    expect(edges).toHaveLength(12);
    for (const { node } of edges) {
      const index = Number(node.name.ja.replace('研究者', ''));
      expect(node.organization.name.ja).toBe(
        ['慶應義塾大学先端生命科学研究所', '山形大学農学部', '鶴岡工業高等専門学校'][index % 3],
      );
    }
  });

  it('costs the same number of SQL statements for 2 users as for 12', async () => {
    const small = await queriesFor(2);
    const large = await queriesFor(12);
    expect(large.result.data!.pendingAffiliations.edges).toHaveLength(12);
    expect(large.queries).toBe(small.queries);
    // viewer lookup + count + page + one batch of organizations
    expect(large.queries).toBeLessThanOrEqual(5);
  });
});
