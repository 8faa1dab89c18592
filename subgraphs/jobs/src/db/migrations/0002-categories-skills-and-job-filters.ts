import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '@jobgraph/kit';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('parent_id', 'uuid')
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('slug', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('categories_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('categories_slug_key', ['tenant_id', 'slug'])
    .addForeignKeyConstraint('categories_parent_fkey', ['tenant_id', 'parent_id'], 'categories', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'categories');

  await db.schema
    .createTable('skills')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('slug', 'text', (column) => column.notNull())
    .addColumn('search_name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('skills_pkey', ['tenant_id', 'id'])
    .addUniqueConstraint('skills_slug_key', ['tenant_id', 'slug'])
    .execute();
  // text_pattern_ops lets `search_name like 'prefix%'` use the index whatever the database collation.
  await sql`create index skills_search_name_idx on skills (tenant_id, search_name text_pattern_ops)`.execute(db);
  await enableTenantIsolation(db, 'skills');

  await db.schema
    .createTable('job_categories')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('job_id', 'uuid', (column) => column.notNull())
    .addColumn('category_id', 'uuid', (column) => column.notNull())
    .addPrimaryKeyConstraint('job_categories_pkey', ['tenant_id', 'job_id', 'category_id'])
    .addForeignKeyConstraint('job_categories_job_fkey', ['tenant_id', 'job_id'], 'jobs', ['tenant_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('job_categories_category_fkey', ['tenant_id', 'category_id'], 'categories', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('job_categories_category_idx').on('job_categories').columns(['tenant_id', 'category_id', 'job_id']).execute();
  await enableTenantIsolation(db, 'job_categories');

  await db.schema
    .createTable('job_skills')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('job_id', 'uuid', (column) => column.notNull())
    .addColumn('skill_id', 'uuid', (column) => column.notNull())
    .addColumn('is_required', 'boolean', (column) => column.notNull().defaultTo(true))
    .addColumn('level', 'text', (column) => column.check(sql`level in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT')`))
    .addPrimaryKeyConstraint('job_skills_pkey', ['tenant_id', 'job_id', 'skill_id'])
    .addForeignKeyConstraint('job_skills_job_fkey', ['tenant_id', 'job_id'], 'jobs', ['tenant_id', 'id'], (fk) => fk.onDelete('cascade'))
    .addForeignKeyConstraint('job_skills_skill_fkey', ['tenant_id', 'skill_id'], 'skills', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('job_skills_skill_idx').on('job_skills').columns(['tenant_id', 'skill_id', 'job_id']).execute();
  await enableTenantIsolation(db, 'job_skills');

  await db.schema
    .createTable('taxonomy_loads')
    .addColumn('tenant_id', 'uuid', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('loaded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await enableTenantIsolation(db, 'taxonomy_loads');

  await sql`alter table jobs add column salary_upper numeric generated always as (coalesce(salary_max, salary_min)) stored`.execute(db);
  await db.schema.alterTable('jobs').addCheckConstraint('jobs_salary_amounts_check', sql`salary_min >= 0 and salary_max >= 0`).execute();
  await db.schema.alterTable('jobs').addCheckConstraint('jobs_salary_currency_check', sql`salary_currency ~ '^[A-Z]{3}$'`).execute();

  // Each list order of `jobs` has an index led by tenant and status, the filter every anonymous or candidate query carries.
  await sql`create index jobs_newest_idx on jobs (tenant_id, status, published_at desc nulls last, id desc)`.execute(db);
  await sql`create index jobs_deadline_idx on jobs (tenant_id, status, application_deadline asc nulls last, id asc)`.execute(db);
  await sql`create index jobs_salary_idx on jobs (tenant_id, status, salary_upper desc nulls last, id desc)`.execute(db);
  await sql`create index jobs_company_newest_idx on jobs (tenant_id, company_id, published_at desc nulls last, id desc)`.execute(db);
  await db.schema.createIndex('jobs_employer_idx').on('jobs').columns(['tenant_id', 'employer_id', 'id']).execute();
  // The company index of the first migration is a prefix of jobs_company_newest_idx; the status index of jobs_newest_idx.
  await db.schema.dropIndex('jobs_company_idx').execute();
  await db.schema.dropIndex('jobs_status_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('jobs_status_idx').on('jobs').columns(['tenant_id', 'status', 'id']).execute();
  await db.schema.createIndex('jobs_company_idx').on('jobs').columns(['tenant_id', 'company_id', 'id']).execute();
  for (const index of ['jobs_employer_idx', 'jobs_company_newest_idx', 'jobs_salary_idx', 'jobs_deadline_idx', 'jobs_newest_idx']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.alterTable('jobs').dropConstraint('jobs_salary_currency_check').execute();
  await db.schema.alterTable('jobs').dropConstraint('jobs_salary_amounts_check').execute();
  await db.schema.alterTable('jobs').dropColumn('salary_upper').execute();
  for (const table of ['taxonomy_loads', 'job_skills', 'job_categories', 'skills', 'categories']) {
    await db.schema.dropTable(table).execute();
  }
}
