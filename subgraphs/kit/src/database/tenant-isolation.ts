import { sql, type Kysely, type Transaction } from 'kysely';

/**
 * Turns on row-level security for `table`: a row is visible and writable only
 * while the transaction's `app.tenant_id` setting names its `tenant_id`. Forced,
 * so it holds for the table owner too. Call it in the migration that creates
 * the table.
 */
export async function enableTenantIsolation(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  // current_setting(..., true) returns '' after a transaction-local setting ends, hence nullif.
  await sql`
    create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  `.execute(db);
}

/**
 * Runs `work` in a transaction whose row-level security admits only the rows
 * of `tenantId`. Every query of a request goes through here (or through a
 * DataLoader that does), so a query that forgets `where tenant_id = ...`
 * still sees one tenant only.
 *
 * @example
 * const job = await inTenant(db, ctx.tenant.id, (trx) =>
 *   trx.selectFrom('jobs').selectAll().where('tenant_id', '=', ctx.tenant.id).where('id', '=', id).executeTakeFirst());
 */
export async function inTenant<DB, T>(db: Kysely<DB>, tenantId: string, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return work(trx);
  });
}
