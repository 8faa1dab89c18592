import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '@jobgraph/kit';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenants table is the directory of tenants itself: it has no tenant_id and no row-level policy.
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('slug', 'text', (column) => column.notNull().unique())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('username', 'text', (column) => column.notNull())
    .addColumn('first_name', 'text', (column) => column.notNull())
    .addColumn('last_name', 'text', (column) => column.notNull())
    .addColumn('phone', 'text')
    .addColumn('date_of_birth', 'date')
    .addColumn('profile_picture', 'text')
    .addColumn('bio', 'text')
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('CANDIDATE', 'EMPLOYER', 'ADMIN')`))
    .addColumn('is_verified', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('users_pkey', ['tenant_id', 'id'])
    .execute();
  await sql`create unique index users_email_key on users (tenant_id, lower(email))`.execute(db);
  await sql`create unique index users_username_key on users (tenant_id, lower(username))`.execute(db);
  await enableTenantIsolation(db, 'users');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('tenants').execute();
}
