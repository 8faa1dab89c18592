import type { Kysely, Transaction } from 'kysely';
import type { Cursor, UserRole } from '@jobgraph/kit';
import type { NewUser, TenantRow, UserChanges, UserRow, UsersDatabase } from './database.ts';

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

export function findTenantById(db: Executor, id: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertTenant(db: Executor, tenant: { id: string; slug: string; name: string }): Promise<TenantRow> {
  return db.insertInto('tenants').values(tenant).returningAll().executeTakeFirstOrThrow();
}

/** Finds the user whose email (when `login` contains "@") or username is `login`, ignoring case. */
export function findUserByLogin(db: Executor, tenantId: string, login: string): Promise<UserRow | undefined> {
  const column = login.includes('@') ? 'email' : 'username';
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb(eb.fn('lower', [column]), '=', login.toLowerCase()))
    .executeTakeFirst();
}

export function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function updateUser(db: Executor, tenantId: string, id: string, changes: UserChanges): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Returns up to `limit` users of the tenant in id order (which is creation order, as ids are UUID v7), after `after`. */
export function listUsers(db: Executor, tenantId: string, filter: { role: UserRole | null }, limit: number, after: Cursor | null): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (after) query = query.where('id', '>', after.id);
  return query.orderBy('id').limit(limit).execute();
}

export async function countUsers(db: Executor, tenantId: string, filter: { role: UserRole | null }): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).where('tenant_id', '=', tenantId);
  if (filter.role) query = query.where('role', '=', filter.role);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}
