import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '@jobgraph/kit';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('companies')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('owner_id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('website', 'text')
    .addColumn('logo', 'text')
    .addColumn('industry', 'text')
    .addColumn('size', 'text', (column) => column.check(sql`size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE')`))
    .addColumn('location', 'text')
    .addColumn('founded_year', 'integer')
    .addColumn('is_verified', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('companies_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('companies_owner_idx').on('companies').columns(['tenant_id', 'owner_id']).execute();
  await enableTenantIsolation(db, 'companies');

  await db.schema
    .createTable('jobs')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('external_id', 'text')
    .addColumn('company_id', 'uuid', (column) => column.notNull())
    .addColumn('employer_id', 'uuid', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('description', 'text', (column) => column.notNull())
    .addColumn('requirements', 'text')
    .addColumn('responsibilities', 'text')
    .addColumn('benefits', 'text')
    .addColumn('employment_type', 'text', (column) =>
      column.notNull().check(sql`employment_type in ('FULL_TIME', 'PART_TIME', 'CONTRACT', 'INTERNSHIP', 'TEMPORARY')`),
    )
    .addColumn('experience_level', 'text', (column) =>
      column.check(sql`experience_level in ('ENTRY', 'JUNIOR', 'MID', 'SENIOR', 'LEAD', 'EXECUTIVE')`),
    )
    .addColumn('workplace_type', 'text', (column) => column.notNull().check(sql`workplace_type in ('ONSITE', 'HYBRID', 'REMOTE')`))
    .addColumn('location', 'text')
    .addColumn('salary_min', 'numeric')
    .addColumn('salary_max', 'numeric')
    .addColumn('salary_currency', 'char(3)')
    .addColumn('salary_period', 'text', (column) => column.check(sql`salary_period in ('YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR')`))
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED')`))
    .addColumn('is_featured', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('application_deadline', 'date')
    .addColumn('published_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('jobs_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint('jobs_company_fkey', ['tenant_id', 'company_id'], 'companies', ['tenant_id', 'id'])
    .addCheckConstraint('jobs_salary_range_check', sql`salary_min is null or salary_max is null or salary_min <= salary_max`)
    .execute();
  await db.schema.createIndex('jobs_external_id_key').on('jobs').columns(['tenant_id', 'external_id']).unique().execute();
  await db.schema.createIndex('jobs_company_idx').on('jobs').columns(['tenant_id', 'company_id', 'id']).execute();
  await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['tenant_id', 'status', 'id']).execute();
  await enableTenantIsolation(db, 'jobs');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
  await db.schema.dropTable('companies').execute();
}
