import { defineConsumer } from '@jobgraph/kit';
import { sql } from 'kysely';
import type { AnalyticsDatabase } from '../db/database.ts';

/**
 * Keeps `job_replicas`: each job's employer and status, from which
 * `recordJobView` and the analytics fields decide who may see a job and its
 * numbers without calling the jobs subgraph. Every job event carries the whole
 * job, so each one overwrites the row, unless the row was written by a later
 * event (JetStream may redeliver an old event after a newer one).
 */
export const jobReplica = defineConsumer<
  AnalyticsDatabase,
  'job.created' | 'job.updated' | 'job.published' | 'job.closed' | 'job.archived' | 'job.deleted'
>({
  name: 'analytics.job-replica',
  events: ['job.created', 'job.updated', 'job.published', 'job.closed', 'job.archived', 'job.deleted'],
  async handle(event, trx) {
    if (event.type === 'job.deleted') {
      await trx
        .deleteFrom('job_replicas')
        .where('tenant_id', '=', event.tenantId)
        .where('id', '=', event.aggregateId)
        .where('source_occurred_at', '<=', new Date(event.occurredAt))
        .execute();
      return;
    }
    const row = {
      tenant_id: event.tenantId,
      id: event.aggregateId,
      employer_id: event.payload.employerId,
      status: event.payload.status,
      source_occurred_at: event.occurredAt,
    };
    await trx
      .insertInto('job_replicas')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'id'])
          .doUpdateSet({ employer_id: row.employer_id, status: row.status, source_occurred_at: row.source_occurred_at })
          .where(sql<boolean>`job_replicas.source_occurred_at <= excluded.source_occurred_at`),
      )
      .execute();
  },
  async reset(trx) {
    await sql`truncate job_replicas`.execute(trx);
  },
});
