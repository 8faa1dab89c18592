import type { Kysely, Transaction } from 'kysely';
import { inTenant } from '../database/tenant-isolation.ts';
import type { Tenant } from './request-context.ts';

/**
 * Runs a read for the request's tenant, or returns no rows when the request
 * named no tenant. DataLoader batch functions use it, so that an anonymous
 * `_entities` call without a tenant resolves every reference to null.
 */
export async function readInTenant<DB, Row>(
  scope: { readonly db: Kysely<DB>; readonly tenant: Tenant | null },
  read: (trx: Transaction<DB>, tenantId: string) => Promise<readonly Row[]>,
): Promise<readonly Row[]> {
  const tenant = scope.tenant;
  if (!tenant) return [];
  return inTenant(scope.db, tenant.id, (trx) => read(trx, tenant.id));
}
