import { inTenant, newId, unauthenticated, type Tenant } from '@jobgraph/kit';
import type { Kysely, Transaction } from 'kysely';
import type { UserRow, UsersDatabase } from '../db/database.ts';
import { findRefreshTokenByHash, insertRefreshToken, markRefreshTokenUsed, revokeRefreshTokenFamily } from '../db/refresh-token-queries.ts';
import { findUsersByIds } from '../db/user-queries.ts';
import type { UsersServices } from '../services.ts';
import { issueAccessToken } from './access-tokens.ts';
import { createRefreshTokenSecret, parseRefreshToken } from './refresh-token-secret.ts';

/** The result of the auth mutations: the schema's `AuthPayload`. */
export interface AuthPayload {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
  readonly user: UserRow;
}

type Services = Pick<UsersServices, 'accessTokens' | 'refreshTokenLifetimeSeconds'>;

/** Starts a login of `user`: a new refresh token family and an access token. Runs in the caller's transaction. */
export function openSession(trx: Transaction<UsersDatabase>, services: Services, user: UserRow): Promise<AuthPayload> {
  return issueTokens(trx, services, user, newId());
}

/**
 * Exchanges a refresh token for a new pair. A token that was exchanged before
 * is a sign of theft, so presenting it again revokes every token of its
 * login and raises UNAUTHENTICATED; the revocation is committed all the same.
 */
export async function refreshSession(db: Kysely<UsersDatabase>, services: Services, refreshToken: string, requestTenant: Tenant | null): Promise<AuthPayload> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed || (requestTenant && requestTenant.id !== parsed.tenantId)) throw invalidRefreshToken();

  const outcome = await inTenant(db, parsed.tenantId, async (trx) => {
    const stored = await findRefreshTokenByHash(trx, parsed.tenantId, parsed.hash);
    if (!stored || stored.revoked_at !== null) return { kind: 'invalid' } as const;
    if (stored.expires_at.getTime() <= Date.now()) return { kind: 'expired' } as const;
    const marked = await markRefreshTokenUsed(trx, parsed.tenantId, stored.id);
    if (!marked) {
      await revokeRefreshTokenFamily(trx, parsed.tenantId, stored.family_id);
      return { kind: 'reused' } as const;
    }
    const [user] = await findUsersByIds(trx, parsed.tenantId, [stored.user_id]);
    if (!user) return { kind: 'invalid' } as const;
    return { kind: 'refreshed', payload: await issueTokens(trx, services, user, stored.family_id) } as const;
  });

  switch (outcome.kind) {
    case 'refreshed':
      return outcome.payload;
    case 'reused':
      throw unauthenticated('This refresh token was used before, so every session of this login has been ended to be safe. Log in again.', { reason: 'REFRESH_TOKEN_REUSED' });
    case 'expired':
      throw unauthenticated('The refresh token has expired. Log in again.', { reason: 'REFRESH_TOKEN_EXPIRED' });
    case 'invalid':
      throw invalidRefreshToken();
  }
}

/** Ends the login a refresh token belongs to by revoking its whole family. Returns whether the token was known. */
export async function closeSession(db: Kysely<UsersDatabase>, refreshToken: string): Promise<boolean> {
  const parsed = parseRefreshToken(refreshToken);
  if (!parsed) return false;
  return inTenant(db, parsed.tenantId, async (trx) => {
    const stored = await findRefreshTokenByHash(trx, parsed.tenantId, parsed.hash);
    if (!stored) return false;
    await revokeRefreshTokenFamily(trx, parsed.tenantId, stored.family_id);
    return true;
  });
}

async function issueTokens(trx: Transaction<UsersDatabase>, services: Services, user: UserRow, familyId: string): Promise<AuthPayload> {
  const secret = createRefreshTokenSecret(user.tenant_id);
  await insertRefreshToken(trx, {
    tenant_id: user.tenant_id,
    id: newId(),
    family_id: familyId,
    user_id: user.id,
    token_hash: secret.hash,
    expires_at: new Date(Date.now() + services.refreshTokenLifetimeSeconds * 1000),
  });
  const access = await issueAccessToken(services.accessTokens, { id: user.id, tenantId: user.tenant_id, role: user.role });
  return { accessToken: access.token, refreshToken: secret.token, expiresAt: access.expiresAt, user };
}

function invalidRefreshToken() {
  return unauthenticated('The refresh token is invalid or has been revoked. Log in again.', { reason: 'INVALID_REFRESH_TOKEN' });
}
