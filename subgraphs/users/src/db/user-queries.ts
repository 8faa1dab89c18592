import type { Kysely, Transaction } from 'kysely';
import type { TenantRow, UserRow, UsersDatabase } from './database.ts';

type Executor = Kysely<UsersDatabase> | Transaction<UsersDatabase>;

export function findUsersByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export function findTenantsByIds(db: Executor, ids: readonly string[]): Promise<TenantRow[]> {
  return db.selectFrom('tenants').selectAll().where('id', 'in', ids).execute();
}

export function findTenantBySlug(db: Executor, slug: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
}
