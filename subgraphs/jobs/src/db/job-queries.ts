import type { Cursor, Viewer } from '@jobgraph/kit';
import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { escapeLikePattern } from '../domain/text.ts';
import type { EmploymentType, ExperienceLevel, JobRow, JobsDatabase, JobStatus, WorkplaceType } from './database.ts';
import { afterCursor, afterCursorParts, orderClause, sortKeyOf, type JobOrderBy } from './job-order.ts';

/** The factor between an amount and `salary_upper_scaled`; the filter subtracts 1e-6 so that float error cannot round an exact amount up. */
const salaryScale = 10_000;

export type Executor = Kysely<JobsDatabase> | Transaction<JobsDatabase>;

/** A job row of a list, with the sort value its cursor carries. */
export type ListedJobRow = JobRow & { readonly sort_key: string | null };

/**
 * The filter of `jobs`, validated. `categoryIds` already includes the
 * descendants of the categories the client named.
 */
export interface JobFilter {
  readonly status?: JobStatus;
  readonly companyId?: string;
  readonly employerId?: string;
  readonly categoryIds?: readonly string[];
  readonly skillIds?: readonly string[];
  readonly employmentTypes?: readonly EmploymentType[];
  readonly experienceLevels?: readonly ExperienceLevel[];
  readonly workplaceTypes?: readonly WorkplaceType[];
  readonly location?: string;
  /** Compared with the upper end of each job's range, whatever its currency and period. */
  readonly salaryMin?: number;
  readonly postedAfter?: Date;
}

/**
 * Builds the condition for the jobs a viewer may see: PUBLISHED ones for
 * everyone, every state for ADMINs, and every state of their own jobs for EMPLOYERs.
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

/**
 * Builds the condition for the jobs another subgraph's entity may point to:
 * those `visibleTo` admits, and every job that was ever published. An
 * application or a view keeps its job after the job closes, and the job was
 * public while it was open, whereas a draft stays with its employer.
 */
export function visibleByReference(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<JobsDatabase, 'jobs'>) => eb.or([visibleTo(viewer)(eb), eb('jobs.published_at', 'is not', null)]);
}

export function findReferencedJobsByIds(db: Executor, tenantId: string, ids: readonly string[], viewer: Viewer | null): Promise<JobRow[]> {
  return db.selectFrom('jobs').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).where(visibleByReference(viewer)).execute();
}

/**
 * Reads a page of the jobs that match `filter`, in `orderBy`, after `cursor`.
 * After a cursor with a sort value the page is a union of two index range
 * scans, the rows with a value and the rows without one, because a single
 * `... or value is null` condition makes PostgreSQL filter the index from
 * its start instead of seeking to the cursor.
 */
export async function listJobs(
  db: Executor,
  tenantId: string,
  viewer: Viewer | null,
  filter: JobFilter,
  orderBy: JobOrderBy,
  limit: number,
  cursor: Cursor | null,
): Promise<ListedJobRow[]> {
  const page = (condition: RawBuilder<boolean> | null) => {
    let query = jobsMatching(db, tenantId, viewer, filter).selectAll('jobs').select(sortKeyOf(orderBy));
    if (condition) query = query.where(condition);
    return query.orderBy(orderClause(orderBy)).limit(limit);
  };
  if (!cursor) return page(null).execute();
  const { withValue, withoutValue } = afterCursorParts(orderBy, cursor);
  if (!withValue) return page(withoutValue).execute();
  const union = sql<ListedJobRow>`(${page(withValue)} union all ${page(withoutValue)})`;
  return db.selectFrom(union.as('jobs')).selectAll().orderBy(orderClause(orderBy)).limit(limit).execute() as Promise<ListedJobRow[]>;
}

