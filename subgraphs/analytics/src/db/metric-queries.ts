import type { Kysely, Transaction } from 'kysely';
import type { AnalyticsDatabase, JobDailyViewsRow, JobReplicaRow, JobTotalsRow, PlatformDayRow, UserTotalsRow } from './database.ts';
import type { DateRange } from '../domain/date-range.ts';

type Executor = Kysely<AnalyticsDatabase> | Transaction<AnalyticsDatabase>;

export function findJobReplicasByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<JobReplicaRow[]> {
  return db.selectFrom('job_replicas').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export function findJobTotals(db: Executor, tenantId: string, jobIds: readonly string[]): Promise<JobTotalsRow[]> {
  return db.selectFrom('job_totals').selectAll().where('tenant_id', '=', tenantId).where('job_id', 'in', jobIds).execute();
}

/** Returns the days of `range` on which the jobs had views; days without views have no row. */
export function listJobDailyViews(db: Executor, tenantId: string, jobIds: readonly string[], range: DateRange): Promise<JobDailyViewsRow[]> {
  return db
    .selectFrom('job_daily_views')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('job_id', 'in', jobIds)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .execute();
}

export function findUserTotals(db: Executor, tenantId: string, userIds: readonly string[]): Promise<UserTotalsRow[]> {
  return db.selectFrom('user_totals').selectAll().where('tenant_id', '=', tenantId).where('user_id', 'in', userIds).execute();
}

/** Returns the days of `range` with any activity in the tenant; quiet days have no row. */
export function listPlatformDays(db: Executor, tenantId: string, range: DateRange): Promise<PlatformDayRow[]> {
  return db
    .selectFrom('platform_days')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .orderBy('day')
    .execute();
}
