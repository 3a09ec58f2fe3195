import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  adminEnv,
  countAllRows,
  countRows,
  createOrganization,
  createStaff,
  dataOf,
  decideAffiliation,
  DEFAULT_PASSWORD,
  expectError,
  fieldPaths,
  ME,
  signIn,
  signInAdmin,
  signUpAs,
  signUpToken,
  verifyEmail,
  uniqueEmail,
  USER_FIELDS,
  type Account,
  type OrganizationView,
  type UserView,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let app: TestApp;
let adminToken: string;
let coordinator: Account;
let university: OrganizationView;
let company: OrganizationView;

beforeAll(async () => {
  app = await startTestApp(adminEnv());
  adminToken = await signInAdmin(app);
  coordinator = await createStaff(app, adminToken, 'COORDINATOR');
  university = await createOrganization(app, adminToken, 'university', {
    name: { ja: '山形大学', en: 'Yamagata University' },
  });
  company = await createOrganization(app, adminToken, 'company', {
    name: { ja: '庄内製作所', en: 'Shonai Works' },
  });
});
afterAll(async () => {
  await app?.close();
});

interface PendingPage {
  pendingAffiliations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: UserView }[];
  };
}

const PENDING = `query ($first: Int, $after: String) {
  pendingAffiliations(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ${USER_FIELDS} } }
  }
}`;
const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const APPROVE = `mutation ($input: DecideAffiliationInput!) { approveAffiliation(input: $input) { ${USER_FIELDS} } }`;
const REJECT = `mutation ($input: DecideAffiliationInput!) { rejectAffiliation(input: $input) { ${USER_FIELDS} } }`;
const CREATE_STAFF = `mutation ($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { ${USER_FIELDS} } }`;
const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { email } }`;

const me = (token: string) => app.gql<{ me: UserView }>(ME, {}, token);
const pending = (token: string | undefined, first = 100, after?: string) =>
  app.gql<PendingPage>(PENDING, { first, after }, token);
const createOrganizationAs = (token: string) =>
  app.gql(CREATE_ORGANIZATION, { input: { type: 'university', name: { ja: '勝手に作った大学' } } }, token);
const staffInput = (role: 'COORDINATOR' | 'ADMIN' = 'COORDINATOR') => ({
  email: uniqueEmail('staff'),
  password: 'a-staff-password-long-enough',
  name: { ja: '職員', en: 'Staff' },
  role,
});

async function affiliationRow(userId: string) {
  const { rows } = await app.db.query<{
    affiliation_status: string;
    affiliation_decided_by: string | null;
    affiliation_decided_at: Date | null;
    affiliation_note: string | null;
  }>(
    'SELECT affiliation_status, affiliation_decided_by, affiliation_decided_at, affiliation_note FROM "user" WHERE id = $1',
    [userId],
  );
  return rows[0];
}

describe('a researcher whose affiliation is pending', () => {
  it('can sign in and see itself', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const session = await signIn(app, researcher.email, researcher.password);
    const self = dataOf(await me(session.accessToken)).me;
    expect(self).toMatchObject({
      id: researcher.userId,
      email: researcher.email,
      role: 'RESEARCHER',
      affiliationStatus: 'PENDING',
      affiliationDecidedAt: null,
      organization: { id: university.id, name: { ja: '山形大学', en: 'Yamagata University' } },
    });
  });

  it('is refused member-only and coordinator-only operations, and nothing is written', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const other = await signUpAs(app, 'RESEARCHER', university.id);
    const before = await countAllRows(app);
    const token = researcher.accessToken;

    expectError(await createOrganizationAs(token), 'FORBIDDEN', { reason: 'AFFILIATION_PENDING' });
    expectError(await pending(token), 'FORBIDDEN', { reason: 'AFFILIATION_PENDING' });
    expectError(await app.gql(APPROVE, { input: { userId: other.userId } }, token), 'FORBIDDEN', {
      reason: 'AFFILIATION_PENDING',
    });
    expectError(await app.gql(APPROVE, { input: { userId: researcher.userId } }, token), 'FORBIDDEN'); // not even itself
    expectError(await app.gql(REJECT, { input: { userId: other.userId } }, token), 'FORBIDDEN');
    expectError(await app.gql(CREATE_STAFF, { input: staffInput('ADMIN') }, token), 'FORBIDDEN');
    // member-only: the organization's member list
    expectError(await members(university.id, token), 'FORBIDDEN', { reason: 'AFFILIATION_PENDING' });

    expect(await countAllRows(app)).toEqual(before);
    expect((await affiliationRow(researcher.userId)).affiliation_status).toBe('pending');
    expect((await affiliationRow(other.userId)).affiliation_status).toBe('pending');
  });

  it('gets a bilingual explanation of why', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const error = expectError(await createOrganizationAs(researcher.accessToken), 'FORBIDDEN');
    expect(error.extensions.localizedMessage).toEqual({
      ja: '所属の承認待ちです。コーディネーターの承認後に利用できます',
      en: 'Your affiliation is awaiting a coordinator’s approval',
    });
  });
});

describe('coordinators deciding affiliations', () => {
  it('lists pending accounts, oldest first, with their email and organization', async () => {
    const first = await signUpAs(app, 'RESEARCHER', university.id);
    const second = await signUpAs(app, 'COMPANY_MEMBER', company.id);
    const page = dataOf(await pending(coordinator.accessToken)).pendingAffiliations;

    const ids = page.edges.map((edge) => edge.node.id);
    expect(ids).toContain(first.userId);
    expect(ids.indexOf(first.userId)).toBeLessThan(ids.indexOf(second.userId));
    expect(page.totalCount).toBe(ids.length);
    expect(page.edges.every((edge) => edge.node.affiliationStatus === 'PENDING')).toBe(true);
    expect(page.edges.some((edge) => edge.node.role === 'COORDINATOR' || edge.node.role === 'ADMIN')).toBe(
      false,
    );

    const node = page.edges.find((edge) => edge.node.id === second.userId)!.node;
    expect(node).toMatchObject({
      email: second.email,
      role: 'COMPANY_MEMBER',
      organization: { id: company.id, type: 'company' },
    });
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM "user" WHERE affiliation_status = 'pending'`,
    );
    expect(page.totalCount).toBe(rows[0].n);
  });

  it('approves: the account becomes APPROVED with the decision recorded, and leaves the pending list', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const countBefore = dataOf(await pending(coordinator.accessToken)).pendingAffiliations.totalCount;
    const startedAt = Date.now();

    const approved = dataOf(
      await app.gql<{ approveAffiliation: UserView }>(
        APPROVE,
        { input: { userId: researcher.userId, note: '  在籍を確認しました  ' } },
        coordinator.accessToken,
      ),
    ).approveAffiliation;
    expect(approved).toMatchObject({
      id: researcher.userId,
      affiliationStatus: 'APPROVED',
      affiliationNote: '在籍を確認しました',
    });
    expect(Date.parse(approved.affiliationDecidedAt!)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(Date.parse(approved.affiliationDecidedAt!)).toBeLessThanOrEqual(Date.now() + 1000);

    const row = await affiliationRow(researcher.userId);
    expect(row).toMatchObject({
      affiliation_status: 'approved',
      affiliation_decided_by: coordinator.userId,
      affiliation_note: '在籍を確認しました',
    });
    expect(row.affiliation_decided_at).toBeInstanceOf(Date);

    const after = dataOf(await pending(coordinator.accessToken)).pendingAffiliations;
    expect(after.totalCount).toBe(countBefore - 1);
    expect(after.edges.map((edge) => edge.node.id)).not.toContain(researcher.userId);
    expect(dataOf(await me(researcher.accessToken)).me.affiliationStatus).toBe('APPROVED');
  });

  it('applies an approval to the very next request made with the same access token', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    // Before: refused because the affiliation is pending.
    expectError(await createOrganizationAs(researcher.accessToken), 'FORBIDDEN', {
      reason: 'AFFILIATION_PENDING',
    });

    await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'approve');

    // Same token, no new sign-in: now an approved researcher, still not a coordinator.
    expect(dataOf(await me(researcher.accessToken)).me.affiliationStatus).toBe('APPROVED');
    expectError(await createOrganizationAs(researcher.accessToken), 'FORBIDDEN', { reason: 'NOT_ALLOWED' });
    expectError(await pending(researcher.accessToken), 'FORBIDDEN', { reason: 'NOT_ALLOWED' });
  });

  it('rejects: the account becomes REJECTED with the note, and stays without member rights', async () => {
    const member = await signUpAs(app, 'COMPANY_MEMBER', company.id);
    const rejected = await decideAffiliation(
      app,
      coordinator.accessToken,
      member.userId,
      'reject',
      '所属先の確認が取れませんでした',
    );
    expect(rejected).toMatchObject({
      id: member.userId,
      affiliationStatus: 'REJECTED',
      affiliationNote: '所属先の確認が取れませんでした',
    });
    expect(rejected.affiliationDecidedAt).not.toBeNull();

    const row = await affiliationRow(member.userId);
    expect(row).toMatchObject({ affiliation_status: 'rejected', affiliation_decided_by: coordinator.userId });

    // The account holder sees the decision and its note, and is still refused.
    expect(dataOf(await me(member.accessToken)).me).toMatchObject({
      affiliationStatus: 'REJECTED',
      affiliationNote: '所属先の確認が取れませんでした',
    });
    expectError(await createOrganizationAs(member.accessToken), 'FORBIDDEN');
    const ids = dataOf(await pending(coordinator.accessToken)).pendingAffiliations.edges.map(
      (edge) => edge.node.id,
    );
    expect(ids).not.toContain(member.userId);
  });

  it('lets a rejection be revised into an approval, clearing an empty note', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'reject', '書類不足');
    const approved = await decideAffiliation(app, adminToken, researcher.userId, 'approve', '   ');
    expect(approved).toMatchObject({ affiliationStatus: 'APPROVED', affiliationNote: null });
    expect((await affiliationRow(researcher.userId)).affiliation_status).toBe('approved');
  });

  it('refuses to decide on a staff account, which has no affiliation', async () => {
    const staff = await createStaff(app, adminToken, 'COORDINATOR');
    const before = await affiliationRow(staff.userId);
    const error = expectError(
      await app.gql(APPROVE, { input: { userId: staff.userId } }, coordinator.accessToken),
      'BAD_USER_INPUT',
      {
        reason: 'NO_AFFILIATION',
      },
    );
    expect(fieldPaths(error)).toEqual(['input.userId']);
    expectError(
      await app.gql(REJECT, { input: { userId: staff.userId } }, coordinator.accessToken),
      'BAD_USER_INPUT',
      {
        reason: 'NO_AFFILIATION',
      },
    );
    expect(await affiliationRow(staff.userId)).toEqual(before);
  });

  it('answers an unknown user id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = expectError(
      await app.gql(APPROVE, { input: { userId: randomUUID() } }, coordinator.accessToken),
      'NOT_FOUND',
      {
        reason: 'USER_NOT_FOUND',
      },
    );
    expect(fieldPaths(unknown)).toEqual(['input.userId']);
    expectError(
      await app.gql(REJECT, { input: { userId: randomUUID() } }, coordinator.accessToken),
      'NOT_FOUND',
    );

    const malformed = expectError(
      await app.gql(APPROVE, { input: { userId: 'user-1' } }, coordinator.accessToken),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(malformed)).toEqual(['input.userId']);
  });

  it('refuses a note over 1000 characters, leaving the account pending', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    const error = expectError(
      await app.gql(
        APPROVE,
        { input: { userId: researcher.userId, note: 'x'.repeat(1001) } },
        coordinator.accessToken,
      ),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(error)).toEqual(['input.note']);
    expect((await affiliationRow(researcher.userId)).affiliation_status).toBe('pending');
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    expectError(await pending(undefined), 'UNAUTHENTICATED');
    expectError(await app.gql(APPROVE, { input: { userId: researcher.userId } }), 'UNAUTHENTICATED');
    expect((await affiliationRow(researcher.userId)).affiliation_status).toBe('pending');
  });

  it('pages through pending accounts', async () => {
    for (let i = 0; i < 3; i++) await signUpAs(app, 'RESEARCHER', university.id);
    const all = dataOf(await pending(coordinator.accessToken)).pendingAffiliations;
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = dataOf(await pending(coordinator.accessToken, 2, after)).pendingAffiliations;
      expect(page.totalCount).toBe(all.totalCount);
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all.edges.map((edge) => edge.node.id));
    expectError(await pending(coordinator.accessToken, 0), 'BAD_USER_INPUT', { path: 'first' });
    expectError(await pending(coordinator.accessToken, 2, 'not-a-cursor'), 'BAD_USER_INPUT', {
      path: 'after',
    });
  });

  it('resolves the organization of every user on a page of ten across three organizations', async () => {
    const organizations = [
      university,
      await createOrganization(app, adminToken, 'research-institute', {
        name: { ja: '鶴岡研究所', en: 'Tsuruoka Institute' },
      }),
      company,
    ];
    const expected = new Map<string, string>();
    for (let i = 0; i < 10; i++) {
      const organization = organizations[i % 3];
      const account = await signUpAs(app, i % 3 === 2 ? 'COMPANY_MEMBER' : 'RESEARCHER', organization.id);
      expected.set(account.userId, organization.id);
    }

    const response = await app.gql<{
      pendingAffiliations: {
        edges: { node: { id: string; organization: { id: string; name: { ja: string } } } }[];
      };
    }>(
      `{ pendingAffiliations(first: 100) { edges { node { id organization { id name { ja } } } } } }`,
      {},
      coordinator.accessToken,
    );
    const nodes = dataOf(response)
      .pendingAffiliations.edges.map((edge) => edge.node)
      .filter((node) => expected.has(node.id));
    expect(nodes).toHaveLength(10);
    for (const node of nodes) {
      const organization = organizations.find((candidate) => candidate.id === expected.get(node.id))!;
      expect(node.organization).toEqual({ id: organization.id, name: { ja: organization.name.ja } });
    }
    expect(new Set(nodes.map((node) => node.organization.id)).size).toBe(3);
  });
});

