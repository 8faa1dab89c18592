import type { JWTPayload } from 'jose';
import type { UserRole } from '../context/request-context.ts';
import { unauthenticated } from '../errors/client-error.ts';
import { isId } from '../graphql/ids.ts';

/** The verified content of an access token. */
export interface AccessTokenClaims {
  /** `sub`: the user. */
  readonly userId: string;
  /** `tid`: the tenant the user belongs to. */
  readonly tenantId: string;
  readonly role: UserRole;
  /** `jti`: unique per token. */
  readonly tokenId: string;
  /** `exp`, as an instant. */
  readonly expiresAt: Date;
}

const roles: readonly string[] = ['CANDIDATE', 'EMPLOYER', 'ADMIN'];

/** Reads the claims of a payload whose signature and standard claims are already verified. */
export function readAccessTokenClaims(payload: JWTPayload): AccessTokenClaims {
  const { sub, tid, role, jti, exp } = payload as JWTPayload & { tid?: unknown; role?: unknown };
  if (!isId(sub)) throw invalidClaim('sub', 'a user id');
  if (!isId(tid)) throw invalidClaim('tid', 'a tenant id');
  if (typeof role !== 'string' || !roles.includes(role)) throw invalidClaim('role', `one of ${roles.join(', ')}`);
  if (typeof jti !== 'string' || jti === '') throw invalidClaim('jti', 'a token id');
  return { userId: sub.toLowerCase(), tenantId: tid.toLowerCase(), role: role as UserRole, tokenId: jti, expiresAt: new Date((exp ?? 0) * 1000) };
}

function invalidClaim(claim: string, expected: string) {
  return unauthenticated(`The access token's "${claim}" claim is not ${expected}. Log in again to get a valid token.`, { reason: 'INVALID_CLAIM', claim });
}
