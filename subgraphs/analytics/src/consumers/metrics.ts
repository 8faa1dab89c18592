import { defineConsumer, type EventOf } from '@jobgraph/kit';
import { sql, type Transaction } from 'kysely';
import { metricTables, type AnalyticsDatabase } from '../db/database.ts';
import { addCounts, addDailyJobViewer, addJobViewer, addPostedJob, type ViewerRef } from '../db/metric-writes.ts';
import { utcDay } from '../domain/utc-day.ts';

type Trx = Transaction<AnalyticsDatabase>;
type MetricEvent = 'job.viewed' | 'job.published' | 'application.submitted' | 'application.status_changed' | 'user.registered';

/**
 * Keeps the rollups: job totals and views per day, user totals and the
 * tenant's activity per day. Each event adds to counters, so the work per
 * event is constant. Every number comes from the event's payload and its
 * time, and none depends on the order of events, so a replay from the first
 * event rebuilds the same numbers. The consumer's inbox applies each event
 * once; the viewer and posted-job tables make a repeated view or publication
 * count once as a unique viewer or a posted job.
 */
export const metrics = defineConsumer<AnalyticsDatabase, MetricEvent>({
  name: 'analytics.metrics',
  events: ['job.viewed', 'job.published', 'application.submitted', 'application.status_changed', 'user.registered'],
  async handle(event, trx) {
    switch (event.type) {
      case 'job.viewed':
        return countView(trx, event);
      case 'job.published':
        return countPostedJob(trx, event);
      case 'application.submitted': {
        const { jobId, applicantId, appliedAt } = event.payload;
        await addCounts(trx, 'job_totals', { tenant_id: event.tenantId, job_id: jobId }, { applications: 1 });
        await addCounts(trx, 'user_totals', { tenant_id: event.tenantId, user_id: applicantId }, { applications_submitted: 1 });
        await addCounts(trx, 'platform_days', { tenant_id: event.tenantId, day: utcDay(appliedAt) }, { applications: 1 });
        return;
      }
      case 'application.status_changed':
        // HIRED is final, so an application reaches it at most once.
        if (event.payload.to === 'HIRED') await addCounts(trx, 'platform_days', { tenant_id: event.tenantId, day: utcDay(event.payload.changedAt) }, { hires: 1 });
        return;
      case 'user.registered':
        await addCounts(trx, 'platform_days', { tenant_id: event.tenantId, day: utcDay(event.occurredAt) }, { new_users: 1 });
        return;
    }
  },
  async reset(trx) {
    await sql`truncate ${sql.join(metricTables.map((table) => sql.table(table)))}`.execute(trx);
  },
});

async function countView(trx: Trx, event: EventOf<'job.viewed'>): Promise<void> {
  const { tenantId, aggregateId: jobId, payload } = event;
  const day = utcDay(payload.viewedAt);
  const viewer: ViewerRef = payload.userId !== null ? { kind: 'USER', id: payload.userId } : { kind: 'ANONYMOUS', id: payload.anonymousViewerId! };
  const firstEver = await addJobViewer(trx, tenantId, jobId, viewer);
  const firstToday = await addDailyJobViewer(trx, tenantId, jobId, day, viewer);
  await addCounts(trx, 'job_daily_views', { tenant_id: tenantId, job_id: jobId, day }, { views: 1, unique_viewers: firstToday ? 1 : 0 });
  await addCounts(trx, 'job_totals', { tenant_id: tenantId, job_id: jobId }, { views: 1, unique_viewers: firstEver ? 1 : 0 });
  if (firstEver && viewer.kind === 'USER') await addCounts(trx, 'user_totals', { tenant_id: tenantId, user_id: viewer.id }, { jobs_viewed: 1 });
}

async function countPostedJob(trx: Trx, event: EventOf<'job.published'>): Promise<void> {
  const { tenantId, aggregateId: jobId, payload } = event;
  // An imported job carries the time it was first published elsewhere; the event's own time is the fallback.
  const day = utcDay(payload.publishedAt ?? event.occurredAt);
  if (!(await addPostedJob(trx, tenantId, jobId, payload.employerId, day))) return;
  await addCounts(trx, 'user_totals', { tenant_id: tenantId, user_id: payload.employerId }, { jobs_posted: 1 });
  await addCounts(trx, 'platform_days', { tenant_id: tenantId, day }, { jobs_posted: 1 });
}