describe('staff accounts', () => {
  it('can be created by an admin only', async () => {
    const researcher = await signUpAs(app, 'RESEARCHER', university.id);
    await decideAffiliation(app, coordinator.accessToken, researcher.userId, 'approve');
    const before = await countAllRows(app);

    expectError(await app.gql(CREATE_STAFF, { input: staffInput() }, researcher.accessToken), 'FORBIDDEN', {
      reason: 'NOT_ALLOWED',
    });
    expectError(
      await app.gql(CREATE_STAFF, { input: staffInput('ADMIN') }, coordinator.accessToken),
      'FORBIDDEN',
      { reason: 'NOT_ALLOWED' },
    );
    expectError(await app.gql(CREATE_STAFF, { input: staffInput() }), 'UNAUTHENTICATED');
    expect(await countAllRows(app)).toEqual(before);

    const input = staffInput('COORDINATOR');
    const created = dataOf(
      await app.gql<{ createStaffAccount: UserView }>(CREATE_STAFF, { input }, adminToken),
    ).createStaffAccount;
    expect(created).toMatchObject({
      email: input.email,
      role: 'COORDINATOR',
      affiliationStatus: 'APPROVED',
      organization: null,
    });
    expect(await countRows(app, 'user')).toBe(before.user + 1);

    // The new coordinator signs in and does coordinator work.
    const session = await signIn(app, input.email, input.password);
    expect(dataOf(await pending(session.accessToken)).pendingAffiliations.totalCount).toBeGreaterThan(0);
  });

  it('lets an admin create another admin, who can create staff in turn', async () => {
    const input = staffInput('ADMIN');
    const created = dataOf(
      await app.gql<{ createStaffAccount: UserView }>(CREATE_STAFF, { input }, adminToken),
    ).createStaffAccount;
    expect(created.role).toBe('ADMIN');
    const secondAdmin = await signIn(app, input.email, input.password);
    const coordinatorByNewAdmin = dataOf(
      await app.gql<{ createStaffAccount: UserView }>(
        CREATE_STAFF,
        { input: staffInput() },
        secondAdmin.accessToken,
      ),
    ).createStaffAccount;
    expect(coordinatorByNewAdmin.role).toBe('COORDINATOR');
  });

  it('validates staff input: 12-character passwords, a real email, a name, no duplicates', async () => {
    const before = await countRows(app, 'user');
    const shortPassword = expectError(
      await app.gql(CREATE_STAFF, { input: { ...staffInput(), password: 'elevenchars' } }, adminToken),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(shortPassword)).toEqual(['input.password']);
    const weakPassword = expectError(
      await app.gql(CREATE_STAFF, { input: { ...staffInput(), password: 'password123456' } }, adminToken),
      'BAD_USER_INPUT',
      { reason: 'WEAK_PASSWORD', path: 'input.password' },
    );
    expect(weakPassword.message).toMatch(/common/);
    const badEmail = expectError(
      await app.gql(CREATE_STAFF, { input: { ...staffInput(), email: 'staff-at-kyoso' } }, adminToken),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(badEmail)).toEqual(['input.email']);
    const noName = expectError(
      await app.gql(CREATE_STAFF, { input: { ...staffInput(), name: { ja: ' ', en: '' } } }, adminToken),
      'BAD_USER_INPUT',
    );
    expect(fieldPaths(noName)).toEqual(['input.name.ja']);
    const taken = expectError(
      await app.gql(
        CREATE_STAFF,
        { input: { ...staffInput(), email: coordinator.email.toUpperCase() } },
        adminToken,
      ),
      'CONFLICT',
      { reason: 'EMAIL_TAKEN' },
    );
    expect(fieldPaths(taken)).toEqual(['input.email']);
    expect(await countRows(app, 'user')).toBe(before);
  });

  it('are never in the pending list', async () => {
    const staff = await createStaff(app, adminToken, 'COORDINATOR');
    const ids = dataOf(await pending(coordinator.accessToken)).pendingAffiliations.edges.map(
      (edge) => edge.node.id,
    );
    expect(ids).not.toContain(staff.userId);
    expect(staff.user.affiliationStatus).toBe('APPROVED');
  });
});

