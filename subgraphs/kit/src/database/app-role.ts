import { sql, type Kysely } from 'kysely';

/**
 * The role every application session runs as. It owns no table and is no
 * superuser, so row-level security applies to it without exception.
 */
export const appRole = 'jobgraph_app';

/** Creates the application role when the server does not have it, and lets the current user switch to it. */
export async function ensureAppRole(db: Kysely<unknown>): Promise<void> {
  // Several subgraphs may start at once on one server; the role is created by whichever comes first.
  await sql`
    do $$
    begin
      create role ${sql.id(appRole)} nologin;
    exception when duplicate_object or unique_violation then null;
    end
    $$
  `.execute(db);
  await sql`grant ${sql.id(appRole)} to current_user`.execute(db);
}

/** Grants the application role what it needs on the tables of the current schema, and nothing on the migration tables. */
export async function grantAppRole(db: Kysely<unknown>): Promise<void> {
  await sql`grant usage on schema public to ${sql.id(appRole)}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${sql.id(appRole)}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${sql.id(appRole)}`.execute(db);
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${sql.id(appRole)}`.execute(db);
}
