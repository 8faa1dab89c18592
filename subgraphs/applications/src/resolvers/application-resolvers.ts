import { parseId, requireTenant } from '@jobgraph/kit';
import type { ApplicationRow, AttachmentRow, StatusChangeRow } from '../db/database.ts';
import { isEmployerSide } from './application-access.ts';
import type { ApplicationsContext } from './context.ts';

export const applicationResolvers = {
  Query: {
    application: (_: unknown, args: { id: string }, ctx: ApplicationsContext) => {
      requireTenant(ctx);
      return ctx.loaders.applicationById.load(parseId(args.id, 'id'));
    },
  },
  Application: {
    __resolveReference: (reference: { id: string }, ctx: ApplicationsContext) => ctx.loaders.applicationById.load(reference.id),
    job: (application: ApplicationRow) => ({ __typename: 'Job', id: application.job_id }),
    applicant: (application: ApplicationRow) => ({ __typename: 'User', id: application.applicant_id }),
    coverLetter: (application: ApplicationRow) => application.cover_letter,
    resumeUrl: (application: ApplicationRow) => application.resume_url,
    expectedSalary: (application: ApplicationRow) => (application.expected_salary === null ? null : Number(application.expected_salary)),
    availableFrom: (application: ApplicationRow) => application.available_from,
    notes: (application: ApplicationRow, _: unknown, ctx: ApplicationsContext) => (isEmployerSide(ctx.viewer, application) ? application.notes : null),
    attachments: (application: ApplicationRow, _: unknown, ctx: ApplicationsContext) => ctx.loaders.attachmentsByApplication.load(application.id),
    statusHistory: (application: ApplicationRow, _: unknown, ctx: ApplicationsContext) => ctx.loaders.statusChangesByApplication.load(application.id),
    interviews: (application: ApplicationRow, _: unknown, ctx: ApplicationsContext) => ctx.loaders.interviewsByApplication.load(application.id),
    appliedAt: (application: ApplicationRow) => application.applied_at,
    updatedAt: (application: ApplicationRow) => application.updated_at,
  },
  ApplicationStatusChange: {
    from: (change: StatusChangeRow) => change.from_status,
    to: (change: StatusChangeRow) => change.to_status,
    changedBy: (change: StatusChangeRow) => ({ __typename: 'User', id: change.changed_by }),
    changedAt: (change: StatusChangeRow) => change.changed_at,
  },
  ApplicationAttachment: {
    contentType: (attachment: AttachmentRow) => attachment.content_type,
    sizeBytes: (attachment: AttachmentRow) => attachment.size_bytes,
    uploadedAt: (attachment: AttachmentRow) => attachment.uploaded_at,
  },
};
