import type { Env } from '../config/env.ts';

/**
 * The one signature algorithm access tokens may use: EdDSA over Ed25519.
 * Verifiers accept nothing else, so a token that names `none`, an HMAC
 * algorithm or any other one is rejected before its signature is looked at.
 */
export const accessTokenAlgorithm = 'EdDSA';

/** What the users subgraph writes into access tokens and every verifier checks. */
export interface AccessTokenSettings {
  /** The `iss` claim. */
  readonly issuer: string;
  /** The `aud` claim. */
  readonly audience: string;
  /** How far apart the signer's and a verifier's clocks may be, in seconds. */
  readonly clockToleranceSeconds: number;
}

/**
 * Reads the token settings shared by the users subgraph, the gateway and the
 * other subgraphs: `JWT_ISSUER` (default `jobgraph-users`) and `JWT_AUDIENCE`
 * (default `jobgraph`). All services of one deployment must agree on them.
 */
export function readAccessTokenSettings(env: Env): AccessTokenSettings {
  return {
    issuer: env.JWT_ISSUER || 'jobgraph-users',
    audience: env.JWT_AUDIENCE || 'jobgraph',
    clockToleranceSeconds: 5,
  };
}

/** The `typ` header of access tokens (RFC 9068), so that no other kind of JWT passes as one. */
export const accessTokenType = 'at+jwt';
