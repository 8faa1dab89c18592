import { readPositiveInteger, type Env } from '../config/env.ts';

/**
 * The one signature algorithm access tokens may use: EdDSA over Ed25519.
 * Verifiers accept nothing else, so a token that names `none`, an HMAC
 * algorithm or any other one is rejected before its signature is looked at.
 */
export const accessTokenAlgorithm = 'EdDSA';

/** The token claims the users subgraph writes and every verifier checks. */
export interface AccessTokenSettings {
  /** The `iss` claim. */
  readonly issuer: string;
  /** The `aud` claim. */
  readonly audience: string;
  /** How far apart the signer's and a verifier's clocks may be, in seconds. */
  readonly clockToleranceSeconds: number;
  /** The maximum age of a token by its `iat`, in seconds, whatever its `exp`. A token with an `iat` in the future is rejected too. */
  readonly maxAgeSeconds: number;
}

/**
 * Reads the token settings shared by the users subgraph, the gateway and the
 * other subgraphs: `JWT_ISSUER` (default `jobgraph-users`), `JWT_AUDIENCE`
 * (default `jobgraph`) and `JWT_MAX_AGE_SECONDS` (default one day). All
 * services of one deployment must agree on them.
 */
export function readAccessTokenSettings(env: Env): AccessTokenSettings {
  return {
    issuer: env.JWT_ISSUER || 'jobgraph-users',
    audience: env.JWT_AUDIENCE || 'jobgraph',
    clockToleranceSeconds: 5,
    maxAgeSeconds: readPositiveInteger(env, 'JWT_MAX_AGE_SECONDS', 24 * 60 * 60),
  };
}

/** The `typ` header of access tokens (RFC 9068), so that no other kind of JWT passes as one. */
export const accessTokenType = 'at+jwt';
