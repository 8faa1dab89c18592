import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import type { Cursor, Viewer } from '@jobgraph/kit';
import type { CompanyRow, JobRow, JobsDatabase } from './database.ts';

type Executor = Kysely<JobsDatabase> | Transaction<JobsDatabase>;

/**
 * The jobs a viewer may see: PUBLISHED ones for everyone, every state for
 * ADMINs, and every state of their own jobs for EMPLOYERs.
 */
export function visibleTo(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<JobsDatabase, 'jobs'>) => {
    if (viewer?.role === 'ADMIN') return eb.lit(true);
    const published = eb('jobs.status', '=', 'PUBLISHED');
    return viewer?.role === 'EMPLOYER' ? eb.or([published, eb('jobs.employer_id', '=', viewer.userId)]) : published;
  };
}

export function findJobsByIds(db: Executor, tenantId: string, ids: readonly string[], viewer: Viewer | null): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).where(visibleTo(viewer)).execute();
}

export function findCompaniesByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<CompanyRow[]> {
  return db.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export interface JobListFilter {
  readonly companyId?: string;
  readonly status?: string;
}

/** A page of jobs, newest first; ids are UUID v7, so their order is creation order. */
export function listJobs(db: Executor, tenantId: string, viewer: Viewer | null, filter: JobListFilter, limit: number, after: Cursor | null): Promise<JobRow[]> {
  let query = jobsMatching(db, tenantId, viewer, filter).selectAll();
  if (after) query = query.where('id', '<', after.id);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countJobs(db: Executor, tenantId: string, viewer: Viewer | null, filter: JobListFilter): Promise<number> {
  const row = await jobsMatching(db, tenantId, viewer, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return row.count;
}

function jobsMatching(db: Executor, tenantId: string, viewer: Viewer | null, filter: JobListFilter) {
  let query = db.selectFrom('jobs').where('tenant_id', '=', tenantId).where(visibleTo(viewer));
  if (filter.companyId) query = query.where('company_id', '=', filter.companyId);
  if (filter.status) query = query.where('status', '=', filter.status as JobRow['status']);
  return query;
}

export function listCompanies(db: Executor, tenantId: string, limit: number, after: Cursor | null): Promise<CompanyRow[]> {
  let query = db.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId);
  if (after) query = query.where('id', '<', after.id);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countCompanies(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('companies')
    .where('tenant_id', '=', tenantId)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}