describe('an account whose address is not confirmed yet', () => {
  it('is neither listed for approval nor approvable, until its link is opened', async () => {
    const email = uniqueEmail('unconfirmed');
    const input = { email, password: DEFAULT_PASSWORD, name: { ja: '未確認' }, role: 'RESEARCHER' };
    dataOf(await app.gql(SIGN_UP, { input: { ...input, organizationId: university.id } }));
    const { rows } = await app.db.query<{ id: string }>('SELECT id FROM "user" WHERE email = $1', [email]);
    const userId = rows[0].id;
    const listed = async () =>
      dataOf(await pending(coordinator.accessToken)).pendingAffiliations.edges.map((edge) => edge.node.id);

    expect(await listed()).not.toContain(userId);
    const refused = await app.gql(APPROVE, { input: { userId } }, coordinator.accessToken);
    expectError(refused, 'BAD_USER_INPUT', { reason: 'EMAIL_NOT_VERIFIED', path: 'input.userId' });
    expect((await affiliationRow(userId)).affiliation_status).toBe('pending');

    await verifyEmail(app, await signUpToken(app, email));
    expect(await listed()).toContain(userId);
    const approved = dataOf(
      await app.gql<{ approveAffiliation: UserView }>(
        APPROVE,
        { input: { userId } },
        coordinator.accessToken,
      ),
    );
    expect(approved.approveAffiliation.affiliationStatus).toBe('APPROVED');
  });
});

