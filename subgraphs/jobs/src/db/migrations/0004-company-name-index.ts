import { sql, type Kysely } from 'kysely';

/** `importJobs` finds companies by name ignoring case. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index companies_name_idx on companies (tenant_id, lower(name))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('companies_name_idx').execute();
}
