import { sql } from 'kysely';
import { defineConsumer, type ConsumerDefinition } from './consumer-definition.ts';

/** The job events a job replica applies. */
export type JobReplicaEvent = 'job.created' | 'job.updated' | 'job.published' | 'job.closed' | 'job.archived' | 'job.deleted';

/** The `job_replicas` table a job replica keeps, with `application_deadline` only when `withDeadline` is set. */
interface JobReplicaTables {
  job_replicas: {
    tenant_id: string;
    id: string;
    employer_id: string;
    status: string;
    application_deadline?: string | null;
    source_occurred_at: Date | string;
  };
}

/**
 * Defines a consumer that keeps `job_replicas`: each job's employer and status,
 * and its application deadline when `withDeadline` is set, so that a subgraph
 * decides who may see or apply to a job without calling the jobs subgraph.
 * Every job event carries the whole job, so each one overwrites the row unless
 * a later event wrote it, because JetStream may redeliver an old event after a
 * newer one. The subgraph's migration creates the table.
 *
 * @example
 * export const jobReplica = defineJobReplicaConsumer<ApplicationsDatabase>('applications.job-replica', { withDeadline: true });
 */
export function defineJobReplicaConsumer<DB>(name: string, options: { readonly withDeadline?: boolean } = {}): ConsumerDefinition<DB, JobReplicaEvent> {
  const definition = defineConsumer<JobReplicaTables, JobReplicaEvent>({
    name,
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

      const columns = {
        employer_id: event.payload.employerId,
        status: event.payload.status,
        ...(options.withDeadline ? { application_deadline: event.payload.applicationDeadline } : {}),
        source_occurred_at: event.occurredAt,
      };
      await trx
        .insertInto('job_replicas')
        .values({ tenant_id: event.tenantId, id: event.aggregateId, ...columns })
        .onConflict((conflict) =>
          conflict
            .columns(['tenant_id', 'id'])
            .doUpdateSet(columns)
            .where(sql<boolean>`job_replicas.source_occurred_at <= excluded.source_occurred_at`),
        )
        .execute();
    },
    async reset(trx) {
      await sql`truncate job_replicas`.execute(trx);
    },
  });
  // The handler reads and writes `job_replicas` only, which every DB that uses this consumer has.
  return definition as unknown as ConsumerDefinition<DB, JobReplicaEvent>;
}
