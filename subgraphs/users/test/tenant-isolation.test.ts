import { inTenant } from '@jobgraph/kit';
import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsersDatabase } from '../src/subgraph.ts';

let graph: TestSupergraph;
let db: Kysely<UsersDatabase>;
let tenantA: TestTenant;
let tenantB: TestTenant;
let candidateA: TestUser;
let candidateB: TestUser;

beforeAll(async () => {
  graph = await startTestSupergraph({ subgraphs: ['users'] });
  db = graph.subgraph('users').database.kysely as Kysely<UsersDatabase>;
  tenantA = await createTestTenant(graph, 'isolation-a');
  tenantB = await createTestTenant(graph, 'isolation-b');
  candidateA = await createTestUser(graph, tenantA);
  candidateB = await createTestUser(graph, tenantB);
});

afterAll(async () => {
  await graph?.stop();
});

const entities = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id email username } } }`;

describe('row-level security', () => {
  it('hides other tenants from a query without a tenant filter', async () => {
    const rows = await inTenant(db, tenantA.id, (trx) => trx.selectFrom('users').select(['id', 'tenant_id']).execute());

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.tenant_id === tenantA.id)).toBe(true);
    expect(rows.map((row) => row.id)).not.toContain(candidateB.id);
  });

  it('hides refresh tokens of other tenants', async () => {
    const rows = await inTenant(db, tenantA.id, (trx) => trx.selectFrom('refresh_tokens').select('tenant_id').execute());

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.tenant_id === tenantA.id)).toBe(true);
  });

  it('shows no rows outside a tenant transaction', async () => {
    const rows = await db.selectFrom('users').select('id').execute();

    expect(rows).toEqual([]);
  });

  it('rejects a write into another tenant', async () => {
    const write = inTenant(db, tenantA.id, (trx) =>
      trx.updateTable('users').set({ first_name: 'Mallory' }).where('id', '=', candidateB.id).executeTakeFirst(),
    );

    await expect(write).resolves.toMatchObject({ numUpdatedRows: 0n });
    const insert = inTenant(db, tenantA.id, (trx) =>
      trx
        .insertInto('users')
        .values({ tenant_id: tenantB.id, id: crypto.randomUUID(), email: 'x@example.com', username: 'intruder', first_name: 'I', last_name: 'N', role: 'ADMIN', password_hash: null })
        .execute(),
    );
    await expect(insert).rejects.toThrow(/row-level security/);
  });

  it('runs the application as a role that RLS applies to', async () => {
    const role = await sql<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>`
      select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user
    `.execute(db);

    expect(role.rows[0]).toEqual({ current_user: 'jobgraph_app', rolsuper: false, rolbypassrls: false });
  });
});

describe('entity references across tenants', () => {
  it('resolves another tenant user to null in _entities', async () => {
    const response = await graph.querySubgraph(
      'users',
      entities,
      { representations: [{ __typename: 'User', id: candidateB.id }, { __typename: 'User', id: candidateA.id }] },
      { token: tenantA.adminToken },
    );

    expect(response.errors).toBeUndefined();
    expect(response.data?._entities).toEqual([null, { id: candidateA.id, email: candidateA.email, username: candidateA.username }]);
  });

  it('resolves another tenant to null in _entities', async () => {
    const response = await graph.querySubgraph(
      'users',
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Tenant { id slug } } }',
      { representations: [{ __typename: 'Tenant', id: tenantB.id }] },
      { token: tenantA.adminToken },
    );

    expect(response.data?._entities).toEqual([null]);
  });

  it('resolves every user to null in _entities without a tenant', async () => {
    const response = await graph.querySubgraph('users', entities, { representations: [{ __typename: 'User', id: candidateA.id }] });

    expect(response.data?._entities).toEqual([null]);
  });

  it('returns null for user(id) of another tenant', async () => {
    const response = await graph.query<{ user: unknown }>('query ($id: ID!) { user(id: $id) { id email } }', { id: candidateB.id }, { token: tenantA.adminToken });

    expect(response.errors).toBeUndefined();
    expect(response.data?.user).toBeNull();
  });
});

describe('contact details', () => {
  const userQuery = 'query ($id: ID!) { user(id: $id) { id email phone fullName } }';

  it('shows the email to the user and to an ADMIN', async () => {
    const bySelf = await graph.query<{ user: { email: string } }>(userQuery, { id: candidateA.id }, { token: candidateA.token });
    const byAdmin = await graph.query<{ user: { email: string } }>(userQuery, { id: candidateA.id }, { token: tenantA.adminToken });

    expect(bySelf.data?.user.email).toBe(candidateA.email);
    expect(byAdmin.data?.user.email).toBe(candidateA.email);
  });

  it('hides the email from another user and anonymous callers', async () => {
    const other = await createTestUser(graph, tenantA);

    const byOther = await graph.query<{ user: { email: string | null; fullName: string } }>(userQuery, { id: candidateA.id }, { token: other.token });
    const anonymous = await graph.query<{ user: { email: string | null } }>(userQuery, { id: candidateA.id }, { tenant: tenantA.slug });

    expect(byOther.data?.user.email).toBeNull();
    expect(byOther.data?.user.fullName).toBe('Test Candidate');
    expect(anonymous.data?.user.email).toBeNull();
  });
});

describe('private fields', () => {
  const fields = 'id email phone dateOfBirth bio fullName';
  const userQuery = `query ($id: ID!) { user(id: $id) { ${fields} } }`;
  const entitiesQuery = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { ${fields} } } }`;
  const profile = { phone: '+44 20 7946 0958', dateOfBirth: '1990-05-17', bio: 'Welder in Leeds.' };

  interface Fields {
    id: string;
    email: string | null;
    phone: string | null;
    dateOfBirth: string | null;
    bio: string | null;
    fullName: string;
  }

  let owner: TestUser;
  let callers: Array<{ caller: string; options: { token?: string; tenant?: string }; seesPrivate: boolean }>;

  beforeAll(async () => {
    owner = await createTestUser(graph, tenantA);
    const other = await createTestUser(graph, tenantA);
    const updated = await graph.query('mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', { input: profile }, { token: owner.token });
    expect(updated.errors).toBeUndefined();
    callers = [
      { caller: 'anonymous', options: { tenant: tenantA.slug }, seesPrivate: false },
      { caller: 'another user', options: { token: other.token }, seesPrivate: false },
      { caller: 'the user', options: { token: owner.token }, seesPrivate: true },
      { caller: 'an ADMIN', options: { token: tenantA.adminToken }, seesPrivate: true },
    ];
  });

  function expectedFields(seesPrivate: boolean): Fields {
    const privateFields = seesPrivate ? { email: owner.email, phone: profile.phone, dateOfBirth: profile.dateOfBirth } : { email: null, phone: null, dateOfBirth: null };
    return { id: owner.id, ...privateFields, bio: profile.bio, fullName: 'Test Candidate' };
  }

  it('shows them through the gateway to the user and ADMINs only', async () => {
    for (const { caller, options, seesPrivate } of callers) {
      const response = await graph.query<{ user: Fields }>(userQuery, { id: owner.id }, options);

      expect(response.errors, caller).toBeUndefined();
      expect(response.data?.user, caller).toEqual(expectedFields(seesPrivate));
    }
  });

  it('shows them through _entities to the user and ADMINs only', async () => {
    for (const { caller, options, seesPrivate } of callers) {
      const response = await graph.querySubgraph<{ _entities: Fields[] }>('users', entitiesQuery, { representations: [{ __typename: 'User', id: owner.id }] }, options);

      expect(response.errors, caller).toBeUndefined();
      expect(response.data?._entities, caller).toEqual([expectedFields(seesPrivate)]);
    }
  });
});

