import { randomUUID } from 'node:crypto';
import type { RequestSpec } from 'autocannon';

/** A GraphQL call over HTTP, failing on any error (setup must succeed; a failed write is counted). */
export async function graphql<T>(base: string, query: string, variables: object = {}, token?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data)
    throw new Error(
      `${query.slice(0, 40).replace(/\s+/g, ' ')}… failed (${response.status}): ${JSON.stringify(body.errors ?? body)}`,
    );
  return body.data;
}

const signIn = async (base: string, email: string, password: string) =>
  (
    await graphql<{ signIn: { accessToken: string } }>(
      base,
      'mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: { email, password } },
    )
  ).signIn.accessToken;

/** What the load needs from the running API: an approved company member, its needs, seeds to page. */
export interface LoadWorld {
  memberToken: string;
  needs: { id: string; version: number }[];
  seedIds: string[];
}

/** An admin makes a coordinator, who approves a new member of the company with the most open needs. */
export async function prepareWorld(
  base: string,
  admin: { email: string; password: string },
  signUpToken: (email: string) => Promise<string>,
): Promise<LoadWorld> {
  const adminToken = await signIn(base, admin.email, admin.password);
  const stamp = Date.now().toString(36);
  const coordinator = {
    email: `load-coordinator-${stamp}@example.jp`,
    password: `${randomUUID()}-Kuro-Hoshi`,
  };
  await graphql(
    base,
    'mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }',
    { input: { ...coordinator, role: 'COORDINATOR', name: { ja: '負荷試験', en: 'Load test' } } },
    adminToken,
  );
  const coordinatorToken = await signIn(base, coordinator.email, coordinator.password);
  const { needs } = await graphql<{ needs: { edges: { node: { company: { id: string } } }[] } }>(
    base,
    '{ needs(first: 100) { edges { node { company { id } } } } }',
    {},
    coordinatorToken,
  );
  const perCompany = new Map<string, number>();
  for (const { node } of needs.edges)
    perCompany.set(node.company.id, (perCompany.get(node.company.id) ?? 0) + 1);
  const companyId = [...perCompany].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!companyId) throw new Error('no open need in the catalogue: was the demo catalogue loaded?');
  const member = { email: `load-member-${stamp}@example.jp`, password: `${randomUUID()}-Mizu-Kaze` };
  await graphql(base, 'mutation ($input: SignUpInput!) { signUp(input: $input) { email } }', {
    input: { ...member, role: 'COMPANY_MEMBER', organizationId: companyId, name: { ja: '負荷 花子' } },
  });
  const { verifyEmail } = await graphql<{ verifyEmail: { user: { id: string } } }>(
    base,
    'mutation ($token: String!) { verifyEmail(token: $token) { user { id } } }',
    { token: await signUpToken(member.email) },
  );
  await graphql(
    base,
    'mutation ($input: DecideAffiliationInput!) { approveAffiliation(input: $input) { id } }',
    { input: { userId: verifyEmail.user.id } },
    coordinatorToken,
  );
  const memberToken = await signIn(base, member.email, member.password);
  const own = await graphql<{ needs: { edges: { node: { id: string; version: number } }[] } }>(
    base,
    'query ($companyIds: [ID!]) { needs(companyIds: $companyIds, first: 100) { edges { node { id version } } } }',
    { companyIds: [companyId] },
    memberToken,
  );
  const seeds = await graphql<{ seeds: { edges: { node: { id: string } }[] } }>(
    base,
    '{ seeds(first: 100) { edges { node { id } } } }',
  );
  return {
    memberToken,
    needs: own.needs.edges.map((edge) => edge.node),
    seedIds: seeds.seeds.edges.map((edge) => edge.node.id),
  };
}

const SEED_QUERIES = ['クモ糸', '発酵', '乳酸菌', 'spider silk', 'metabolome', '庄内', 'biomarker', ''];
const NEED_QUERIES = ['発酵', '食品', 'protein', 'sensor', ''];

const SEARCH_SEEDS = `query ($q: String!) { searchSeeds(query: $q, first: 10) {
  totalHits hits { seed { id title { ja en } institution { name { ja } } } title { text } }
  facets { attribute values { value count } } } }`;
const SEARCH_NEEDS = `query ($q: String!) { searchNeeds(query: $q, first: 10) {
  totalHits hits { need { id title { ja en } company { name { ja } } } } } }`;
const SEED_PAGE = `query ($id: ID!) { seed(id: $id) {
  id title { ja en } summary { ja en } fields trl collaborationTypes ipStatus keywords
  institution { id name { ja en } } researchers { name { ja en } } programs { code name { ja } } } }`;
const CANDIDATES = `query ($id: ID!) { candidatesForNeed(needId: $id, first: 10) {
  score pathway seed { id title { ja } } reasons { factor } } }`;

export type ReadKind = 'searchSeeds' | 'searchNeeds' | 'seed page' | 'candidatesForNeed';

/** The read mix, by weight; searchNeeds and candidates as the member (they need a company). */
const MIX: readonly [ReadKind, number][] = [
  ['searchSeeds', 35],
  ['seed page', 30],
  ['searchNeeds', 20],
  ['candidatesForNeed', 15],
];

export interface ReadCounts {
  responses: Record<ReadKind, number>;
  graphqlErrors: Record<ReadKind, number>;
  firstErrors: string[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

function readBody(kind: ReadKind, world: LoadWorld): { body: string; token?: string } {
  const call = (query: string, variables: object, token?: string) => ({
    body: JSON.stringify({ query, variables }),
    token,
  });
  switch (kind) {
    case 'searchSeeds':
      return call(SEARCH_SEEDS, { q: pick(SEED_QUERIES) });
    case 'searchNeeds':
      return call(SEARCH_NEEDS, { q: pick(NEED_QUERIES) }, world.memberToken);
    case 'seed page':
      return call(SEED_PAGE, { id: pick(world.seedIds) });
    case 'candidatesForNeed':
      return call(CANDIDATES, { id: pick(world.needs).id }, world.memberToken);
  }
}

/** One autocannon request that draws its operation from the mix each time, and counts GraphQL errors. */
export function readRequests(world: LoadWorld, counts: ReadCounts): RequestSpec[] {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  const draw = (): ReadKind => {
    let roll = Math.random() * total;
    for (const [kind, weight] of MIX) if ((roll -= weight) < 0) return kind;
    return MIX[0][0];
  };
  return [
    {
      method: 'POST',
      path: '/graphql',
      setupRequest(request, context) {
        const kind = draw();
        context.kind = kind;
        const { body, token } = readBody(kind, world);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token) headers.authorization = `Bearer ${token}`;
        return { ...request, headers, body };
      },
      onResponse(_status, body, context) {
        const kind = context.kind as ReadKind;
        counts.responses[kind] += 1;
        if (body.includes('"errors"')) {
          counts.graphqlErrors[kind] += 1;
          if (counts.firstErrors.length < 5) counts.firstErrors.push(`${kind}: ${body.slice(0, 300)}`);
        }
      },
    },
  ];
}

export const emptyReadCounts = (): ReadCounts => ({
  responses: { searchSeeds: 0, searchNeeds: 0, 'seed page': 0, candidatesForNeed: 0 },
  graphqlErrors: { searchSeeds: 0, searchNeeds: 0, 'seed page': 0, candidatesForNeed: 0 },
  firstErrors: [],
});