describe('choosing an organization at sign-up', () => {
  const signUp = (role: 'RESEARCHER' | 'COMPANY_MEMBER', organizationId: string) =>
    app.gql(SIGN_UP, {
      input: {
        email: uniqueEmail('fit'),
        password: DEFAULT_PASSWORD,
        name: { ja: '山田 花子' },
        role,
        organizationId,
      },
    });

  it('refuses a company member who picks a university, naming input.organizationId, writing nothing', async () => {
    const before = await countAllRows(app);
    const error = expectError(await signUp('COMPANY_MEMBER', university.id), 'BAD_USER_INPUT', {
      reason: 'ORGANIZATION_MISMATCH',
    });
    expect(fieldPaths(error)).toEqual(['input.organizationId']);
    expect((error.extensions.localizedMessage as { en: string }).en).toBe(
      'Company members belong to a company or startup',
    );
    expect(await countAllRows(app)).toEqual(before);
  });

  it('refuses a researcher who picks a company or a startup, writing nothing', async () => {
    const startup = await createOrganization(app, adminToken, 'startup');
    const before = await countAllRows(app);
    for (const organization of [company, startup]) {
      const error = expectError(await signUp('RESEARCHER', organization.id), 'BAD_USER_INPUT', {
        reason: 'ORGANIZATION_MISMATCH',
      });
      expect(fieldPaths(error)).toEqual(['input.organizationId']);
    }
    expect(await countAllRows(app)).toEqual(before);
  });

  it('accepts company members at companies and startups, and researchers at every other type', async () => {
    const types = [
      'research-institute',
      'public-lab',
      'college',
      'government',
      'support-organization',
      'school',
      'startup',
    ];
    for (const type of types) {
      const organization = await createOrganization(app, adminToken, type);
      const role = type === 'startup' ? 'COMPANY_MEMBER' : 'RESEARCHER';
      const account = await signUpAs(app, role, organization.id);
      expect(account.user).toMatchObject({
        role,
        affiliationStatus: 'PENDING',
        organization: { id: organization.id, type },
      });
    }
  });
});

