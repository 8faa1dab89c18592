import { createIdLoader, readInTenant, type LoaderScope } from '@jobgraph/kit';
import type { UsersDatabase } from './db/database.ts';
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
  };
}

export type UsersLoaders = ReturnType<typeof createLoaders>;
