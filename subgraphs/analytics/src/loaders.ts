import { createGroupLoader, createIdLoader, createKeyLoader, readInTenant, type LoaderScope } from '@jobgraph/kit';
import type { AnalyticsDatabase, JobDailyViewsRow } from './db/database.ts';
import { findJobReplicasByIds, findJobTotals, findUserTotals, listJobDailyViews } from './db/metric-queries.ts';
import type { DateRange } from './domain/date-range.ts';

type DailyViewsLoader = ReturnType<typeof createGroupLoader<string, JobDailyViewsRow>>;

/** Creates the DataLoaders of one request; every batch reads in the request's tenant. Callers check visibility before they load. */
export function createLoaders(scope: LoaderScope<AnalyticsDatabase>) {
  const dailyViewsLoaders = new Map<string, DailyViewsLoader>();

  return {
    jobReplicaById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findJobReplicasByIds(trx, tenantId, ids))),
    /** Each job's totals; null for a job nothing was counted for yet. */
    jobTotalsById: createKeyLoader(
      (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => findJobTotals(trx, tenantId, ids)),
      (row) => row.job_id,
    ),
    /** Returns the loader of each job's days with views in `range`; jobs asked for with the same range share one query. */
    jobDailyViews: (range: DateRange): DailyViewsLoader => {
      const key = `${range.from}/${range.to}`;
      let loader = dailyViewsLoaders.get(key);
      if (!loader) {
        loader = createGroupLoader(
          (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => listJobDailyViews(trx, tenantId, ids, range)),
          (row) => row.job_id,
        );
        dailyViewsLoaders.set(key, loader);
      }
      return loader;
    },
    /** Each user's totals; null for a user nothing was counted for yet. */
    userTotalsById: createKeyLoader(
      (ids: readonly string[]) => readInTenant(scope, (trx, tenantId) => findUserTotals(trx, tenantId, ids)),
      (row) => row.user_id,
    ),
  };
}

export type AnalyticsLoaders = ReturnType<typeof createLoaders>;
