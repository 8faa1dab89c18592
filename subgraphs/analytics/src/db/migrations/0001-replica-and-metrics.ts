import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import { allowReplayTruncate, enableTenantIsolation } from '@jobgraph/kit';

const viewerKinds = sql`('USER', 'ANONYMOUS')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await createProjection(db, 'job_replicas', ['tenant_id', 'id'], (table) =>
    table
      .addColumn('tenant_id', 'uuid', (column) => column.notNull())
      .addColumn('id', 'uuid', (column) => column.notNull())
      .addColumn('employer_id', 'uuid', (column) => column.notNull())
      .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED')`))
      .addColumn('source_occurred_at', 'timestamptz', (column) => column.notNull()),
  );

  await createProjection(db, 'job_viewers', ['tenant_id', 'job_id', 'viewer_kind', 'viewer_id'], (table) =>
    table
      .addColumn('tenant_id', 'uuid', (column) => column.notNull())
      .addColumn('job_id', 'uuid', (column) => column.notNull())
      .addColumn('viewer_kind', 'text', (column) => column.notNull().check(sql`viewer_kind in ${viewerKinds}`))
      .addColumn('viewer_id', 'uuid', (column) => column.notNull()),
  );
  await createProjection(db, 'job_daily_viewers', ['tenant_id', 'job_id', 'day', 'viewer_kind', 'viewer_id'], (table) =>
    table
      .addColumn('tenant_id', 'uuid', (column) => column.notNull())
      .addColumn('job_id', 'uuid', (column) => column.notNull())
      .addColumn('day', 'date', (column) => column.notNull())
      .addColumn('viewer_kind', 'text', (column) => column.notNull().check(sql`viewer_kind in ${viewerKinds}`))
      .addColumn('viewer_id', 'uuid', (column) => column.notNull()),
  );
  await createProjection(db, 'job_daily_views', ['tenant_id', 'job_id', 'day'], (table) =>
    counters(
      table
        .addColumn('tenant_id', 'uuid', (column) => column.notNull())
        .addColumn('job_id', 'uuid', (column) => column.notNull())
        .addColumn('day', 'date', (column) => column.notNull()),
      ['views', 'unique_viewers'],
    ),
  );
  await createProjection(db, 'job_totals', ['tenant_id', 'job_id'], (table) =>
    counters(
      table.addColumn('tenant_id', 'uuid', (column) => column.notNull()).addColumn('job_id', 'uuid', (column) => column.notNull()),
      ['views', 'unique_viewers', 'applications'],
    ),
  );
  await createProjection(db, 'user_totals', ['tenant_id', 'user_id'], (table) =>
    counters(
      table.addColumn('tenant_id', 'uuid', (column) => column.notNull()).addColumn('user_id', 'uuid', (column) => column.notNull()),
      ['applications_submitted', 'jobs_viewed', 'jobs_posted'],
    ),
  );
  await createProjection(db, 'posted_jobs', ['tenant_id', 'job_id'], (table) =>
    table
      .addColumn('tenant_id', 'uuid', (column) => column.notNull())
      .addColumn('job_id', 'uuid', (column) => column.notNull())
      .addColumn('employer_id', 'uuid', (column) => column.notNull())
      .addColumn('posted_on', 'date', (column) => column.notNull()),
  );
  await createProjection(db, 'platform_days', ['tenant_id', 'day'], (table) =>
    counters(
      table.addColumn('tenant_id', 'uuid', (column) => column.notNull()).addColumn('day', 'date', (column) => column.notNull()),
      ['new_users', 'jobs_posted', 'applications', 'hires'],
    ),
  );
}

/** Creates a table that a consumer fills from events: keyed by `key`, isolated by tenant, and emptied by replay. */
async function createProjection(
  db: Kysely<unknown>,
  name: string,
  key: readonly string[],
  define: (table: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>,
): Promise<void> {
  await define(db.schema.createTable(name)).addPrimaryKeyConstraint(`${name}_pkey`, key as never).execute();
  await enableTenantIsolation(db, name);
  await allowReplayTruncate(db, name);
}

function counters(table: CreateTableBuilder<string, never>, names: readonly string[]): CreateTableBuilder<string, never> {
  let result = table;
  for (const name of names) result = result.addColumn(name, 'integer', (column) => column.notNull().defaultTo(0).check(sql`${sql.ref(name)} >= 0`));
  return result;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['platform_days', 'posted_jobs', 'user_totals', 'job_totals', 'job_daily_views', 'job_daily_viewers', 'job_viewers', 'job_replicas']) {
    await db.schema.dropTable(table).execute();
  }
}
