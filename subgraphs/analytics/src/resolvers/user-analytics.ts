import { forbidden, isSelfOrAdmin, requireTenant, requireViewer } from '@jobgraph/kit';
import type { UserTotalsRow } from '../db/database.ts';
import type { AnalyticsContext } from './context.ts';

/** Returns the user's totals, zero when nothing was counted yet, to the user themselves and ADMINs; raises FORBIDDEN for anyone else. */
async function userAnalytics(user: { id: string }, _: unknown, ctx: AnalyticsContext) {
  requireTenant(ctx);
  const viewer = requireViewer(ctx);
  if (!isSelfOrAdmin(viewer, user.id)) throw forbidden(`Only user "${user.id}" and ADMINs may read the user's analytics.`);
  const totals: UserTotalsRow | null = await ctx.loaders.userTotalsById.load(user.id);
  return {
    applicationsSubmitted: totals?.applications_submitted ?? 0,
    jobsViewed: totals?.jobs_viewed ?? 0,
    jobsPosted: totals?.jobs_posted ?? 0,
  };
}

export const userAnalyticsResolvers = {
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    analytics: userAnalytics,
  },
};
