import { buildConnection, inTenant, parseId, parsePageArgs, requireTenant } from '@jobgraph/kit';
import type { JobRow } from '../db/database.ts';
import { countJobs, listJobs } from '../db/job-queries.ts';
import type { JobsContext } from './context.ts';

interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Builds the connection of jobs visible to the request's viewer, filtered by company and status. */
export async function jobConnection(ctx: JobsContext, args: PageArgs, filter: { companyId?: string; status?: string }) {
  const tenant = requireTenant(ctx);
  const page = parsePageArgs(args);
  const rows = await inTenant(ctx.db, tenant.id, (trx) => listJobs(trx, tenant.id, ctx.viewer, filter, page.limit, page.after));
  return buildConnection(rows, page, (job) => ({ key: null, id: job.id }), () =>
    inTenant(ctx.db, tenant.id, (trx) => countJobs(trx, tenant.id, ctx.viewer, filter)),
  );
}

/** Converts a `numeric` string to the Float the API shows. */
function toAmount(value: string | null): number | null {
  return value === null ? null : Number(value);
}

export const jobResolvers = {
  Query: {
    job: (_: unknown, args: { id: string }, ctx: JobsContext) => {
      requireTenant(ctx);
      return ctx.loaders.jobById.load(parseId(args.id, 'id'));
    },
    jobs: (_: unknown, args: PageArgs, ctx: JobsContext) => jobConnection(ctx, args, {}),
  },
  Job: {
    __resolveReference: (reference: { id: string }, ctx: JobsContext) => ctx.loaders.jobById.load(reference.id),
    externalId: (job: JobRow) => job.external_id,
    company: (job: JobRow, _: unknown, ctx: JobsContext) => ctx.loaders.companyById.load(job.company_id),
    employer: (job: JobRow) => ({ __typename: 'User', id: job.employer_id }),
    employmentType: (job: JobRow) => job.employment_type,
    experienceLevel: (job: JobRow) => job.experience_level,
    workplaceType: (job: JobRow) => job.workplace_type,
    salary: (job: JobRow) =>
      job.salary_currency && job.salary_period
        ? { min: toAmount(job.salary_min), max: toAmount(job.salary_max), currency: job.salary_currency, period: job.salary_period }
        : null,
    isFeatured: (job: JobRow) => job.is_featured,
    applicationDeadline: (job: JobRow) => job.application_deadline,
    publishedAt: (job: JobRow) => job.published_at,
    createdAt: (job: JobRow) => job.created_at,
    updatedAt: (job: JobRow) => job.updated_at,
  },
};
