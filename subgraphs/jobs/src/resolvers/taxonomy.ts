import { inTenant } from '@jobgraph/kit';
import { ensureStandardTaxonomy } from '../db/taxonomy-queries.ts';
import type { JobsContext } from './context.ts';

// Tenants whose taxonomy this process has seen loaded, per database, so that reads skip the check after the first time.
const loadedTenants = new WeakMap<object, Set<string>>();

/**
 * Loads the standard categories and skills into the tenant the first time
 * they are read. The users subgraph creates tenants, so this is the first
 * point where the jobs subgraph meets a new one.
 */
export async function ensureTaxonomyLoaded(ctx: JobsContext, tenantId: string): Promise<void> {
  let loaded = loadedTenants.get(ctx.db);
  if (!loaded) {
    loaded = new Set();
    loadedTenants.set(ctx.db, loaded);
  }
  if (loaded.has(tenantId)) return;
  const inserted = await inTenant(ctx.db, tenantId, (trx) => ensureStandardTaxonomy(trx, tenantId));
  if (inserted) ctx.logger.info({ tenantId }, 'standard categories and skills loaded');
  loaded.add(tenantId);
}
