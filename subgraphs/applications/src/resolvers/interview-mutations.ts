import { appendEvent, badUserInput, conflict, forbidden, inTenant, newId, notFound, parseId, requireRole, requireTenant, type Viewer } from '@jobgraph/kit';
import type { Transaction } from 'kysely';
import { lockApplication } from '../db/application-writes.ts';
import type { ApplicationRow, ApplicationsDatabase, InterviewRow } from '../db/database.ts';
import { findOverlappingInterview, insertInterview, lockInterview, lockInterviewerSchedule, updateInterviewRow } from '../db/interview-writes.ts';
import { findReplicatedRole } from '../db/replica-queries.ts';
import { parseScheduleInput, planInterviewUpdate, type ScheduleInterviewInput, type UpdateInterviewInput } from '../domain/interview-input.ts';
import { isEmployerSide } from './application-access.ts';
import type { ApplicationsContext } from './context.ts';
import { moveApplication, partiesOf } from './move-application.ts';

type Trx = Transaction<ApplicationsDatabase>;

const interviewableStatuses = new Set(['SHORTLISTED', 'INTERVIEWING']);

async function scheduleInterview(_: unknown, args: { input: ScheduleInterviewInput }, ctx: ApplicationsContext): Promise<InterviewRow> {
  const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
  const tenant = requireTenant(ctx);
  const applicationId = parseId(args.input.applicationId, 'applicationId');
  const interviewerId = args.input.interviewerId ? parseId(args.input.interviewerId, 'interviewerId') : viewer.userId;
  const now = new Date();
  const schedule = parseScheduleInput(args.input, now);

  return inTenant(ctx.db, tenant.id, async (trx) => {
    const application = requireEmployerSide(viewer, applicationId, await lockApplication(trx, tenant.id, applicationId));
    if (!interviewableStatuses.has(application.status)) {
      throw conflict(
        `Application "${applicationId}" is ${application.status}; interviews are scheduled for SHORTLISTED or INTERVIEWING applications only.`,
        { status: application.status },
      );
    }
    await checkInterviewer(trx, tenant.id, viewer, interviewerId);
    await checkFreeSlot(trx, tenant.id, interviewerId, schedule.scheduled_at, schedule.ends_at, null);
    const interview = await insertInterview(trx, {
      ...schedule,
      tenant_id: tenant.id,
      id: newId(),
      application_id: applicationId,
      interviewer_id: interviewerId,
      status: 'SCHEDULED',
    });
    if (application.status === 'SHORTLISTED') await moveApplication(trx, application, 'INTERVIEWING', viewer, 'Interview scheduled', now);
    await appendEvent(trx, {
      type: 'interview.scheduled',
      tenantId: tenant.id,
      aggregateId: interview.id,
      payload: toInterviewSnapshot(interview, application, viewer),
    });
    return interview;
  });
}

async function updateInterview(_: unknown, args: { id: string; input: UpdateInterviewInput }, ctx: ApplicationsContext): Promise<InterviewRow> {
  const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
  const tenant = requireTenant(ctx);
  const id = parseId(args.id, 'id');
  const now = new Date();

  return inTenant(ctx.db, tenant.id, async (trx) => {
    const { interview, application } = await lockInterviewForChange(trx, tenant.id, viewer, id);
    const plan = planInterviewUpdate(interview, args.input, now);
    const next = plan.next;
    if (next.interviewer_id !== interview.interviewer_id) await checkInterviewer(trx, tenant.id, viewer, next.interviewer_id);
    if (plan.rescheduled && next.status === 'SCHEDULED') await checkFreeSlot(trx, tenant.id, next.interviewer_id, next.scheduled_at, next.ends_at, id);
    const { tenant_id: _tenant, id: _id, created_at: _created, updated_at: _updated, ...changes } = next;
    const updated = await updateInterviewRow(trx, tenant.id, id, changes);
    await appendEvent(trx, {
      type: 'interview.updated',
      tenantId: tenant.id,
      aggregateId: id,
      payload: { ...toInterviewSnapshot(updated, application, viewer), changedFields: plan.changedFields },
    });
    return updated;
  });
}

