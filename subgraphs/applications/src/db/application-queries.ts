import type { Cursor, Viewer } from '@jobgraph/kit';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ApplicationRow, ApplicationsDatabase, ApplicationStatus, AttachmentRow, StatusChangeRow } from './database.ts';
import { applicationVisibleTo } from './visibility.ts';

type Executor = Kysely<ApplicationsDatabase> | Transaction<ApplicationsDatabase>;

/** The column a list of applications is grouped by: the job, or the applicant. */
export type ApplicationOwner = 'job_id' | 'applicant_id';

export function findApplicationsByIds(db: Executor, tenantId: string, viewer: Viewer | null, ids: readonly string[]): Promise<ApplicationRow[]> {
  return db.selectFrom('applications').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).where(applicationVisibleTo(viewer)).execute();
}

/**
 * Returns, for each of `ownerIds`, up to `limit` applications that `viewer`
 * may see, newest first (ids are UUID v7, so id order is creation order),
 * after `cursor`: one query for any number of jobs or applicants.
 */
export function listApplicationsOf(
  db: Executor,
  tenantId: string,
  viewer: Viewer | null,
  owner: ApplicationOwner,
  ownerIds: readonly string[],
  status: ApplicationStatus | undefined,
  limit: number,
  cursor: Cursor | null,
): Promise<(ApplicationRow & { position: number })[]> {
  let ranked = db
    .selectFrom('applications')
    .selectAll('applications')
    .select(sql<number>`row_number() over (partition by ${sql.ref(`applications.${owner}`)} order by applications.id desc)`.as('position'))
    .where('applications.tenant_id', '=', tenantId)
    .where(`applications.${owner}`, 'in', ownerIds)
    .where(applicationVisibleTo(viewer));
  if (status) ranked = ranked.where('applications.status', '=', status);
  if (cursor) ranked = ranked.where('applications.id', '<', cursor.id);
  return db.selectFrom(ranked.as('ranked')).selectAll().where('position', '<=', limit).orderBy('position').execute();
}

/** Counts, for each of `ownerIds`, the applications `viewer` may see; owners without any are left out. */
export function countApplicationsOf(
  db: Executor,
  tenantId: string,
  viewer: Viewer | null,
  owner: ApplicationOwner,
  ownerIds: readonly string[],
  status: ApplicationStatus | undefined,
): Promise<{ owner_id: string; count: number }[]> {
  let query = db
    .selectFrom('applications')
    .select([sql<string>`${sql.ref(`applications.${owner}`)}`.as('owner_id'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('applications.tenant_id', '=', tenantId)
    .where(`applications.${owner}`, 'in', ownerIds)
    .where(applicationVisibleTo(viewer));
  if (status) query = query.where('applications.status', '=', status);
  return query.groupBy(`applications.${owner}`).execute();
}

/** Returns the applications of `applicantId` to each of `jobIds`, newest first. */
export function listApplicationsByApplicant(db: Executor, tenantId: string, applicantId: string, jobIds: readonly string[]): Promise<ApplicationRow[]> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('applicant_id', '=', applicantId)
    .where('job_id', 'in', jobIds)
    .orderBy('id', 'desc')
    .execute();
}

/** Returns the status history of each application, oldest first. The caller has checked that the applications are visible. */
export function listStatusChanges(db: Executor, tenantId: string, applicationIds: readonly string[]): Promise<StatusChangeRow[]> {
  return db
    .selectFrom('application_status_changes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', applicationIds)
    .orderBy('id')
    .execute();
}

/** Returns the attachments of each application, oldest first. The caller has checked that the applications are visible. */
export function listAttachments(db: Executor, tenantId: string, applicationIds: readonly string[]): Promise<AttachmentRow[]> {
  return db.selectFrom('application_attachments').selectAll().where('tenant_id', '=', tenantId).where('application_id', 'in', applicationIds).orderBy('id').execute();
}
