import { sql, type Transaction } from 'kysely';
import type { RefreshTokenRow, UsersDatabase } from './database.ts';

type Executor = Transaction<UsersDatabase>;

export function insertRefreshToken(
  db: Executor,
  token: { tenant_id: string; id: string; family_id: string; user_id: string; token_hash: string; expires_at: Date },
): Promise<unknown> {
  return db.insertInto('refresh_tokens').values(token).execute();
}

export function findRefreshTokenByHash(db: Executor, tenantId: string, hash: string): Promise<RefreshTokenRow | undefined> {
  return db.selectFrom('refresh_tokens').selectAll().where('tenant_id', '=', tenantId).where('token_hash', '=', hash).executeTakeFirst();
}

/**
 * Marks the token used, unless it is used or revoked already. Returns whether
 * this call marked it: of two concurrent refreshes with one token, only one wins.
 */
export async function markRefreshTokenUsed(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const marked = await db
    .updateTable('refresh_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return marked !== undefined;
}

/** Revokes every token of a login; returns how many were still live. */
export async function revokeRefreshTokenFamily(db: Executor, tenantId: string, familyId: string): Promise<number> {
  const result = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