const MEMBERS = `query ($organizationId: ID!) { organizationMembers(organizationId: $organizationId) { totalCount edges { node { id email } } } }`;
const members = (organizationId: string, token?: string) =>
  app.gql<{
    organizationMembers: { totalCount: number; edges: { node: { id: string; email: string | null } }[] };
  }>(MEMBERS, { organizationId }, token);

describe('organization members (member-only)', () => {
  it('shows an approved member the approved colleagues of their own organization only', async () => {
    const member = await signUpAs(app, 'RESEARCHER', university.id);
    const colleague = await signUpAs(app, 'RESEARCHER', university.id);
    const stillPending = await signUpAs(app, 'RESEARCHER', university.id);
    await decideAffiliation(app, coordinator.accessToken, member.userId, 'approve');
    await decideAffiliation(app, coordinator.accessToken, colleague.userId, 'approve');
    const audit = await app.db.query(
      'SELECT actor_user_id, action, changes FROM audit_entry WHERE entity_id = $1',
      [member.userId],
    );
    expect(audit.rows).toEqual([
      {
        actor_user_id: coordinator.userId,
        action: 'affiliation approved',
        changes: { affiliationStatus: { before: 'pending', after: 'approved' } },
      },
    ]);

    const page = dataOf(await members(university.id, member.accessToken)).organizationMembers;
    const ids = page.edges.map((edge) => edge.node.id);
    expect(ids).toEqual(expect.arrayContaining([member.userId, colleague.userId]));
    expect(ids).not.toContain(stillPending.userId);
    expect(page.edges.find((edge) => edge.node.id === colleague.userId)?.node.email).toBeNull(); // colleagues' emails stay private

    expectError(await members(company.id, member.accessToken), 'FORBIDDEN', {
      reason: 'NOT_YOUR_ORGANIZATION',
      path: 'organizationId',
    });
    expectError(await members(university.id), 'UNAUTHENTICATED');
    const seenByCoordinator = dataOf(await members(university.id, coordinator.accessToken))
      .organizationMembers.edges;
    expect(seenByCoordinator.find((edge) => edge.node.id === member.userId)?.node.email).toBe(member.email);
  });
});
