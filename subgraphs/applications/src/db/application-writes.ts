import type { Insertable, Transaction, Updateable } from 'kysely';
import type {
  ApplicationRow,
  ApplicationsDatabase,
  ApplicationsTable,
  ApplicationStatusChangesTable,
  AttachmentRow,
  ApplicationAttachmentsTable,
  JobReplicaRow,
} from './database.ts';

type Trx = Transaction<ApplicationsDatabase>;

/** Reads a job's replica with a share lock until the transaction ends, so that a concurrent close from the job events waits for the application. */
export function readJobReplicaShared(trx: Trx, tenantId: string, jobId: string): Promise<JobReplicaRow | undefined> {
  return trx.selectFrom('job_replicas').selectAll().where('tenant_id', '=', tenantId).where('id', '=', jobId).forShare().executeTakeFirst();
}

/** Returns the active (not WITHDRAWN or REJECTED) application of `applicantId` to `jobId`, if any. */
export function findActiveApplication(trx: Trx, tenantId: string, jobId: string, applicantId: string): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('applications')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('job_id', '=', jobId)
    .where('applicant_id', '=', applicantId)
    .where('status', 'not in', ['WITHDRAWN', 'REJECTED'])
    .executeTakeFirst();
}

/** Reads an application and locks its row until the transaction ends, so that two changes of one application run one after the other. */
export function lockApplication(trx: Trx, tenantId: string, id: string): Promise<ApplicationRow | undefined> {
  return trx.selectFrom('applications').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertApplication(trx: Trx, row: Insertable<ApplicationsTable>): Promise<ApplicationRow> {
  return trx.insertInto('applications').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateApplicationRow(trx: Trx, tenantId: string, id: string, changes: Updateable<ApplicationsTable>): Promise<ApplicationRow> {
  return trx
    .updateTable('applications')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStatusChange(trx: Trx, row: Insertable<ApplicationStatusChangesTable>): Promise<void> {
  await trx.insertInto('application_status_changes').values(row).execute();
}

export async function countAttachments(trx: Trx, tenantId: string, applicationId: string): Promise<number> {
  const row = await trx
    .selectFrom('application_attachments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function insertAttachment(trx: Trx, row: Insertable<ApplicationAttachmentsTable>): Promise<AttachmentRow> {
  return trx.insertInto('application_attachments').values(row).returningAll().executeTakeFirstOrThrow();
}
