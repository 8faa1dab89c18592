import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import { calculateJwkThumbprint, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The users subgraph signs with this key, so the tests can forge tokens that differ from real ones in one point only.
const signingKey = generateKeyPairSync('ed25519').privateKey;
const otherKey = generateKeyPairSync('ed25519').privateKey;
const me = '{ me { id } }';

let graph: TestSupergraph;
let tenant: TestTenant;
let otherTenant: TestTenant;
let user: TestUser;
let realKid: string;

beforeAll(async () => {
  process.env.USERS_SIGNING_KEY = signingKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
  tenant = await createTestTenant(graph, 'token-home');
  otherTenant = await createTestTenant(graph, 'token-away');
  user = await createTestUser(graph, tenant, 'EMPLOYER');
  realKid = await kidOf(signingKey);
});

afterAll(async () => {
  delete process.env.USERS_SIGNING_KEY;
  await graph?.stop();
});

async function kidOf(key: KeyObject): Promise<string> {
  const { kty, crv, x } = key.export({ format: 'jwk' });
  return calculateJwkThumbprint({ kty, crv, x });
}

interface Forgery {
  readonly key?: KeyObject;
  readonly kid?: string;
  readonly claims?: JWTPayload;
  readonly omit?: readonly string[];
}

/** Signs a token like the users subgraph does, with the changes in `forgery`. */
async function forgeToken(forgery: Forgery = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    sub: user.id,
    tid: tenant.id,
    role: 'EMPLOYER',
    iss: 'jobgraph-users',
    aud: 'jobgraph',
    iat: now,
    exp: now + 600,
    jti: crypto.randomUUID(),
    ...forgery.claims,
  };
  for (const claim of forgery.omit ?? []) delete claims[claim];
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: forgery.kid ?? realKid })
    .sign(forgery.key ?? signingKey);
}

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'none', typ: 'at+jwt' });
  const payload = encode({ sub: user.id, tid: tenant.id, role: 'ADMIN', iss: 'jobgraph-users', aud: 'jobgraph', iat: now, exp: now + 600, jti: 'none' });
  return `${header}.${payload}.`;
}

describe('access tokens at the gateway', () => {
  it('accepts a token signed like the real ones', async () => {
    const response = await graph.query<{ me: { id: string } }>(me, {}, { token: await forgeToken() });

    expect(response.errors).toBeUndefined();
    expect(response.data?.me.id).toBe(user.id);
  });

  const rejections: ReadonlyArray<{ name: string; token: () => Promise<string> | string; message: string }> = [
    {
      name: 'rejects an expired token',
      token: () => forgeToken({ claims: { iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) - 60 } }),
      message: 'The access token has expired. Get a new one with the refreshToken mutation, or log in again.',
    },
    {
      name: 'rejects a token without exp',
      token: () => forgeToken({ omit: ['exp'] }),
      message: 'The access token has no "exp" claim. Log in again to get a valid token.',
    },
    {
      name: 'rejects a token with alg none',
      token: unsignedToken,
      message: 'The access token is not signed with EdDSA, the only algorithm accepted. Log in again to get a valid token.',
    },
    {
      name: 'rejects a token signed by another key',
      token: async () => forgeToken({ key: otherKey, kid: await kidOf(otherKey) }),
      message: 'The access token is not signed by a key of this service. Log in again to get a valid token.',
    },
    {
      name: "rejects another key under the real key's kid",
      token: () => forgeToken({ key: otherKey }),
      message: 'The access token is not signed by a key of this service. Log in again to get a valid token.',
    },
    {
      name: 'rejects a token for another audience',
      token: () => forgeToken({ claims: { aud: 'another-service' } }),
      message: 'The access token has an unexpected "aud" claim. Log in again to get a valid token.',
    },
    {
      name: 'rejects a token from another issuer',
      token: () => forgeToken({ claims: { iss: 'https://issuer.example' } }),
      message: 'The access token has an unexpected "iss" claim. Log in again to get a valid token.',
    },
    {
      name: 'rejects a token with a role outside the enum',
      token: () => forgeToken({ claims: { role: 'ROOT' } }),
      message: `The access token's "role" claim is not one of CANDIDATE, EMPLOYER, ADMIN. Log in again to get a valid token.`,
    },
    {
      name: 'rejects a token that is not a JWT',
      token: () => 'not.a.jwt',
      message: 'The access token is malformed. Log in again to get a valid token.',
    },
  ];

  for (const rejection of rejections) {
    it(rejection.name, async () => {
      const response = await graph.query(me, {}, { token: await rejection.token() });

      expect(response.status).toBe(401);
      // No data key at all: the gateway rejected the request while building its context, before planning any subgraph fetch.
      expect(response.data).toBeUndefined();
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.errors?.[0]?.message).toBe(rejection.message);
    });
  }

  it('rejects an Authorization header that is not Bearer', async () => {
    const response = await graph.query(me, {}, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });

    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('The Authorization header is malformed; send "Authorization: Bearer <accessToken>" with the accessToken from login.');
  });

  it("rejects a token of another tenant than X-Tenant with FORBIDDEN", async () => {
    const response = await graph.query(me, {}, { token: user.token, tenant: otherTenant.slug });

    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toBe(
      'The access token belongs to another tenant than X-Tenant "token-away". Send the token\'s own tenant in X-Tenant, or leave X-Tenant out.',
    );
  });

  it("acts in the token's tenant when X-Tenant is absent", async () => {
    const response = await graph.query<{ me: { id: string } }>('{ me { id tenant { slug } } }', {}, { token: user.token });

    expect(response.data?.me).toEqual({ id: user.id, tenant: { slug: 'token-home' } });
  });

  it('accepts a token with X-Tenant of its own tenant', async () => {
    const response = await graph.query<{ me: { id: string } }>(me, {}, { token: user.token, tenant: tenant.slug });

    expect(response.data?.me.id).toBe(user.id);
  });
});

describe('access tokens sent straight to a subgraph', () => {
  it('users subgraph rejects a token signed by another key', async () => {
    const response = await graph.querySubgraph('users', me, {}, { token: await forgeToken({ key: otherKey }) });

    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('jobs subgraph rejects a token signed by another key', async () => {
    const response = await graph.querySubgraph('jobs', '{ jobs(first: 1) { totalCount } }', {}, { token: await forgeToken({ key: otherKey, kid: await kidOf(otherKey) }) });

    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.message).toBe('The access token is not signed by a key of this service. Log in again to get a valid token.');
  });

  it('jobs subgraph rejects an expired token', async () => {
    const expired = await forgeToken({ claims: { exp: Math.floor(Date.now() / 1000) - 60 } });

    const response = await graph.querySubgraph('jobs', '{ jobs(first: 1) { totalCount } }', {}, { token: expired });

    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.reason).toBe('TOKEN_EXPIRED');
  });

  it('jobs subgraph accepts a real token', async () => {
    const response = await graph.querySubgraph('jobs', '{ jobs(first: 1) { totalCount } }', {}, { token: user.token });

    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });

  it('jobs subgraph rejects a token of another tenant than X-Tenant', async () => {
    const response = await graph.querySubgraph('jobs', '{ jobs(first: 1) { totalCount } }', {}, { token: user.token, tenant: otherTenant.slug });

    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
