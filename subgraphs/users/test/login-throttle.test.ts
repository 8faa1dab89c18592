import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const login = 'mutation ($input: LoginInput!) { login(input: $input) { user { id } } }';

let graph: TestSupergraph;
let tenant: TestTenant;

beforeAll(async () => {
  graph = await startTestSupergraph({ subgraphs: ['users'] });
  tenant = await createTestTenant(graph, 'throttle');
});

afterAll(async () => {
  await graph?.stop();
});

/**
 * Sends a login straight to the users subgraph as if the gateway had
 * forwarded it from `clientAddress`, so that each test has its own client
 * counter.
 */
function loginFrom(clientAddress: string, input: { login: string; password: string }) {
  return graph.querySubgraph('users', login, { input }, { tenant: tenant.slug, headers: { 'x-forwarded-for': clientAddress } });
}

function aliasedLogins(count: number, login: string, password: string): string {
  const fields = Array.from({ length: count }, (_, index) => `try${index}: login(input: { login: "${login}", password: "${password}" }) { accessToken }`);
  return `mutation { ${fields.join(' ')} }`;
}

describe('login throttle', () => {
  it('counts ten aliased logins in one request as one try', async () => {
    const user = await createTestUser(graph, tenant);

    const response = await graph.query(aliasedLogins(10, user.username, 'wrong-password-1'), {}, { tenant: tenant.slug });

    // login returns a non-null payload, so the first failure ends the serial execution of the other aliases.
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // Four more failures stay below the limit of five, so the aliases counted as one failure at most.
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      const single = await graph.query(login, { input: { login: user.username, password: 'wrong-password-1' } }, { tenant: tenant.slug });
      expect(single.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await graph.query(login, { input: { login: user.username, password: user.password } }, { tenant: tenant.slug });
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('rejects a second aliased login after a successful one', async () => {
    const user = await createTestUser(graph, tenant);

    const response = await graph.query<Record<string, unknown>>(aliasedLogins(3, user.username, user.password), {}, { tenant: tenant.slug });

    expect(response.data ?? null).toBeNull();
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(response.errors?.[0]?.message).toBe('Only one login attempt is accepted per request; send each login in a request of its own.');
  });

  it('slows down and then blocks repeated failures for one account', async () => {
    const user = await createTestUser(graph, tenant);
    const wrong = { login: user.email, password: 'wrong-password-1' };

    const started = Date.now();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await loginFrom('203.0.113.1', wrong);
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const elapsedMs = Date.now() - started;
    const blocked = await loginFrom('203.0.113.1', { login: user.email, password: user.password });

    // The responses to failures 3, 4 and 5 are delayed by 250, 500 and 1000 ms.
    expect(elapsedMs).toBeGreaterThanOrEqual(1_750);
    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.message).toMatch(new RegExp(`^Too many failed logins for "${user.email}"; try again in \\d+ seconds\\.$`));
    expect(blocked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('blocks the account from every client', async () => {
    const user = await createTestUser(graph, tenant);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await loginFrom('203.0.113.2', { login: user.username, password: 'wrong-password-1' });
    }

    const fromElsewhere = await loginFrom('198.51.100.2', { login: user.username.toUpperCase(), password: user.password });

    expect(fromElsewhere.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('counts username and email as one account', async () => {
    const user = await createTestUser(graph, tenant);
    const logins = [user.username, user.email, user.username.toUpperCase(), ` ${user.email.toUpperCase()} `, user.username];
    for (const typed of logins) {
      const failed = await loginFrom('203.0.113.5', { login: typed, password: 'wrong-password-1' });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }

    for (const typed of [user.email, user.username, user.email.toUpperCase()]) {
      const blocked = await loginFrom('198.51.100.5', { login: typed, password: user.password });
      expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(blocked.errors?.[0]?.message).toMatch(new RegExp(`^Too many failed logins for "${typed}"; try again in \\d+ seconds\\.$`));
    }
  });

  it('counts case variants of an unknown login as one', async () => {
    const logins = ['ghost@a.example', 'GHOST@A.EXAMPLE', 'Ghost@a.example', ' ghost@a.example', 'ghost@A.example'];
    for (const typed of logins) {
      const failed = await loginFrom('203.0.113.6', { login: typed, password: 'wrong-password-1' });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }

    const blocked = await loginFrom('198.51.100.6', { login: 'ghost@a.example', password: 'wrong-password-1' });

    expect(blocked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.message).toMatch(/^Too many failed logins for "ghost@a\.example"; try again in \d+ seconds\.$/);
  });

  it('leaves other accounts open while one is blocked', async () => {
    const blockedUser = await createTestUser(graph, tenant);
    const otherUser = await createTestUser(graph, tenant);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await loginFrom('203.0.113.3', { login: blockedUser.email, password: 'wrong-password-1' });
    }

    const other = await loginFrom('203.0.113.3', { login: otherUser.email, password: otherUser.password });

    expect(other.errors).toBeUndefined();
  });

  it('blocks a client after twenty failures across accounts', async () => {
    const user = await createTestUser(graph, tenant);
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const failed = await loginFrom('203.0.113.4', { login: `nobody-${attempt}@example.com`, password: 'wrong-password-1' });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }

    const sameClient = await loginFrom('203.0.113.4', { login: user.email, password: user.password });
    const otherClient = await loginFrom('198.51.100.4', { login: user.email, password: user.password });

    expect(sameClient.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(sameClient.errors?.[0]?.message).toMatch(/^Too many failed logins from this client; try again in \d+ seconds\.$/);
    expect(otherClient.errors).toBeUndefined();
  });
});
