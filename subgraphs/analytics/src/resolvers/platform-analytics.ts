import { inTenant, requireRole, requireTenant } from '@jobgraph/kit';
import { listPlatformDays } from '../db/metric-queries.ts';
import { listDays, parseDateRange } from '../domain/date-range.ts';
import type { AnalyticsContext } from './context.ts';

/** Returns one row per day of the range, quiet days as zeros. ADMINs only. */
async function platformAnalytics(_: unknown, args: { from: string; to: string }, ctx: AnalyticsContext) {
  requireRole(ctx, 'ADMIN');
  const tenant = requireTenant(ctx);
  const range = parseDateRange(args.from, args.to);
  const rows = await inTenant(ctx.db, tenant.id, (trx) => listPlatformDays(trx, tenant.id, range));
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return listDays(range).map((date) => {
    const row = byDay.get(date);
    return { date, newUsers: row?.new_users ?? 0, jobsPosted: row?.jobs_posted ?? 0, applications: row?.applications ?? 0, hires: row?.hires ?? 0 };
  });
}

export const platformAnalyticsResolvers = {
  Query: { platformAnalytics },
};
