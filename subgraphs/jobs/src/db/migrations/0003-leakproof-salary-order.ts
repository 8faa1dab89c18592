import { sql, type Kysely } from 'kysely';

/**
 * Replaces the numeric salary sort column with a bigint one. Under row-level
 * security PostgreSQL uses an operator in an index condition only when it is
 * leakproof, and the numeric comparisons are not (checked on PostgreSQL 15 and 18), so
 * pages of the SALARY order after a cursor scanned the index from its start.
 * The bigint comparisons are leakproof.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('jobs_salary_idx').execute();
  await db.schema.alterTable('jobs').dropColumn('salary_upper').execute();
  // Amounts have at most 4 decimal places and are at most 10^12, so 10^4 times the amount fits a bigint exactly.
  await sql`
    alter table jobs add column salary_upper_scaled bigint
    generated always as ((coalesce(salary_max, salary_min) * 10000)::bigint) stored
  `.execute(db);
  await sql`create index jobs_salary_idx on jobs (tenant_id, status, salary_upper_scaled desc nulls last, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('jobs_salary_idx').execute();
  await db.schema.alterTable('jobs').dropColumn('salary_upper_scaled').execute();
  await sql`alter table jobs add column salary_upper numeric generated always as (coalesce(salary_max, salary_min)) stored`.execute(db);
  await sql`create index jobs_salary_idx on jobs (tenant_id, status, salary_upper desc nulls last, id desc)`.execute(db);
}
