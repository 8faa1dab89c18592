import { badUserInput, parseId } from '@jobgraph/kit';
import type { EmploymentType, ExperienceLevel, JobStatus, WorkplaceType } from '../db/database.ts';
import type { JobFilter } from '../db/job-queries.ts';
import { withDescendants } from '../domain/category-tree.ts';
import { jobLimits } from '../domain/job-input.ts';
import type { JobsContext } from './context.ts';

/** The `JobFilter` input of the schema. */
export interface JobFilterInput {
  readonly status?: JobStatus | null;
  readonly companyId?: string | null;
  readonly employerId?: string | null;
  readonly categoryIds?: readonly string[] | null;
  readonly skillIds?: readonly string[] | null;
  readonly employmentTypes?: readonly EmploymentType[] | null;
  readonly experienceLevels?: readonly ExperienceLevel[] | null;
  readonly workplaceTypes?: readonly WorkplaceType[] | null;
  readonly location?: string | null;
  readonly salaryMin?: number | null;
  readonly postedAfter?: Date | null;
}

const maxFilterIds = 100;

/**
 * Validates the filter of `jobs` and returns it in the form the query takes.
 * Category ids grow to include every subcategory, which reads the tenant's
 * category tree (one query per request at most).
 */
export async function parseJobFilter(ctx: JobsContext, input: JobFilterInput | null | undefined): Promise<JobFilter> {
  if (!input) return {};
  const categoryIds = parseIds(input.categoryIds, 'filter.categoryIds');
  const location = input.location?.trim();
  const salaryMin = input.salaryMin;
  if (salaryMin !== null && salaryMin !== undefined && (salaryMin < 0 || salaryMin > jobLimits.salaryMax)) {
    throw badUserInput(`filter.salaryMin ${salaryMin} is out of range; use an amount from 0 to ${jobLimits.salaryMax}.`, { argument: 'filter.salaryMin' });
  }
  const filter: JobFilter = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.companyId ? { companyId: parseId(input.companyId, 'filter.companyId') } : {}),
    ...(input.employerId ? { employerId: parseId(input.employerId, 'filter.employerId') } : {}),
    ...(categoryIds ? { categoryIds: withDescendants(await ctx.loaders.categoryTree(), categoryIds) } : {}),
    ...(input.skillIds?.length ? { skillIds: parseIds(input.skillIds, 'filter.skillIds') } : {}),
    ...(input.employmentTypes?.length ? { employmentTypes: input.employmentTypes } : {}),
    ...(input.experienceLevels?.length ? { experienceLevels: input.experienceLevels } : {}),
    ...(input.workplaceTypes?.length ? { workplaceTypes: input.workplaceTypes } : {}),
    ...(location ? { location } : {}),
    ...(input.salaryMin !== null && input.salaryMin !== undefined ? { salaryMin: input.salaryMin } : {}),
    ...(input.postedAfter ? { postedAfter: input.postedAfter } : {}),
  };
  return filter;
}

function parseIds(ids: readonly string[] | null | undefined, argument: string): string[] | undefined {
  if (!ids || ids.length === 0) return undefined;
  if (ids.length > maxFilterIds) {
    throw badUserInput(`${argument} names ${ids.length} ids; filter by at most ${maxFilterIds}.`, { argument });
  }
  return ids.map((id) => parseId(id, argument));
}
