import { sql, type Kysely } from 'kysely';
import { allowReplayTruncate, enableTenantIsolation } from '@jobgraph/kit';

const applicationStatuses = sql`('SUBMITTED', 'REVIEWING', 'SHORTLISTED', 'INTERVIEWING', 'OFFERED', 'HIRED', 'REJECTED', 'WITHDRAWN')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await createReplicas(db);

  await db.schema
    .createTable('applications')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('job_id', 'uuid', (column) => column.notNull())
    .addColumn('applicant_id', 'uuid', (column) => column.notNull())
    .addColumn('employer_id', 'uuid', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ${applicationStatuses}`))
    .addColumn('cover_letter', 'text')
    .addColumn('resume_url', 'text')
    .addColumn('expected_salary', 'numeric', (column) => column.check(sql`expected_salary >= 0`))
    .addColumn('available_from', 'date')
    .addColumn('notes', 'text')
    .addColumn('applied_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('applications_pkey', ['tenant_id', 'id'])
    .execute();
  // One active application per job and applicant: a WITHDRAWN or REJECTED one leaves room for a new one.
  await sql`
    create unique index applications_active_key on applications (tenant_id, job_id, applicant_id)
    where status not in ('WITHDRAWN', 'REJECTED')
  `.execute(db);
  await db.schema.createIndex('applications_job_idx').on('applications').columns(['tenant_id', 'job_id', 'id']).execute();
  await db.schema.createIndex('applications_applicant_idx').on('applications').columns(['tenant_id', 'applicant_id', 'id']).execute();
  await db.schema.createIndex('applications_employer_idx').on('applications').columns(['tenant_id', 'employer_id', 'id']).execute();
  await enableTenantIsolation(db, 'applications');

  await db.schema
    .createTable('application_status_changes')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('application_id', 'uuid', (column) => column.notNull())
    .addColumn('from_status', 'text', (column) => column.check(sql`from_status in ${applicationStatuses}`))
    .addColumn('to_status', 'text', (column) => column.notNull().check(sql`to_status in ${applicationStatuses}`))
    .addColumn('changed_by', 'uuid', (column) => column.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('application_status_changes_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint('application_status_changes_application_fkey', ['tenant_id', 'application_id'], 'applications', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('application_status_changes_application_idx').on('application_status_changes').columns(['tenant_id', 'application_id', 'id']).execute();
  await enableTenantIsolation(db, 'application_status_changes');

  await db.schema
    .createTable('application_attachments')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('application_id', 'uuid', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('content_type', 'text', (column) => column.notNull())
    // 10 MB, 10 * 1024 * 1024 bytes, the largest file the API accepts.
    .addColumn('size_bytes', 'integer', (column) => column.notNull().check(sql`size_bytes between 1 and 10485760`))
    .addColumn('uploaded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('application_attachments_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint('application_attachments_application_fkey', ['tenant_id', 'application_id'], 'applications', ['tenant_id', 'id'])
    .execute();
  await db.schema.createIndex('application_attachments_application_idx').on('application_attachments').columns(['tenant_id', 'application_id', 'id']).execute();
  await enableTenantIsolation(db, 'application_attachments');

  await db.schema
    .createTable('interviews')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('application_id', 'uuid', (column) => column.notNull())
    .addColumn('interviewer_id', 'uuid', (column) => column.notNull())
    .addColumn('scheduled_at', 'timestamptz', (column) => column.notNull())
    .addColumn('ends_at', 'timestamptz', (column) => column.notNull())
    .addColumn('duration_minutes', 'integer', (column) => column.notNull().check(sql`duration_minutes between 15 and 480`))
    .addColumn('type', 'text', (column) => column.notNull().check(sql`type in ('PHONE', 'VIDEO', 'ONSITE', 'TECHNICAL')`))
    .addColumn('location', 'text')
    .addColumn('meeting_url', 'text')
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')`))
    .addColumn('feedback', 'text')
    .addColumn('rating', 'integer', (column) => column.check(sql`rating between 1 and 5`))
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('interviews_pkey', ['tenant_id', 'id'])
    .addForeignKeyConstraint('interviews_application_fkey', ['tenant_id', 'application_id'], 'applications', ['tenant_id', 'id'])
    .addCheckConstraint('interviews_ends_after_start_check', sql`ends_at > scheduled_at`)
    .execute();
  await db.schema.createIndex('interviews_application_idx').on('interviews').columns(['tenant_id', 'application_id', 'scheduled_at']).execute();
  await db.schema.createIndex('interviews_interviewer_idx').on('interviews').columns(['tenant_id', 'interviewer_id', 'scheduled_at']).execute();
  await db.schema.createIndex('interviews_schedule_idx').on('interviews').columns(['tenant_id', 'scheduled_at', 'id']).execute();
  await enableTenantIsolation(db, 'interviews');
}

async function createReplicas(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_replicas')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('employer_id', 'uuid', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED')`))
    .addColumn('application_deadline', 'date')
    .addColumn('source_occurred_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('job_replicas_pkey', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'job_replicas');
  await allowReplayTruncate(db, 'job_replicas');

  await db.schema
    .createTable('user_role_replicas')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('CANDIDATE', 'EMPLOYER', 'ADMIN')`))
    .addColumn('source_occurred_at', 'timestamptz', (column) => column.notNull())
    .addPrimaryKeyConstraint('user_role_replicas_pkey', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolation(db, 'user_role_replicas');
  await allowReplayTruncate(db, 'user_role_replicas');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['interviews', 'application_attachments', 'application_status_changes', 'applications', 'user_role_replicas', 'job_replicas']) {
    await db.schema.dropTable(table).execute();
  }
}
