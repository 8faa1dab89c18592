import { createHash, randomBytes } from 'node:crypto';
import { isId } from '@jobgraph/kit';

/**
 * A refresh token as the client stores it: `<tenant id>.<secret>`, where the
 * secret is 256 random bits in base64url. The tenant id lets the server find
 * the token under row-level security without any other header; only the
 * SHA-256 of the secret is stored.
 */
export interface RefreshTokenSecret {
  readonly tenantId: string;
  readonly token: string;
  readonly hash: string;
}

/** Creates a new refresh token for `tenantId`. */
export function createRefreshTokenSecret(tenantId: string): RefreshTokenSecret {
  const secret = randomBytes(32).toString('base64url');
  return { tenantId, token: `${tenantId}.${secret}`, hash: hashSecret(secret) };
}

/** Splits a refresh token from a client into its tenant and the hash to look up, or returns null when it has not the form of one. */
export function parseRefreshToken(token: string): RefreshTokenSecret | null {
  const [tenantId, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !isId(tenantId) || !secret || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { tenantId: tenantId.toLowerCase(), token, hash: hashSecret(secret) };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
