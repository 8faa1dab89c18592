import { appendEvent, newId, type Viewer } from '@jobgraph/kit';
import type { Transaction } from 'kysely';
import { insertStatusChange, updateApplicationRow } from '../db/application-writes.ts';
import type { ApplicationRow, ApplicationsDatabase, ApplicationStatus } from '../db/database.ts';

/** Returns the job, applicant and employer of an application, which every application and interview event carries. */
export function partiesOf(application: ApplicationRow) {
  return { jobId: application.job_id, applicantId: application.applicant_id, employerId: application.employer_id };
}

/**
 * Moves an application to `to` after the caller checked the transition:
 * updates the row, records the change in the status history and appends
 * `application.status_changed` (and `application.withdrawn` for a withdrawal),
 * all in `trx`.
 */
export async function moveApplication(
  trx: Transaction<ApplicationsDatabase>,
  application: ApplicationRow,
  to: ApplicationStatus,
  viewer: Viewer,
  reason: string | null,
  now: Date,
): Promise<ApplicationRow> {
  const tenantId = application.tenant_id;
  const moved = await updateApplicationRow(trx, tenantId, application.id, { status: to });
  await insertStatusChange(trx, {
    tenant_id: tenantId,
    id: newId(),
    application_id: application.id,
    from_status: application.status,
    to_status: to,
    changed_by: viewer.userId,
    reason,
    changed_at: now,
  });
  const parties = partiesOf(application);
  await appendEvent(trx, {
    type: 'application.status_changed',
    tenantId,
    aggregateId: application.id,
    payload: { ...parties, from: application.status, to, changedBy: viewer.userId, reason, changedAt: now },
  });
  if (to === 'WITHDRAWN') {
    await appendEvent(trx, {
      type: 'application.withdrawn',
      tenantId,
      aggregateId: application.id,
      payload: { ...parties, from: application.status, reason, withdrawnAt: now },
    });
  }
  return moved;
}
