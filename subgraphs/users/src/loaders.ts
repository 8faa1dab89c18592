import { createIdLoader, createKeyLoader, readInTenant, type LoaderScope } from '@jobgraph/kit';
import type { UsersDatabase } from './db/database.ts';
import { findApplicantsOfEmployer } from './db/applicant-queries.ts';
import { findTenantsByIds, findUsersByIds } from './db/user-queries.ts';

export function createLoaders(scope: LoaderScope<UsersDatabase>) {
  return {
    userById: createIdLoader((ids) => readInTenant(scope, (trx, tenantId) => findUsersByIds(trx, tenantId, ids))),
    // A request sees its own tenant only, so the loader answers null for any other id.
    tenantById: createIdLoader(async (ids) => {
      const tenant = scope.tenant;
      if (!tenant || !ids.includes(tenant.id)) return [];
      return findTenantsByIds(scope.db, [tenant.id]);
    }),
    // Finds the tenants of user rows a resolver already has. A user the caller may see makes its tenant visible
    // too, also before the request has a tenant, as in registerTenant.
    tenantOfUser: createIdLoader((ids) => findTenantsByIds(scope.db, ids)),
    /** Loads, for a user id, a row when that user applied to a job of the viewer; null otherwise or for an anonymous request. */
    applicantOfViewer: createKeyLoader(
      (ids: readonly string[]) => {
        const viewer = scope.viewer;
        if (!viewer) return Promise.resolve([]);
        return readInTenant(scope, (trx, tenantId) => findApplicantsOfEmployer(trx, tenantId, viewer.userId, ids));
      },
      (row) => row.applicant_id,
    ),
  };
}

export type UsersLoaders = ReturnType<typeof createLoaders>;