describe('users', () => {
  const usersQuery = 'query ($role: UserRole, $first: Int, $after: String) { users(role: $role, first: $first, after: $after) { totalCount edges { node { id role } } pageInfo { hasNextPage endCursor } } }';

  interface UsersPage {
    users: { totalCount: number; edges: Array<{ node: { id: string; role: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  }

  it('pages through the tenant users for an ADMIN', async () => {
    const tenant = await createTestTenant(graph, 'paging');
    const created = [];
    for (let index = 0; index < 4; index += 1) created.push(await createTestUser(graph, tenant, index % 2 === 0 ? 'CANDIDATE' : 'EMPLOYER'));

    const first = await graph.query<UsersPage>(usersQuery, { first: 3 }, { token: tenant.adminToken });
    const second = await graph.query<UsersPage>(usersQuery, { first: 3, after: first.data?.users.pageInfo.endCursor }, { token: tenant.adminToken });

    expect(first.data?.users.totalCount).toBe(5);
    expect(first.data?.users.pageInfo.hasNextPage).toBe(true);
    expect(second.data?.users.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data!.users.edges, ...second.data!.users.edges].map((edge) => edge.node.id);
    expect(ids).toEqual([tenant.adminId, ...created.map((user) => user.id)]);
  });

  it('filters by role', async () => {
    const tenant = await createTestTenant(graph, 'role-filter');
    const employer = await createTestUser(graph, tenant, 'EMPLOYER');
    await createTestUser(graph, tenant, 'CANDIDATE');

    const response = await graph.query<UsersPage>(usersQuery, { role: 'EMPLOYER' }, { token: tenant.adminToken });

    expect(response.data?.users.totalCount).toBe(1);
    expect(response.data?.users.edges.map((edge) => edge.node.id)).toEqual([employer.id]);
  });

  it('rejects a CANDIDATE with FORBIDDEN', async () => {
    const response = await graph.query(usersQuery, {}, { token: candidateA.token });

    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toBe('This needs the role ADMIN; you are CANDIDATE.');
  });

  it('rejects an anonymous caller with UNAUTHENTICATED', async () => {
    const response = await graph.query(usersQuery, {}, { tenant: tenantA.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('updateProfile', () => {
  const update = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id firstName username phone bio dateOfBirth } }';

  it('changes the caller profile and clears a field given null', async () => {
    const user = await createTestUser(graph, tenantA);
    await graph.query(update, { input: { phone: '+44 20 7946 0958', bio: 'Hello' } }, { token: user.token });

    const response = await graph.query<{ updateProfile: Record<string, unknown> }>(update, { input: { firstName: ' Ada ', bio: null, dateOfBirth: '1990-05-17' } }, { token: user.token });

    expect(response.errors).toBeUndefined();
    expect(response.data?.updateProfile).toEqual({ id: user.id, firstName: 'Ada', username: user.username, phone: '+44 20 7946 0958', bio: null, dateOfBirth: '1990-05-17' });
  });

  it('rejects a username that is taken with CONFLICT', async () => {
    const user = await createTestUser(graph, tenantA);

    const response = await graph.query(update, { input: { username: candidateA.username.toUpperCase() } }, { token: user.token });

    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toBe(`Username "${candidateA.username.toUpperCase()}" is taken in this tenant; choose another.`);
  });

  it('rejects clearing a required field', async () => {
    const response = await graph.query(update, { input: { firstName: null } }, { token: candidateA.token });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('input.firstName cannot be cleared; send a new value or leave the field out.');
  });

  it('rejects an anonymous caller', async () => {
    const response = await graph.query(update, { input: { bio: 'x' } }, { tenant: tenantA.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
