import type { CategoryRow } from './database.ts';
import type { Executor } from './job-queries.ts';

/** Lists every category of the tenant, siblings in their display order. */
export function listAllCategories(db: Executor, tenantId: string): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('tenant_id', '=', tenantId).orderBy('position').orderBy('name').execute();
}

/** Lists the categories of each job in `jobIds`, each with the job id it belongs to. */
export function listCategoriesOfJobs(db: Executor, tenantId: string, jobIds: readonly string[]): Promise<(CategoryRow & { job_id: string })[]> {
  return db
    .selectFrom('job_categories')
    .innerJoin('categories', (join) =>
      join.onRef('categories.tenant_id', '=', 'job_categories.tenant_id').onRef('categories.id', '=', 'job_categories.category_id'),
    )
    .selectAll('categories')
    .select('job_categories.job_id')
    .where('job_categories.tenant_id', '=', tenantId)
    .where('job_categories.job_id', 'in', jobIds)
    .orderBy('categories.name')
    .execute();
}
