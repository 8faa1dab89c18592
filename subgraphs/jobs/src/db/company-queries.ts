import type { Cursor } from '@jobgraph/kit';
import type { CompanyRow } from './database.ts';
import type { Executor } from './job-queries.ts';

export function findCompaniesByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<CompanyRow[]> {
  return db.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** Reads a page of the tenant's companies, newest first. Ids are UUID v7, so their order is creation order. */
export function listCompanies(db: Executor, tenantId: string, limit: number, after: Cursor | null): Promise<CompanyRow[]> {
  let query = db.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId);
  if (after) query = query.where('id', '<', after.id);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countCompanies(db: Executor, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('companies')
    .where('tenant_id', '=', tenantId)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}
