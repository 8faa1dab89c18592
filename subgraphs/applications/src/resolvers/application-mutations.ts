import { appendEvent, badUserInput, conflict, forbidden, inTenant, newId, parseId, requireRole, requireTenant, requireViewer } from '@jobgraph/kit';
import {
  countAttachments,
  findActiveApplication,
  insertApplication,
  insertAttachment,
  insertStatusChange,
  lockApplication,
  readJobReplicaShared,
  updateApplicationRow,
} from '../db/application-writes.ts';
import type { ApplicationRow, ApplicationStatus, AttachmentRow } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { checkTransition, isOpenStatus } from '../domain/application-pipeline.ts';
import { checkJobOpen, parseApplyInput, type ApplyToJobInput } from '../domain/application-input.ts';
import { maxAttachmentsPerApplication, parseAttachmentInput, type AttachmentInput } from '../domain/attachment-input.ts';
import { optionalText, utcDate } from '../domain/field-checks.ts';
import { isEmployerSide, requireVisible, sidesOf } from './application-access.ts';
import type { ApplicationsContext } from './context.ts';
import { moveApplication, partiesOf } from './move-application.ts';

async function applyToJob(_: unknown, args: { input: ApplyToJobInput }, ctx: ApplicationsContext): Promise<ApplicationRow> {
  const viewer = requireRole(ctx, 'CANDIDATE');
  const tenant = requireTenant(ctx);
  const { jobId, ...values } = parseApplyInput(args.input);
  const now = new Date();
  try {
    return await inTenant(ctx.db, tenant.id, async (trx) => {
      const job = checkJobOpen(jobId, await readJobReplicaShared(trx, tenant.id, jobId), utcDate(now));
      const existing = await findActiveApplication(trx, tenant.id, jobId, viewer.userId);
      if (existing) throw applicationExists(jobId, existing.id);
      const application = await insertApplication(trx, {
        ...values,
        tenant_id: tenant.id,
        id: newId(),
        job_id: jobId,
        applicant_id: viewer.userId,
        employer_id: job.employer_id,
        status: 'SUBMITTED',
        applied_at: now,
        updated_at: now,
      });
      await insertStatusChange(trx, {
        tenant_id: tenant.id,
        id: newId(),
        application_id: application.id,
        from_status: null,
        to_status: 'SUBMITTED',
        changed_by: viewer.userId,
        reason: null,
        changed_at: now,
      });
      await appendEvent(trx, {
        type: 'application.submitted',
        tenantId: tenant.id,
        aggregateId: application.id,
        payload: { ...partiesOf(application), status: 'SUBMITTED', appliedAt: now },
      });
      return application;
    });
  } catch (error) {
    // Two requests can both pass the check above; the partial unique index lets one insert win.
    if (isUniqueViolation(error, 'applications_active_key')) throw applicationExists(jobId, null);
    throw error;
  }
}

function applicationExists(jobId: string, existingId: string | null) {
  const which = existingId ? `application "${existingId}"` : 'an application';
  return conflict(
    `You already have ${which} to job "${jobId}" that is still active; one active application per job is allowed, so withdraw it before applying again.`,
    { field: 'jobId' },
  );
}

/** Moves application `rawId` to `status` for the viewer, after the pipeline table allows it. */
async function changeStatus(ctx: ApplicationsContext, rawId: string, status: ApplicationStatus, rawReason: string | null | undefined) {
  const viewer = requireViewer(ctx);
  const tenant = requireTenant(ctx);
  const id = parseId(rawId, 'id');
  const reason = optionalText(rawReason, 'reason', 1000);
  const now = new Date();
  return inTenant(ctx.db, tenant.id, async (trx) => {
    const application = requireVisible(viewer, id, await lockApplication(trx, tenant.id, id));
    checkTransition(id, application.status, status, sidesOf(viewer, application));
    return moveApplication(trx, application, status, viewer, reason, now);
  });
}

async function updateApplicationNotes(_: unknown, args: { id: string; notes?: string | null }, ctx: ApplicationsContext) {
  const viewer = requireViewer(ctx);
  const tenant = requireTenant(ctx);
  const id = parseId(args.id, 'id');
  const notes = optionalText(args.notes, 'notes', 10_000);
  return inTenant(ctx.db, tenant.id, async (trx) => {
    const application = requireVisible(viewer, id, await lockApplication(trx, tenant.id, id));
    if (!isEmployerSide(viewer, application)) throw forbidden(`Only the job's employer or an ADMIN may write notes on application "${id}".`);
    return updateApplicationRow(trx, tenant.id, id, { notes });
  });
}

async function addApplicationAttachment(
  _: unknown,
  args: { applicationId: string; input: AttachmentInput },
  ctx: ApplicationsContext,
): Promise<AttachmentRow> {
  const viewer = requireViewer(ctx);
  const tenant = requireTenant(ctx);
  const id = parseId(args.applicationId, 'applicationId');
  const attachment = parseAttachmentInput(args.input);
  return inTenant(ctx.db, tenant.id, async (trx) => {
    const application = requireVisible(viewer, id, await lockApplication(trx, tenant.id, id));
    if (application.applicant_id !== viewer.userId) throw forbidden(`Only the candidate who applied may add attachments to application "${id}".`);
    if (!isOpenStatus(application.status)) {
      throw conflict(`Application "${id}" is ${application.status}, which is final; attachments can be added to open applications only.`);
    }
    if ((await countAttachments(trx, tenant.id, id)) >= maxAttachmentsPerApplication) {
      throw badUserInput(`Application "${id}" already has ${maxAttachmentsPerApplication} attachments, the maximum; combine files into one.`, {
        field: 'applicationId',
      });
    }
    return insertAttachment(trx, { ...attachment, tenant_id: tenant.id, id: newId(), application_id: id });
  });
}

export const applicationMutations = {
  applyToJob,
  withdrawApplication: (_: unknown, args: { id: string; reason?: string | null }, ctx: ApplicationsContext) =>
    changeStatus(ctx, args.id, 'WITHDRAWN', args.reason),
  changeApplicationStatus: (_: unknown, args: { id: string; status: ApplicationStatus; reason?: string | null }, ctx: ApplicationsContext) =>
    changeStatus(ctx, args.id, args.status, args.reason),
  updateApplicationNotes,
  addApplicationAttachment,
};
