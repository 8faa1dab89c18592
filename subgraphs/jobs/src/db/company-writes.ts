import type { Insertable, Transaction, Updateable } from 'kysely';
import type { CompaniesTable, CompanyRow, JobsDatabase } from './database.ts';

type Trx = Transaction<JobsDatabase>;

/** Reads a company and locks its row until the transaction ends. */
export function lockCompany(trx: Trx, tenantId: string, id: string): Promise<CompanyRow | undefined> {
  return trx.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Reads a company and keeps it from being changed until the transaction ends, as a job is attached to it. */
export function lockCompanyShared(trx: Trx, tenantId: string, id: string): Promise<CompanyRow | undefined> {
  return trx.selectFrom('companies').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forShare().executeTakeFirst();
}

export function insertCompany(trx: Trx, row: Insertable<CompaniesTable>): Promise<CompanyRow> {
  return trx.insertInto('companies').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCompanyRow(trx: Trx, tenantId: string, id: string, changes: Updateable<CompaniesTable>): Promise<CompanyRow> {
  return trx
    .updateTable('companies')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
