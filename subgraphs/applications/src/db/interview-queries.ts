import type { Cursor, Viewer } from '@jobgraph/kit';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationsDatabase, InterviewRow } from './database.ts';
import { applicationVisibleTo } from './visibility.ts';

type Executor = Kysely<ApplicationsDatabase> | Transaction<ApplicationsDatabase>;

/** The time window of `interviews(from, to)`: interviews that start at or after `from` and before `to`. */
export interface InterviewWindow {
  readonly from: Date | null;
  readonly to: Date | null;
}

/** Interviews `viewer` may see: those of applications they may see, and those they conduct. */
function visibleInterviews(db: Executor, tenantId: string, viewer: Viewer | null) {
  return db
    .selectFrom('interviews')
    .innerJoin('applications', (join) =>
      join.onRef('applications.tenant_id', '=', 'interviews.tenant_id').onRef('applications.id', '=', 'interviews.application_id'),
    )
    .where('interviews.tenant_id', '=', tenantId)
    .where((eb) => (viewer ? eb.or([applicationVisibleTo(viewer)(eb), eb('interviews.interviewer_id', '=', viewer.userId)]) : sql<boolean>`false`));
}

export function findInterviewsByIds(db: Executor, tenantId: string, viewer: Viewer | null, ids: readonly string[]): Promise<InterviewRow[]> {
  return visibleInterviews(db, tenantId, viewer).selectAll('interviews').where('interviews.id', 'in', ids).execute();
}

/** Returns the interviews of each application, earliest first. The caller has checked that the applications are visible. */
export function listInterviewsOfApplications(db: Executor, tenantId: string, applicationIds: readonly string[]): Promise<InterviewRow[]> {
  return db
    .selectFrom('interviews')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', applicationIds)
    .orderBy('scheduled_at')
    .orderBy('id')
    .execute();
}

function inWindow(db: Executor, tenantId: string, viewer: Viewer | null, window: InterviewWindow) {
  let query = visibleInterviews(db, tenantId, viewer);
  if (window.from) query = query.where('interviews.scheduled_at', '>=', window.from);
  if (window.to) query = query.where('interviews.scheduled_at', '<', window.to);
  return query;
}

/** Returns up to `limit` visible interviews in `window`, earliest first, after `cursor` (the start time in epoch milliseconds, checked by the resolver, and the id). */
export function listInterviews(db: Executor, tenantId: string, viewer: Viewer | null, window: InterviewWindow, limit: number, cursor: Cursor | null): Promise<InterviewRow[]> {
  let query = inWindow(db, tenantId, viewer, window).selectAll('interviews');
  if (cursor) {
    const after = new Date(cursor.key as number);
    query = query.where((eb) =>
      eb.or([eb('interviews.scheduled_at', '>', after), eb.and([eb('interviews.scheduled_at', '=', after), eb('interviews.id', '>', cursor.id)])]),
    );
  }
  return query.orderBy('interviews.scheduled_at').orderBy('interviews.id').limit(limit).execute();
}

export async function countInterviews(db: Executor, tenantId: string, viewer: Viewer | null, window: InterviewWindow): Promise<number> {
  const row = await inWindow(db, tenantId, viewer, window)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
