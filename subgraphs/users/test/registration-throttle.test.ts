import { startTestSupergraph, testPassword, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const registerTenant = 'mutation ($input: RegisterTenantInput!) { registerTenant(input: $input) { user { id } } }';
const register = 'mutation ($input: RegisterInput!) { register(input: $input) { user { id } } }';

let graph: TestSupergraph;

beforeAll(async () => {
  vi.stubEnv('TENANT_REGISTRATIONS_PER_HOUR', '2');
  vi.stubEnv('ACCOUNT_REGISTRATIONS_PER_HOUR', '4');
  graph = await startTestSupergraph({ subgraphs: ['users'] });
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await graph?.stop();
});

function account(username: string) {
  return { email: `${username}@example.com`, username, password: testPassword, firstName: 'Rate', lastName: 'Limit' };
}

/** Sends a registration straight to the users subgraph as if the gateway had forwarded it from `clientAddress`. */
function registerTenantFrom(clientAddress: string, slug: string) {
  const input = { slug, name: `Tenant ${slug}`, admin: account(`${slug}-admin`) };
  return graph.querySubgraph('users', registerTenant, { input }, { headers: { 'x-forwarded-for': clientAddress } });
}

function registerFrom(clientAddress: string, tenant: string, username: string) {
  return graph.querySubgraph('users', register, { input: account(username) }, { tenant, headers: { 'x-forwarded-for': clientAddress } });
}

function expectRateLimited(response: Awaited<ReturnType<typeof registerFrom>>, kind: string, limit: number) {
  const error = response.errors?.[0];
  expect(error?.extensions?.code).toBe('RATE_LIMITED');
  expect(error?.message).toMatch(new RegExp(`^Too many ${kind} registrations from this client: the limit is ${limit} per hour\\. Try again in \\d+ seconds\\.$`));
  const retryAfterSeconds = error?.extensions?.retryAfterSeconds as number;
  expect(retryAfterSeconds).toBeGreaterThan(3_500);
  expect(retryAfterSeconds).toBeLessThanOrEqual(3_600);
  expect(error?.message).toContain(`Try again in ${retryAfterSeconds} seconds.`);
}

describe('registration limits', () => {
  it('rejects a third tenant from one client', async () => {
    const first = await registerTenantFrom('203.0.113.10', 'limit-one');
    const second = await registerTenantFrom('203.0.113.10', 'limit-two');
    const third = await registerTenantFrom('203.0.113.10', 'limit-three');
    const elsewhere = await registerTenantFrom('198.51.100.10', 'limit-elsewhere');

    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expectRateLimited(third, 'tenant', 2);
    expect(elsewhere.errors).toBeUndefined();
  });

  it('writes nothing for a rejected tenant', async () => {
    const retried = await registerTenantFrom('198.51.100.11', 'limit-three');

    expect(retried.errors).toBeUndefined();
  });

  it('rejects the fifth account from one client', async () => {
    const tenant = await registerTenantFrom('198.51.100.12', 'accounts-limit');
    expect(tenant.errors).toBeUndefined();

    for (let index = 1; index <= 4; index += 1) {
      const response = await registerFrom('203.0.113.12', 'accounts-limit', `limited-${index}`);
      expect(response.errors, `account ${index}`).toBeUndefined();
    }
    const fifth = await registerFrom('203.0.113.12', 'accounts-limit', 'limited-5');
    const elsewhere = await registerFrom('198.51.100.13', 'accounts-limit', 'limited-6');

    expectRateLimited(fifth, 'account', 4);
    expect(elsewhere.errors).toBeUndefined();
  });

  it('counts the first ADMIN of a tenant as an account', async () => {
    for (let index = 1; index <= 2; index += 1) {
      const response = await registerTenantFrom('203.0.113.14', `admin-count-${index}`);
      expect(response.errors, `tenant ${index}`).toBeUndefined();
    }
    for (let index = 1; index <= 2; index += 1) {
      const response = await registerFrom('203.0.113.14', 'admin-count-1', `counted-${index}`);
      expect(response.errors, `account ${index}`).toBeUndefined();
    }

    const fifthAccount = await registerFrom('203.0.113.14', 'admin-count-1', 'counted-3');

    expectRateLimited(fifthAccount, 'account', 4);
  });

  it('counts no registration that fails its input checks', async () => {
    const tenant = await registerTenantFrom('198.51.100.15', 'invalid-inputs');
    expect(tenant.errors).toBeUndefined();

    for (let index = 1; index <= 6; index += 1) {
      const input = { ...account(`weak-${index}`), password: 'short' };
      const response = await graph.querySubgraph('users', register, { input }, { tenant: 'invalid-inputs', headers: { 'x-forwarded-for': '203.0.113.15' } });
      expect(response.errors?.[0]?.extensions?.code, `attempt ${index}`).toBe('BAD_USER_INPUT');
    }
    const valid = await registerFrom('203.0.113.15', 'invalid-inputs', 'finally-valid');

    expect(valid.errors).toBeUndefined();
  });

  it('applies to requests through the gateway', async () => {
    // The gateway forwards the address it received the request from, 127.0.0.1 here, so these count for it alone.
    const tenant = await graph.query<{ registerTenant: { user: { id: string } } }>(registerTenant, {
      input: { slug: 'through-gateway', name: 'Through the gateway', admin: account('gateway-admin') },
    });
    expect(tenant.errors).toBeUndefined();
    for (let index = 1; index <= 3; index += 1) {
      const response = await graph.query(register, { input: account(`gateway-${index}`) }, { tenant: 'through-gateway' });
      expect(response.errors, `account ${index}`).toBeUndefined();
    }

    const fifth = await graph.query(register, { input: account('gateway-5') }, { tenant: 'through-gateway' });

    expectRateLimited(fifth, 'account', 4);
  });
});

describe('registration limit settings', () => {
  it('rejects a limit that is not a positive integer at start', async () => {
    vi.stubEnv('ACCOUNT_REGISTRATIONS_PER_HOUR', 'lots');
    try {
      await expect(startTestSupergraph({ subgraphs: ['users'] })).rejects.toThrow(
        'ACCOUNT_REGISTRATIONS_PER_HOUR="lots" is not a positive integer; set it to a whole number such as 30.',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
