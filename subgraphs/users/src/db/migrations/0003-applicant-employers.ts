import { sql, type Kysely } from 'kysely';
import { allowReplayTruncate, enableTenantIsolation } from '@jobgraph/kit';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applicant_employers')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('employer_id', 'uuid', (column) => column.notNull())
    .addColumn('applicant_id', 'uuid', (column) => column.notNull())
    .addColumn('first_applied_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('applicant_employers_pkey', ['tenant_id', 'employer_id', 'applicant_id'])
    .execute();
  await enableTenantIsolation(db, 'applicant_employers');
  await allowReplayTruncate(db, 'applicant_employers');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('applicant_employers').execute();
}
