import { createIdLoader, readInTenant, type LoaderScope } from '@jobgraph/kit';
import type { JobsDatabase } from './db/database.ts';
import { findCompaniesByIds, findJobsByIds } from './db/job-queries.ts';

export function createLoaders(scope: LoaderScope<JobsDatabase>) {
  return {
    jobById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findJobsByIds(trx, tenantId, ids, scope.viewer))),
    companyById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findCompaniesByIds(trx, tenantId, ids))),
  };
}

export type JobsLoaders = ReturnType<typeof createLoaders>;
