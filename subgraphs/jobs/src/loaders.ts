import { createGroupLoader, createIdLoader, createKeyLoader, readInTenant, type Cursor, type LoaderScope } from '@jobgraph/kit';
import { listAllCategories, listCategoriesOfJobs } from './db/category-queries.ts';
import { findCompaniesByIds } from './db/company-queries.ts';
import type { CategoryRow, JobsDatabase, JobStatus } from './db/database.ts';
import { countJobsOfCompanies, findJobsByIds, findReferencedJobsByIds, listJobsOfCompanies, type ListedJobRow } from './db/job-queries.ts';
import { findSkillsByIds, listSkillsOfJobs } from './db/skill-queries.ts';
import { buildCategoryTree, type CategoryTree } from './domain/category-tree.ts';

/** The page of `Company.jobs` a loader serves; companies asked for with the same page share one query. */
export interface CompanyJobsPage {
  readonly status: JobStatus | undefined;
  readonly limit: number;
  readonly after: Cursor | null;
}

type CompanyJobsLoader = ReturnType<typeof createGroupLoader<string, ListedJobRow>>;
type CompanyJobCountLoader = ReturnType<typeof createKeyLoader<string, { company_id: string; count: number }>>;

/** Creates the DataLoaders of one request; every batch reads in the request's tenant with the request's viewer. */
export function createLoaders(scope: LoaderScope<JobsDatabase>) {
  const { viewer } = scope;
  const companyJobsLoaders = new Map<string, CompanyJobsLoader>();
  const companyJobCountLoaders = new Map<string, CompanyJobCountLoader>();
  let categoryTree: Promise<CategoryTree> | undefined;

  const loadCategoryTree = () => {
    categoryTree ??= readInTenant(scope, (trx, tenantId) => listAllCategories(trx, tenantId)).then((rows) => buildCategoryTree(rows));
    return categoryTree;
  };

  return {
    jobById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findJobsByIds(trx, tenantId, ids, viewer))),
    jobByReference: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findReferencedJobsByIds(trx, tenantId, ids, viewer))),
    companyById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findCompaniesByIds(trx, tenantId, ids))),
    skillById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findSkillsByIds(trx, tenantId, ids))),
    categoriesByJob: createGroupLoader(
      (jobIds: readonly string[]) => readInTenant(scope, (trx, tenantId) => listCategoriesOfJobs(trx, tenantId, jobIds)),
      (row) => row.job_id,
    ),
    skillsByJob: createGroupLoader(
      (jobIds: readonly string[]) => readInTenant(scope, (trx, tenantId) => listSkillsOfJobs(trx, tenantId, jobIds)),
      (row) => row.job_id,
    ),
    /**
     * The whole category tree of the tenant, read once per request: `parent`,
     * `children` and references to any depth resolve from it without a query per level.
     */
    categoryTree: loadCategoryTree,
    categoryById: async (id: string): Promise<CategoryRow | null> => (await loadCategoryTree()).byId.get(id.toLowerCase()) ?? null,
    /** Returns the loader of the first jobs of each company for `page`. */
    companyJobs(page: CompanyJobsPage): CompanyJobsLoader {
      const key = JSON.stringify([page.status ?? null, page.limit, page.after]);
      let loader = companyJobsLoaders.get(key);
      if (!loader) {
        loader = createGroupLoader(
          (companyIds: readonly string[]) =>
            readInTenant(scope, (trx, tenantId) => listJobsOfCompanies(trx, tenantId, viewer, companyIds, page.status, page.limit, page.after)),
          (row) => row.company_id,
        );
        companyJobsLoaders.set(key, loader);
      }
      return loader;
    },
    /** Returns the loader of each company's job count with `status`, or in all states visible to the viewer. It loads null for a company without jobs. */
    companyJobCount(status: JobStatus | undefined): CompanyJobCountLoader {
      const key = status ?? '';
      let loader = companyJobCountLoaders.get(key);
      if (!loader) {
        loader = createKeyLoader(
          (companyIds: readonly string[]) => readInTenant(scope, (trx, tenantId) => countJobsOfCompanies(trx, tenantId, viewer, companyIds, status)),
          (row) => row.company_id,
        );
        companyJobCountLoaders.set(key, loader);
      }
      return loader;
    },
  };
}

export type JobsLoaders = ReturnType<typeof createLoaders>;
