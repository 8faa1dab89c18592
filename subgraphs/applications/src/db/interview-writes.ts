import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { ApplicationsDatabase, InterviewRow, InterviewsTable } from './database.ts';

type Trx = Transaction<ApplicationsDatabase>;

/**
 * Serialises every schedule change of one interviewer until the transaction
 * ends, so that the overlap check and the write that follows it cannot
 * interleave with another transaction's. A transaction-level advisory lock is
 * used because an exclusion constraint on (interviewer, time range) needs the
 * btree_gist extension, which the embedded database does not load.
 */
export async function lockInterviewerSchedule(trx: Trx, tenantId: string, interviewerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`interviewer:${tenantId}:${interviewerId}`}, 0))`.execute(trx);
}

/** Returns a SCHEDULED interview of `interviewerId`, other than `exceptId`, that overlaps [start, end), if any. */
export function findOverlappingInterview(
  trx: Trx,
  tenantId: string,
  interviewerId: string,
  start: Date,
  end: Date,
  exceptId: string | null,
): Promise<InterviewRow | undefined> {
  let query = trx
    .selectFrom('interviews')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('interviewer_id', '=', interviewerId)
    .where('status', '=', 'SCHEDULED')
    .where('scheduled_at', '<', end)
    .where('ends_at', '>', start);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.orderBy('scheduled_at').executeTakeFirst();
}

/** Reads an interview and locks its row until the transaction ends. */
export function lockInterview(trx: Trx, tenantId: string, id: string): Promise<InterviewRow | undefined> {
  return trx.selectFrom('interviews').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertInterview(trx: Trx, row: Insertable<InterviewsTable>): Promise<InterviewRow> {
  return trx.insertInto('interviews').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateInterviewRow(trx: Trx, tenantId: string, id: string, changes: Updateable<InterviewsTable>): Promise<InterviewRow> {
  return trx
    .updateTable('interviews')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
