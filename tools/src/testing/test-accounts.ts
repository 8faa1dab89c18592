import type { UserRole } from '@jobgraph/kit';
import type { TestSupergraph } from './start-test-supergraph.ts';

/** A tenant registered through the gateway, with its first ADMIN logged in. */
export interface TestTenant {
  readonly id: string;
  readonly slug: string;
  readonly adminId: string;
  /** An access token of the ADMIN, valid for 15 minutes. */
  readonly adminToken: string;
}

/** A user registered through the gateway and logged in. */
export interface TestUser {
  readonly id: string;
  readonly role: UserRole;
  readonly email: string;
  readonly username: string;
  readonly password: string;
  /** An access token, valid for 15 minutes. */
  readonly token: string;
  readonly refreshToken: string;
}

/** The password of every test account; it meets the strength rules. */
export const testPassword = 'correct-horse-battery-9';

const authPayloadFields = 'accessToken refreshToken user { id role tenant { id slug } }';

interface AuthPayload {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: { readonly id: string; readonly role: UserRole; readonly tenant: { readonly id: string; readonly slug: string } };
}

let accountCount = 0;

/**
 * Registers a tenant with `slug` through the gateway and returns it with its
 * ADMIN's id and access token. Slugs are unique in a test supergraph.
 *
 * @example
 * const acme = await createTestTenant(graph, 'acme');
 * await graph.query('{ me { id } }', {}, { token: acme.adminToken });
 */
export async function createTestTenant(graph: TestSupergraph, slug: string): Promise<TestTenant> {
  const username = nextUsername(`${slug}-admin`);
  const response = await graph.query<{ registerTenant: AuthPayload }>(
    `mutation RegisterTestTenant($input: RegisterTenantInput!) { registerTenant(input: $input) { ${authPayloadFields} } }`,
    {
      input: {
        slug,
        name: `Test tenant ${slug}`,
        admin: { email: `${username}@example.com`, username, password: testPassword, firstName: 'Test', lastName: 'Admin' },
      },
    },
  );
  const payload = expectPayload(response, 'registerTenant', `registering tenant "${slug}"`);
  return { id: payload.user.tenant.id, slug: payload.user.tenant.slug, adminId: payload.user.id, adminToken: payload.accessToken };
}

/**
 * Registers a user with `role` in `tenant` through the gateway and returns
 * its id and tokens. An ADMIN is registered with the tenant's ADMIN token,
 * since only an ADMIN may create another.
 *
 * @example
 * const employer = await createTestUser(graph, acme, 'EMPLOYER');
 * await graph.query(createCompany, { input }, { token: employer.token });
 */
export async function createTestUser(graph: TestSupergraph, tenant: TestTenant, role: UserRole = 'CANDIDATE'): Promise<TestUser> {
  const username = nextUsername(`${tenant.slug}-${role.toLowerCase()}`);
  const email = `${username}@example.com`;
  const response = await graph.query<{ register: AuthPayload }>(
    `mutation RegisterTestUser($input: RegisterInput!) { register(input: $input) { ${authPayloadFields} } }`,
    { input: { email, username, password: testPassword, firstName: 'Test', lastName: role.charAt(0) + role.slice(1).toLowerCase(), role } },
    role === 'ADMIN' ? { token: tenant.adminToken } : { tenant: tenant.slug },
  );
  const payload = expectPayload(response, 'register', `registering a ${role} in tenant "${tenant.slug}"`);
  return { id: payload.user.id, role, email, username, password: testPassword, token: payload.accessToken, refreshToken: payload.refreshToken };
}

function nextUsername(prefix: string): string {
  accountCount += 1;
  return `${prefix}-${accountCount}`.slice(-32).replace(/^[^a-z0-9]+/, '');
}

function expectPayload<Field extends string>(
  response: { readonly data?: Partial<Record<Field, AuthPayload>> | null; readonly errors?: ReadonlyArray<{ message: string }> },
  field: Field,
  action: string,
): AuthPayload {
  const payload = response.data?.[field];
  if (!payload) throw new Error(`Test setup failed while ${action}: ${response.errors?.map((error) => error.message).join('; ') ?? 'no data'}`);
  return payload;
}
