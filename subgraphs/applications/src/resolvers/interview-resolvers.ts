import { badUserInput, buildConnection, inTenant, parsePageArgs, quoteValue, requireTenant, requireViewer, type Cursor } from '@jobgraph/kit';
import { countInterviews, listInterviews, type InterviewWindow } from '../db/interview-queries.ts';
import type { InterviewRow } from '../db/database.ts';
import type { ApplicationsContext } from './context.ts';

interface InterviewsArgs {
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

// The times a DateTime may hold, from 0001-01-01 to the end of 9999, in epoch milliseconds.
const earliestTime = Date.parse('0001-01-01T00:00:00Z');
const latestTime = Date.parse('9999-12-31T23:59:59.999Z');

/** Raises BAD_USER_INPUT unless `cursor` contains an interview's start time, as the cursors of `interviews` do. */
function checkInterviewCursor(cursor: Cursor | null, raw: string | null | undefined): void {
  if (cursor === null) return;
  const { key } = cursor;
  if (typeof key === 'number' && Number.isInteger(key) && key >= earliestTime && key <= latestTime) return;
  throw badUserInput(`Cursor "${quoteValue(raw ?? '')}" is not a cursor of interviews; pass the endCursor of a previous interviews page unchanged, or omit "after".`, {
    argument: 'after',
  });
}

async function interviews(_: unknown, args: InterviewsArgs, ctx: ApplicationsContext) {
  const viewer = requireViewer(ctx);
  const tenant = requireTenant(ctx);
  const page = parsePageArgs(args);
  checkInterviewCursor(page.after, args.after);
  const window: InterviewWindow = { from: args.from ?? null, to: args.to ?? null };
  if (window.from && window.to && window.from >= window.to) {
    throw badUserInput(`from "${window.from.toISOString()}" is not before to "${window.to.toISOString()}"; give a window that ends after it starts.`, {
      argument: 'to',
    });
  }
  const rows = await inTenant(ctx.db, tenant.id, (trx) => listInterviews(trx, tenant.id, viewer, window, page.limit, page.after));
  const cursorOf = (interview: InterviewRow) => ({ key: interview.scheduled_at.getTime(), id: interview.id });
  return buildConnection(rows, page, cursorOf, () => inTenant(ctx.db, tenant.id, (trx) => countInterviews(trx, tenant.id, viewer, window)));
}

// Feedback and ratings belong to the employer side, so a candidate reads the interviews of their applications without them.
const employerSideOnly = (value: string | number | null, ctx: ApplicationsContext) => (ctx.viewer && ctx.viewer.role !== 'CANDIDATE' ? value : null);

export const interviewResolvers = {
  Query: { interviews },
  Interview: {
    __resolveReference: (reference: { id: string }, ctx: ApplicationsContext) => ctx.loaders.interviewById.load(reference.id),
    application: (interview: InterviewRow, _: unknown, ctx: ApplicationsContext) => ctx.loaders.applicationById.load(interview.application_id),
    scheduledAt: (interview: InterviewRow) => interview.scheduled_at,
    durationMinutes: (interview: InterviewRow) => interview.duration_minutes,
    meetingUrl: (interview: InterviewRow) => interview.meeting_url,
    interviewer: (interview: InterviewRow) => ({ __typename: 'User', id: interview.interviewer_id }),
    feedback: (interview: InterviewRow, _: unknown, ctx: ApplicationsContext) => employerSideOnly(interview.feedback, ctx),
    rating: (interview: InterviewRow, _: unknown, ctx: ApplicationsContext) => employerSideOnly(interview.rating, ctx),
    createdAt: (interview: InterviewRow) => interview.created_at,
    updatedAt: (interview: InterviewRow) => interview.updated_at,
  },
};
