import { parseId, requireTenant } from '@jobgraph/kit';
import type { JobRow } from '../db/database.ts';
import type { JobOrderBy } from '../db/job-order.ts';
import type { JobSkillRow } from '../db/skill-queries.ts';
import type { JobsContext } from './context.ts';
import { buildJobConnection } from './job-connection.ts';
import { parseJobFilter, type JobFilterInput } from './job-filter-args.ts';
import type { PageArgs } from './page-args.ts';

/** Converts a `numeric` string to the Float the API shows. */
function toAmount(value: string | null): number | null {
  return value === null ? null : Number(value);
}

interface JobsArgs extends PageArgs {
  readonly filter?: JobFilterInput | null;
  readonly orderBy?: JobOrderBy | null;
}

export const jobResolvers = {
  Query: {
    job: (_: unknown, args: { id: string }, ctx: JobsContext) => {
      requireTenant(ctx);
      return ctx.loaders.jobById.load(parseId(args.id, 'id'));
    },
    jobs: async (_: unknown, args: JobsArgs, ctx: JobsContext) => {
      requireTenant(ctx);
      const filter = await parseJobFilter(ctx, args.filter);
      return buildJobConnection(ctx, args, filter, args.orderBy ?? 'NEWEST');
    },
  },
  Job: {
    __resolveReference: (reference: { id: string }, ctx: JobsContext) => ctx.loaders.jobByReference.load(reference.id),
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
    categories: (job: JobRow, _: unknown, ctx: JobsContext) => ctx.loaders.categoriesByJob.load(job.id),
    skills: (job: JobRow, _: unknown, ctx: JobsContext) => ctx.loaders.skillsByJob.load(job.id),
    publishedAt: (job: JobRow) => job.published_at,
    createdAt: (job: JobRow) => job.created_at,
    updatedAt: (job: JobRow) => job.updated_at,
  },
  JobSkill: {
    // The row of Job.skills carries the skill's columns, so the skill needs no query of its own.
    skill: (row: JobSkillRow) => row,
    isRequired: (row: JobSkillRow) => row.is_required,
  },
};
