import { forbidden, requireTenant, requireViewer } from '@jobgraph/kit';
import { listDays, parseDateRange } from '../domain/date-range.ts';
import type { AnalyticsContext } from './context.ts';

/** What `Job.analytics` resolves to: the job's id, for the fields to load by. */
interface JobAnalyticsParent {
  readonly jobId: string;
}

/**
 * Returns the parent of the job's analytics when the viewer is its employer
 * (by the replica of the jobs subgraph's events) or an ADMIN; raises
 * UNAUTHENTICATED for an anonymous caller and FORBIDDEN for anyone else.
 */
async function jobAnalytics(job: { id: string }, _: unknown, ctx: AnalyticsContext): Promise<JobAnalyticsParent> {
  requireTenant(ctx);
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN') {
    const replica = await ctx.loaders.jobReplicaById.load(job.id);
    if (replica?.employer_id !== viewer.userId) throw forbidden(`Only the employer who owns job "${job.id}" and ADMINs may read its analytics.`);
  }
  return { jobId: job.id };
}

const totalsOf = async (parent: JobAnalyticsParent, ctx: AnalyticsContext) => ctx.loaders.jobTotalsById.load(parent.jobId);

async function conversionRate(parent: JobAnalyticsParent, _: unknown, ctx: AnalyticsContext): Promise<number> {
  const totals = await totalsOf(parent, ctx);
  if (!totals || totals.unique_viewers === 0) return 0;
  return totals.applications / totals.unique_viewers;
}

async function viewsByDay(parent: JobAnalyticsParent, args: { from: string; to: string }, ctx: AnalyticsContext) {
  const range = parseDateRange(args.from, args.to);
  const rows = await ctx.loaders.jobDailyViews(range).load(parent.jobId);
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return listDays(range).map((date) => ({ date, views: byDay.get(date)?.views ?? 0, uniqueViewers: byDay.get(date)?.unique_viewers ?? 0 }));
}

export const jobAnalyticsResolvers = {
  Job: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    analytics: jobAnalytics,
  },
  JobAnalytics: {
    views: async (parent: JobAnalyticsParent, _: unknown, ctx: AnalyticsContext) => (await totalsOf(parent, ctx))?.views ?? 0,
    uniqueViewers: async (parent: JobAnalyticsParent, _: unknown, ctx: AnalyticsContext) => (await totalsOf(parent, ctx))?.unique_viewers ?? 0,
    applications: async (parent: JobAnalyticsParent, _: unknown, ctx: AnalyticsContext) => (await totalsOf(parent, ctx))?.applications ?? 0,
    conversionRate,
    viewsByDay,
  },
};
