import { sql, type Transaction } from 'kysely';
import type { AnalyticsDatabase, ViewerKind } from './database.ts';

type Trx = Transaction<AnalyticsDatabase>;

type CounterTable = 'job_daily_views' | 'job_totals' | 'user_totals' | 'platform_days';

/**
 * Adds `counts` to the row of `table` with key `key`, creating the row with
 * those counts when it is missing: one atomic upsert, so concurrent
 * increments never lose one.
 */
export async function addCounts(trx: Trx, table: CounterTable, key: Readonly<Record<string, string>>, counts: Readonly<Record<string, number>>): Promise<void> {
  const keyColumns = Object.keys(key);
  const countColumns = Object.keys(counts).filter((column) => counts[column] !== 0);
  if (countColumns.length === 0) return;
  const columns = [...keyColumns, ...countColumns];
  const values = [...keyColumns.map((column) => key[column]), ...countColumns.map((column) => counts[column])];
  await sql`
    insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
    values (${sql.join(values)})
    on conflict (${sql.join(keyColumns.map((column) => sql.ref(column)))}) do update set
    ${sql.join(countColumns.map((column) => sql`${sql.ref(column)} = ${sql.table(table)}.${sql.ref(column)} + excluded.${sql.ref(column)}`))}
  `.execute(trx);
}

export interface ViewerRef {
  readonly kind: ViewerKind;
  readonly id: string;
}

/** Records that `viewer` viewed job `jobId`; returns whether this was their first view of it. */
export async function addJobViewer(trx: Trx, tenantId: string, jobId: string, viewer: ViewerRef): Promise<boolean> {
  const inserted = await trx
    .insertInto('job_viewers')
    .values({ tenant_id: tenantId, job_id: jobId, viewer_kind: viewer.kind, viewer_id: viewer.id })
    .onConflict((conflict) => conflict.doNothing())
    .returning('job_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Records that `viewer` viewed job `jobId` on `day`; returns whether this was their first view of it that day. */
export async function addDailyJobViewer(trx: Trx, tenantId: string, jobId: string, day: string, viewer: ViewerRef): Promise<boolean> {
  const inserted = await trx
    .insertInto('job_daily_viewers')
    .values({ tenant_id: tenantId, job_id: jobId, day, viewer_kind: viewer.kind, viewer_id: viewer.id })
    .onConflict((conflict) => conflict.doNothing())
    .returning('job_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Records that job `jobId` was posted; returns false when it was counted before. */
export async function addPostedJob(trx: Trx, tenantId: string, jobId: string, employerId: string, day: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('posted_jobs')
    .values({ tenant_id: tenantId, job_id: jobId, employer_id: employerId, posted_on: day })
    .onConflict((conflict) => conflict.doNothing())
    .returning('job_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