export async function countJobs(db: Executor, tenantId: string, viewer: Viewer | null, filter: JobFilter): Promise<number> {
  const row = await jobsMatching(db, tenantId, viewer, filter)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

/**
 * Reads the first `limit` jobs of each company after `cursor`, newest first,
 * in one query. A window numbers each company's jobs and the outer query
 * keeps the first ones.
 */
export function listJobsOfCompanies(
  db: Executor,
  tenantId: string,
  viewer: Viewer | null,
  companyIds: readonly string[],
  status: JobStatus | undefined,
  limit: number,
  cursor: Cursor | null,
): Promise<(ListedJobRow & { position: number })[]> {
  let ranked = jobsMatching(db, tenantId, viewer, status ? { status } : {})
    .where('jobs.company_id', 'in', companyIds)
    .selectAll('jobs')
    .select(sortKeyOf('NEWEST'))
    .select(sql<number>`row_number() over (partition by jobs.company_id order by ${orderClause('NEWEST')})`.as('position'));
  if (cursor) ranked = ranked.where(afterCursor('NEWEST', cursor));
  return db.selectFrom(ranked.as('ranked')).selectAll().where('position', '<=', limit).orderBy('position').execute();
}

/** Counts the jobs of each company that `viewer` may see, in one query. Companies without jobs are left out. */
export function countJobsOfCompanies(
  db: Executor,
  tenantId: string,
  viewer: Viewer | null,
  companyIds: readonly string[],
  status: JobStatus | undefined,
): Promise<{ company_id: string; count: number }[]> {
  return jobsMatching(db, tenantId, viewer, status ? { status } : {})
    .where('jobs.company_id', 'in', companyIds)
    .select(['jobs.company_id', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('jobs.company_id')
    .execute();
}

function jobsMatching(db: Executor, tenantId: string, viewer: Viewer | null, filter: JobFilter) {
  let query = db.selectFrom('jobs').where('jobs.tenant_id', '=', tenantId).where(visibleTo(viewer));
  if (filter.status) query = query.where('jobs.status', '=', filter.status);
  if (filter.companyId) query = query.where('jobs.company_id', '=', filter.companyId);
  if (filter.employerId) query = query.where('jobs.employer_id', '=', filter.employerId);
  if (filter.employmentTypes?.length) query = query.where('jobs.employment_type', 'in', filter.employmentTypes);
  if (filter.experienceLevels?.length) query = query.where('jobs.experience_level', 'in', filter.experienceLevels);
  if (filter.workplaceTypes?.length) query = query.where('jobs.workplace_type', 'in', filter.workplaceTypes);
  // NOTE: no index serves this substring match, so it filters the rows the other conditions leave. A trigram
  // index would not help under row-level security either, because PostgreSQL (15 and 18 checked) marks ILIKE as not leakproof.
  if (filter.location) query = query.where('jobs.location', 'ilike', `%${escapeLikePattern(filter.location)}%`);
  if (filter.salaryMin !== undefined) query = query.where('jobs.salary_upper_scaled', '>=', Math.ceil(filter.salaryMin * salaryScale - 1e-6));
  if (filter.postedAfter) query = query.where('jobs.published_at', '>', filter.postedAfter);
  const categoryIds = filter.categoryIds;
  if (categoryIds) {
    query = query.where('jobs.id', 'in', (eb) =>
      eb.selectFrom('job_categories').select('job_categories.job_id').where('job_categories.tenant_id', '=', tenantId).where('job_categories.category_id', 'in', emptySafe(categoryIds)),
    );
  }
  const skillIds = filter.skillIds;
  if (skillIds) {
    query = query.where('jobs.id', 'in', (eb) =>
      eb.selectFrom('job_skills').select('job_skills.job_id').where('job_skills.tenant_id', '=', tenantId).where('job_skills.skill_id', 'in', emptySafe(skillIds)),
    );
  }
  return query;
}

// `in ()` is invalid SQL; an empty list of ids matches no job, as a nil UUID matches none.
function emptySafe(ids: readonly string[]): readonly string[] {
  return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
}
