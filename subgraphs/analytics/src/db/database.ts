import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A counter: 0 unless an insert gives another value. */
type Counter = ColumnType<number, number | undefined, number>;

export type JobStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'ARCHIVED';
/** Who viewed a job: a logged-in user, or an anonymous browser by the id it sent in `X-Viewer-Id`. */
export type ViewerKind = 'USER' | 'ANONYMOUS';

/** A projection of the jobs subgraph's jobs, fed by `job.*` events: who owns each job and whether everyone may see it. */
export interface JobReplicasTable {
  tenant_id: string;
  id: string;
  employer_id: string;
  status: JobStatus;
  /** When the event that wrote the row occurred; an older event never overwrites a newer one. */
  source_occurred_at: Timestamp;
}

/** Every viewer a job ever had, once each; a first insert counts a new unique viewer. */
export interface JobViewersTable {
  tenant_id: string;
  job_id: string;
  viewer_kind: ViewerKind;
  viewer_id: string;
}

/** The viewers of a job per UTC day, once each; a first insert counts a unique viewer of that day. */
export interface JobDailyViewersTable {
  tenant_id: string;
  job_id: string;
  /** A UTC calendar date, `YYYY-MM-DD`. */
  day: string;
  viewer_kind: ViewerKind;
  viewer_id: string;
}

/** Rollup: a job's views and unique viewers per UTC day. */
export interface JobDailyViewsTable {
  tenant_id: string;
  job_id: string;
  day: string;
  views: Counter;
  unique_viewers: Counter;
}

/** Rollup: a job's totals since it was created. */
export interface JobTotalsTable {
  tenant_id: string;
  job_id: string;
  views: Counter;
  unique_viewers: Counter;
  /** Applications submitted, whatever became of them later. */
  applications: Counter;
}

/** Rollup: a user's totals. */
export interface UserTotalsTable {
  tenant_id: string;
  user_id: string;
  applications_submitted: Counter;
  /** Distinct jobs the user viewed while logged in. */
  jobs_viewed: Counter;
  /** Jobs of theirs that were published. */
  jobs_posted: Counter;
}

/** The jobs already counted as posted, so that a job published twice in the log counts once. */
export interface PostedJobsTable {
  tenant_id: string;
  job_id: string;
  employer_id: string;
  posted_on: string;
}

/** Rollup: the tenant's activity per UTC day. */
export interface PlatformDaysTable {
  tenant_id: string;
  day: string;
  new_users: Counter;
  jobs_posted: Counter;
  applications: Counter;
  hires: Counter;
}

export interface AnalyticsDatabase {
  job_replicas: JobReplicasTable;
  job_viewers: JobViewersTable;
  job_daily_viewers: JobDailyViewersTable;
  job_daily_views: JobDailyViewsTable;
  job_totals: JobTotalsTable;
  user_totals: UserTotalsTable;
  posted_jobs: PostedJobsTable;
  platform_days: PlatformDaysTable;
}

export type JobReplicaRow = Selectable<JobReplicasTable>;
export type JobTotalsRow = Selectable<JobTotalsTable>;
export type JobDailyViewsRow = Selectable<JobDailyViewsTable>;
export type UserTotalsRow = Selectable<UserTotalsTable>;
export type PlatformDayRow = Selectable<PlatformDaysTable>;

/** The tables the metrics consumer builds from events; replay empties and rebuilds them all. */
export const metricTables = ['job_viewers', 'job_daily_viewers', 'job_daily_views', 'job_totals', 'user_totals', 'posted_jobs', 'platform_days'] as const;
