import { createTestTenant, createTestUser, startTestSupergraph, testPassword, type GraphQLResponse, type TestSupergraph, type TestTenant } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const authFields = 'accessToken refreshToken expiresAt user { id email username role tenant { slug } }';
const registerTenant = `mutation ($input: RegisterTenantInput!) { registerTenant(input: $input) { ${authFields} } }`;
const register = `mutation ($input: RegisterInput!) { register(input: $input) { ${authFields} } }`;
const login = `mutation ($input: LoginInput!) { login(input: $input) { ${authFields} } }`;
const refresh = `mutation ($token: String!) { refreshToken(refreshToken: $token) { ${authFields} } }`;
const logout = 'mutation ($token: String!) { logout(refreshToken: $token) }';
const me = '{ me { id email role } }';

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: { id: string; email: string | null; username: string; role: string; tenant: { slug: string } };
}

let graph: TestSupergraph;

beforeAll(async () => {
  graph = await startTestSupergraph({ subgraphs: ['users'] });
});

afterAll(async () => {
  await graph?.stop();
});

function registration(username: string, overrides: Record<string, unknown> = {}) {
  return { email: `${username}@example.com`, username, password: testPassword, firstName: 'Grace', lastName: 'Hopper', ...overrides };
}

describe('registerTenant', () => {
  it('creates a tenant with its first ADMIN logged in', async () => {
    const response = await graph.query<{ registerTenant: AuthPayload }>(registerTenant, {
      input: { slug: 'lifecycle', name: 'Lifecycle Careers', admin: registration('root') },
    });

    expect(response.errors).toBeUndefined();
    const payload = response.data!.registerTenant;
    expect(payload.user.role).toBe('ADMIN');
    expect(payload.user.tenant.slug).toBe('lifecycle');
    expect(payload.refreshToken).not.toBe('');
    expect(new Date(payload.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(new Date(payload.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  });

  it('rejects a slug that is taken with CONFLICT', async () => {
    await createTestTenant(graph, 'taken-slug');

    const response = await graph.query(registerTenant, { input: { slug: 'taken-slug', name: 'Again', admin: registration('other-root') } });

    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toBe('Tenant slug "taken-slug" is taken; choose another slug.');
  });

  it('rejects a slug with upper-case letters', async () => {
    const response = await graph.query(registerTenant, { input: { slug: 'Bad_Slug', name: 'Bad', admin: registration('bad-root') } });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('Slug "Bad_Slug" is invalid');
  });

  it('writes nothing when the admin is invalid', async () => {
    const failed = await graph.query(registerTenant, { input: { slug: 'half-made', name: 'Half', admin: registration('half', { password: 'short' }) } });
    expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const retried = await graph.query(registerTenant, { input: { slug: 'half-made', name: 'Half', admin: registration('half') } });
    expect(retried.errors).toBeUndefined();
  });
});

describe('register', () => {
  it('adds a CANDIDATE by default and stores the email in lower case', async () => {
    const tenant = await createTestTenant(graph, 'register-default');

    const response = await graph.query<{ register: AuthPayload }>(register, { input: registration('newbie', { email: 'NewBie@Example.COM' }) }, { tenant: tenant.slug });

    expect(response.errors).toBeUndefined();
    expect(response.data!.register.user.role).toBe('CANDIDATE');
    expect(response.data!.register.user.email).toBe('newbie@example.com');
  });

  it('rejects an email that differs only in case with CONFLICT', async () => {
    const tenant = await createTestTenant(graph, 'register-twice');
    await graph.query(register, { input: registration('first', { email: 'same@example.com' }) }, { tenant: tenant.slug });

    const response = await graph.query(register, { input: registration('second', { email: 'SAME@example.com' }) }, { tenant: tenant.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0]?.message).toBe('Email "same@example.com" is already registered in this tenant; log in, or register with another address.');
  });

  it('allows one email in two tenants', async () => {
    const first = await createTestTenant(graph, 'email-one');
    const second = await createTestTenant(graph, 'email-two');
    const input = registration('shared', { email: 'shared@example.com' });

    const inFirst = await graph.query(register, { input }, { tenant: first.slug });
    const inSecond = await graph.query(register, { input }, { tenant: second.slug });

    expect(inFirst.errors).toBeUndefined();
    expect(inSecond.errors).toBeUndefined();
  });

  it('names what a weak password lacks', async () => {
    const tenant = await createTestTenant(graph, 'weak-password');

    const response = await graph.query(register, { input: registration('weakling', { password: 'abcdef' }) }, { tenant: tenant.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('The password is too weak: it needs at least 10 characters (it has 6) and a digit.');
    expect(response.errors?.[0]?.extensions?.field).toBe('input.password');
  });

  it('says a long password is too long', async () => {
    const tenant = await createTestTenant(graph, 'long-password');

    const response = await graph.query(register, { input: registration('verbose', { password: `${'a1'.repeat(64)}x` }) }, { tenant: tenant.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toBe('The password is too long: it has 129 characters; use at most 128.');
    expect(response.errors?.[0]?.extensions?.field).toBe('input.password');
  });

  it('accepts a password of 128 characters', async () => {
    const tenant = await createTestTenant(graph, 'longest-password');

    const response = await graph.query(register, { input: registration('wordy', { password: 'a1'.repeat(64) }) }, { tenant: tenant.slug });

    expect(response.errors).toBeUndefined();
  });

  it('rejects a password that contains the username', async () => {
    const tenant = await createTestTenant(graph, 'personal-password');

    const response = await graph.query(register, { input: registration('marvin', { password: 'marvin-2024-pw' }) }, { tenant: tenant.slug });

    expect(response.errors?.[0]?.message).toBe('The password is too weak: it needs to leave out the username and the email address.');
  });

  it('lets only an ADMIN register an ADMIN', async () => {
    const tenant = await createTestTenant(graph, 'admin-only');
    const candidate = await createTestUser(graph, tenant, 'CANDIDATE');

    const anonymous = await graph.query(register, { input: registration('boss1', { role: 'ADMIN' }) }, { tenant: tenant.slug });
    const byCandidate = await graph.query(register, { input: registration('boss2', { role: 'ADMIN' }) }, { token: candidate.token });
    const byAdmin = await graph.query<{ register: AuthPayload }>(register, { input: registration('boss3', { role: 'ADMIN' }) }, { token: tenant.adminToken });

    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(byCandidate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byAdmin.data?.register.user.role).toBe('ADMIN');
  });

  it('needs a tenant', async () => {
    const response = await graph.query(register, { input: registration('homeless') });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('X-Tenant');
  });
});

describe('control characters in names', () => {
  const invisible = [
    { name: 'right-to-left override', character: '\u202E', codePoint: 'U+202E' },
    { name: 'line feed', character: '\n', codePoint: 'U+000A' },
    { name: 'unit separator', character: '\u001F', codePoint: 'U+001F' },
    { name: 'DEL', character: '\u007F', codePoint: 'U+007F' },
    { name: 'zero-width space', character: '\u200B', codePoint: 'U+200B' },
    { name: 'line separator', character: '\u2028', codePoint: 'U+2028' },
  ];
  const update = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id firstName } }';
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTestTenant(graph, 'control-characters');
  });

  function expectRejected(response: GraphQLResponse, field: string, codePoint: string, position: number) {
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.field).toBe(field);
    expect(response.errors?.[0]?.message).toBe(`${field} contains ${codePoint} at character ${position}, a control, format or separator character that this field may not contain; remove it and send the value again.`);
  }

  it('rejects them in register', async () => {
    for (const { name, character, codePoint } of invisible) {
      for (const field of ['firstName', 'lastName', 'username']) {
        const input = registration(`plain-${field.toLowerCase()}`, { [field]: `ab${character}cd` });

        const response = await graph.query(register, { input }, { tenant: tenant.slug });

        expect(response.errors?.[0]?.message, `${name} in ${field}`).toContain(codePoint);
        expectRejected(response, `input.${field}`, codePoint, 3);
      }
    }
  });

  it('rejects them in registerTenant', async () => {
    for (const { character, codePoint } of invisible) {
      const inTenantName = await graph.query(registerTenant, { input: { slug: 'never-made', name: `Acme${character} Careers`, admin: registration('never-root') } });
      const inAdminName = await graph.query(registerTenant, { input: { slug: 'never-made', name: 'Acme', admin: registration('never-root', { lastName: `${character}Hopper` }) } });

      expectRejected(inTenantName, 'input.name', codePoint, 5);
      expectRejected(inAdminName, 'input.admin.lastName', codePoint, 1);
    }
  });

  it('rejects them in updateProfile', async () => {
    const user = await createTestUser(graph, tenant);
    for (const { character, codePoint } of invisible) {
      for (const field of ['firstName', 'lastName', 'username']) {
        const response = await graph.query(update, { input: { [field]: `name${character}` } }, { token: user.token });

        expectRejected(response, `input.${field}`, codePoint, 5);
      }
    }

    const unchanged = await graph.query<{ me: { id: string } }>('{ me { id firstName lastName username } }', {}, { token: user.token });
    expect(unchanged.data?.me).toEqual({ id: user.id, firstName: 'Test', lastName: 'Candidate', username: user.username });
  });

  it('accepts joiners and letters of other scripts', async () => {
    const response = await graph.query<{ register: AuthPayload }>(
      register,
      { input: registration('joiners', { firstName: 'Zoë', lastName: 'می\u200Cخواهم' }) },
      { tenant: tenant.slug },
    );

    expect(response.errors).toBeUndefined();
  });

  it('rejects NUL in every name field', async () => {
    // A NUL may be rejected for the whole request before the resolver runs, so only the code, the field and the character are fixed.
    const inRegister = await graph.query(register, { input: registration('nul-name', { firstName: 'Ada\u0000' }) }, { tenant: tenant.slug });
    const inTenantName = await graph.query(registerTenant, { input: { slug: 'nul-tenant', name: 'Acme\u0000', admin: registration('nul-root') } });
    const user = await createTestUser(graph, tenant);
    const inUpdate = await graph.query(update, { input: { username: 'nul\u0000name' } }, { token: user.token });

    for (const [response, field] of [[inRegister, 'input.firstName'], [inTenantName, 'input.name'], [inUpdate, 'input.username']] as const) {
      expect(response.errors?.[0]?.extensions?.code, field).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message, field).toContain(field);
      expect(response.errors?.[0]?.message, field).toContain('U+0000');
    }
  });

  it('names a character after an astral one by its position', async () => {
    const response = await graph.query(register, { input: registration('astral', { firstName: '\u{1F600}\u202E' }) }, { tenant: tenant.slug });

    expectRejected(response, 'input.firstName', 'U+202E', 2);
  });
});

describe('session cycle', () => {
  it('logs in, refreshes, and logs out', async () => {
    const tenant = await createTestTenant(graph, 'cycle');
    const user = await createTestUser(graph, tenant, 'EMPLOYER');

    const byEmail = await graph.query<{ login: AuthPayload }>(login, { input: { login: user.email.toUpperCase(), password: user.password } }, { tenant: tenant.slug });
    expect(byEmail.errors).toBeUndefined();
    const byUsername = await graph.query<{ login: AuthPayload }>(login, { input: { login: user.username, password: user.password } }, { tenant: tenant.slug });
    expect(byUsername.errors).toBeUndefined();
    const session = byUsername.data!.login;
    expect(session.user.id).toBe(user.id);

    const viewer = await graph.query<{ me: { id: string; email: string; role: string } }>(me, {}, { token: session.accessToken });
    expect(viewer.data?.me).toEqual({ id: user.id, email: user.email, role: 'EMPLOYER' });

    const refreshed = await graph.query<{ refreshToken: AuthPayload }>(refresh, { token: session.refreshToken });
    expect(refreshed.errors).toBeUndefined();
    const next = refreshed.data!.refreshToken;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect(next.user.id).toBe(user.id);
    const afterRefresh = await graph.query<{ me: { id: string } }>(me, {}, { token: next.accessToken });
    expect(afterRefresh.data?.me.id).toBe(user.id);

    const loggedOut = await graph.query<{ logout: boolean }>(logout, { token: next.refreshToken });
    expect(loggedOut.data?.logout).toBe(true);
    const refreshAfterLogout = await graph.query(refresh, { token: next.refreshToken });
    expect(refreshAfterLogout.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(refreshAfterLogout.errors?.[0]?.message).toBe('The refresh token is invalid or has been revoked. Log in again.');

    // The email login's session is another family and outlives the logout.
    const otherSession = await graph.query(refresh, { token: byEmail.data!.login.refreshToken });
    expect(otherSession.errors).toBeUndefined();
  });

  it('revokes the family when a rotated refresh token is reused', async () => {
    const tenant = await createTestTenant(graph, 'reuse');
    const user = await createTestUser(graph, tenant);
    const first = user.refreshToken;
    const second = (await graph.query<{ refreshToken: AuthPayload }>(refresh, { token: first })).data!.refreshToken.refreshToken;

    const reuse = await graph.query(refresh, { token: first });

    expect(reuse.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reuse.errors?.[0]?.extensions?.reason).toBe('REFRESH_TOKEN_REUSED');
    expect(reuse.errors?.[0]?.message).toBe('This refresh token was used before, so every session of this login has been ended to be safe. Log in again.');
    const afterReuse = await graph.query(refresh, { token: second });
    expect(afterReuse.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a refresh token that is not one', async () => {
    const response = await graph.query(refresh, { token: 'not-a-refresh-token' });

    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('returns false when logging out an unknown token', async () => {
    const response = await graph.query<{ logout: boolean }>(logout, { token: 'not-a-refresh-token' });

    expect(response.data?.logout).toBe(false);
  });

  it('rejects a wrong password with UNAUTHENTICATED', async () => {
    const tenant = await createTestTenant(graph, 'wrong-password');
    const user = await createTestUser(graph, tenant);

    const response = await graph.query(login, { input: { login: user.email, password: 'wrong-password-1' } }, { tenant: tenant.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('The login or the password is wrong. Check both and try again.');
  });

  it('does not log in to another tenant with the same credentials', async () => {
    const home = await createTestTenant(graph, 'home-tenant');
    const away = await createTestTenant(graph, 'away-tenant');
    const user = await createTestUser(graph, home);

    const response = await graph.query(login, { input: { login: user.email, password: user.password } }, { tenant: away.slug });

    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
