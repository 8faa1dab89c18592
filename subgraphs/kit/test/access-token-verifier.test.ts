import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, createLocalJWKSet, SignJWT, type JSONWebKeySet, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessTokenVerifier, createRemoteKeySet, identifyRequest, readAccessTokenSettings, type TenantDirectory } from '../src/index.ts';

const settings = readAccessTokenSettings({});
const frozenNow = new Date('2026-03-01T12:00:00Z');
const nowSeconds = Math.floor(frozenNow.getTime() / 1000);
const userId = '0193a000-0000-7000-8000-000000000104';
const tenantId = '0193a000-0000-7000-8000-000000000001';

interface TestKey {
  readonly privateKey: KeyObject;
  readonly jwk: JWK;
}

async function newKey(): Promise<TestKey> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { kty, crv, x } = privateKey.export({ format: 'jwk' });
  const kid = await calculateJwkThumbprint({ kty, crv, x });
  return { privateKey, jwk: { kty, crv, x, kid, alg: 'EdDSA', use: 'sig' } };
}

function sign(key: TestKey, claims: JWTPayload = {}, header: { typ?: string } = {}): Promise<string> {
  return new SignJWT({ sub: userId, tid: tenantId, role: 'CANDIDATE', iss: settings.issuer, aud: settings.audience, iat: nowSeconds - 60, exp: nowSeconds + 600, jti: 'token-1', ...claims })
    .setProtectedHeader({ alg: 'EdDSA', typ: header.typ ?? 'at+jwt', kid: key.jwk.kid! })
    .sign(key.privateKey);
}

describe('createAccessTokenVerifier', () => {
  let key: TestKey;
  let verify: (token: string) => Promise<unknown>;

  beforeAll(async () => {
    key = await newKey();
    const verifier = createAccessTokenVerifier({ keys: createLocalJWKSet({ keys: [key.jwk] }), settings, now: () => frozenNow });
    verify = (token) => verifier.verify(token);
  });

  it('returns the claims of a valid token', async () => {
    await expect(verify(await sign(key))).resolves.toEqual({
      userId,
      tenantId,
      role: 'CANDIDATE',
      tokenId: 'token-1',
      expiresAt: new Date((nowSeconds + 600) * 1000),
    });
  });

  it('accepts a token expired within the clock tolerance', async () => {
    await expect(verify(await sign(key, { exp: nowSeconds - 3 }))).resolves.toMatchObject({ userId });
  });

  it('rejects a token expired beyond the clock tolerance', async () => {
    await expect(verify(await sign(key, { exp: nowSeconds - 10 }))).rejects.toMatchObject({
      message: 'The access token has expired. Get a new one with the refreshToken mutation, or log in again.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' },
    });
  });

  it('rejects a token issued in the future', async () => {
    await expect(verify(await sign(key, { iat: nowSeconds + 120 }))).rejects.toMatchObject({
      message: 'The access token has an unexpected "iat" claim. Log in again to get a valid token.',
    });
  });

  it('rejects a JWT of another type', async () => {
    await expect(verify(await sign(key, {}, { typ: 'JWT' }))).rejects.toMatchObject({
      message: 'The access token\'s "typ" header parameter is missing or not "at+jwt", the only type accepted. Log in again to get a valid token.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN', headerParameter: 'typ' },
    });
  });

  it('rejects a JWT without a type', async () => {
    const token = await new SignJWT({ sub: userId, tid: tenantId, role: 'CANDIDATE', iss: settings.issuer, aud: settings.audience, iat: nowSeconds - 60, exp: nowSeconds + 600, jti: 'token-1' })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.jwk.kid! })
      .sign(key.privateKey);

    await expect(verify(token)).rejects.toMatchObject({
      message: 'The access token\'s "typ" header parameter is missing or not "at+jwt", the only type accepted. Log in again to get a valid token.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN', headerParameter: 'typ' },
    });
  });

  it('rejects a token signed with HMAC', async () => {
    const token = await new SignJWT({ sub: userId, tid: tenantId, role: 'ADMIN', jti: 'x' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.jwk.kid! })
      .setIssuer(settings.issuer)
      .setAudience(settings.audience)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 600)
      .sign(new TextEncoder().encode(key.jwk.x));

    await expect(verify(token)).rejects.toMatchObject({
      message: 'The access token is not signed with EdDSA, the only algorithm accepted. Log in again to get a valid token.',
    });
  });

  it('rejects a token whose tid is not an id', async () => {
    await expect(verify(await sign(key, { tid: 'acme' }))).rejects.toMatchObject({
      message: `The access token's "tid" claim is not a tenant id. Log in again to get a valid token.`,
    });
  });
});

describe('createRemoteKeySet', () => {
  let jwks: JSONWebKeySet = { keys: [] };
  let fetches = 0;
  let server: http.Server;
  let usersUrl: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      fetches += 1;
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    usersUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the key set again for an unknown kid', async () => {
    const first = await newKey();
    const rotated = await newKey();
    jwks = { keys: [first.jwk] };
    const verifier = createAccessTokenVerifier({ keys: createRemoteKeySet(usersUrl), settings, now: () => frozenNow });

    await expect(verifier.verify(await sign(first))).resolves.toMatchObject({ userId });
    await expect(verifier.verify(await sign(first))).resolves.toMatchObject({ userId });
    expect(fetches).toBe(1);
    jwks = { keys: [rotated.jwk, first.jwk] };

    // The cooldown of ten seconds after a fetch holds back a second one, so the new kid is unknown for now.
    await expect(verifier.verify(await sign(rotated))).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(fetches).toBe(1);
  });
});

describe('identifyRequest', () => {
  const tenant = { id: tenantId, slug: 'demo' };
  const otherTenant = { id: '0193a000-0000-7000-8000-0000000000ff', slug: 'other' };
  const tenants: TenantDirectory = {
    findBySlug: async (slug) => [tenant, otherTenant].find((candidate) => candidate.slug === slug) ?? null,
    findById: async (id) => [tenant, otherTenant].find((candidate) => candidate.id === id) ?? null,
  };
  let key: TestKey;
  let services: Parameters<typeof identifyRequest>[1];

  beforeAll(async () => {
    key = await newKey();
    services = { tenants, verifier: createAccessTokenVerifier({ keys: createLocalJWKSet({ keys: [key.jwk] }), settings, now: () => frozenNow }) };
  });

  it('identifies an anonymous request by X-Tenant', async () => {
    await expect(identifyRequest({ 'x-tenant': 'demo' }, services)).resolves.toEqual({ tenant, viewer: null });
  });

  it("acts in the token's tenant without X-Tenant", async () => {
    const identity = await identifyRequest({ authorization: `Bearer ${await sign(key)}` }, services);

    expect(identity).toEqual({ tenant, viewer: { userId, role: 'CANDIDATE' } });
  });

  it('raises FORBIDDEN with status 403 for a token of another tenant', async () => {
    const identify = identifyRequest({ authorization: `Bearer ${await sign(key)}`, 'x-tenant': 'other' }, services);

    await expect(identify).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  });

  it('raises UNAUTHENTICATED with status 401 for a bad token', async () => {
    const identify = identifyRequest({ authorization: 'Bearer abc.def.ghi' }, services);

    await expect(identify).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  });
});