async function cancelInterview(_: unknown, args: { id: string }, ctx: ApplicationsContext): Promise<InterviewRow> {
  const viewer = requireRole(ctx, 'EMPLOYER', 'ADMIN');
  const tenant = requireTenant(ctx);
  const id = parseId(args.id, 'id');
  return inTenant(ctx.db, tenant.id, async (trx) => {
    const { interview, application } = await lockInterviewForChange(trx, tenant.id, viewer, id);
    if (interview.status !== 'SCHEDULED') {
      throw conflict(`Interview "${id}" is ${interview.status}; only a SCHEDULED interview can be cancelled.`, { status: interview.status });
    }
    const cancelled = await updateInterviewRow(trx, tenant.id, id, { status: 'CANCELLED' });
    await appendEvent(trx, { type: 'interview.cancelled', tenantId: tenant.id, aggregateId: id, payload: toInterviewSnapshot(cancelled, application, viewer) });
    return cancelled;
  });
}

/** Returns the application when `viewer` is its employer side; raises NOT_FOUND for an application they may not see. */
function requireEmployerSide(viewer: Viewer, id: string, application: ApplicationRow | undefined): ApplicationRow {
  if (!application || !isEmployerSide(viewer, application)) {
    throw notFound(`Application "${id}" does not exist in this tenant or belongs to another employer's job; check the id.`, { field: 'applicationId' });
  }
  return application;
}

async function lockInterviewForChange(trx: Trx, tenantId: string, viewer: Viewer, id: string) {
  const interview = await lockInterview(trx, tenantId, id);
  const application = interview ? await lockApplication(trx, tenantId, interview.application_id) : undefined;
  if (!interview || !application) throw notFound(`Interview "${id}" does not exist in this tenant; check the id.`);
  if (!isEmployerSide(viewer, application)) {
    if (interview.interviewer_id !== viewer.userId) throw notFound(`Interview "${id}" does not exist in this tenant; check the id.`);
    throw forbidden(`Only the job's employer or an ADMIN may change interview "${id}"; its interviewer may not.`);
  }
  return { interview, application };
}

/**
 * Checks that `interviewerId` is an EMPLOYER or ADMIN of the tenant. The
 * caller's own role comes from the access token; anyone else's from the
 * replica of the users subgraph's events.
 */
async function checkInterviewer(trx: Trx, tenantId: string, viewer: Viewer, interviewerId: string): Promise<void> {
  const role = interviewerId === viewer.userId ? viewer.role : await findReplicatedRole(trx, tenantId, interviewerId);
  if (role === undefined) {
    throw badUserInput(`interviewerId "${interviewerId}" names no user of this tenant; pick an EMPLOYER or ADMIN, or retry in a few seconds for a new account.`, {
      field: 'interviewerId',
    });
  }
  if (role === 'CANDIDATE') {
    throw badUserInput(`interviewerId "${interviewerId}" is a CANDIDATE; an interviewer must be an EMPLOYER or ADMIN of the tenant.`, { field: 'interviewerId' });
  }
}

/** Raises CONFLICT when the interviewer has another SCHEDULED interview that overlaps [start, end). */
async function checkFreeSlot(trx: Trx, tenantId: string, interviewerId: string, start: Date, end: Date, exceptId: string | null): Promise<void> {
  await lockInterviewerSchedule(trx, tenantId, interviewerId);
  const clash = await findOverlappingInterview(trx, tenantId, interviewerId, start, end, exceptId);
  if (clash) {
    throw conflict(
      `Interviewer "${interviewerId}" already has interview "${clash.id}" from ${clash.scheduled_at.toISOString()} to ${clash.ends_at.toISOString()}, which overlaps; pick another time or interviewer.`,
      { field: 'scheduledAt', overlappingInterviewId: clash.id },
    );
  }
}

function toInterviewSnapshot(interview: InterviewRow, application: ApplicationRow, viewer: Viewer) {
  return {
    ...partiesOf(application),
    applicationId: application.id,
    interviewerId: interview.interviewer_id,
    scheduledAt: interview.scheduled_at,
    durationMinutes: interview.duration_minutes,
    type: interview.type,
    status: interview.status,
    changedBy: viewer.userId,
  };
}

export const interviewMutations = { scheduleInterview, updateInterview, cancelInterview };
