import { buildConnection, inTenant, parsePageArgs, requireTenant } from '@jobgraph/kit';
import type { JobsContext } from './context.ts';
import type { ListedJobRow } from '../db/job-queries.ts';
import { countJobs, listJobs, type JobFilter } from '../db/job-queries.ts';
import { checkCursorOrder, type JobOrderBy } from '../db/job-order.ts';
import type { PageArgs } from './page-args.ts';

/** Returns the cursor of a listed job: its sort value and its id. */
export function jobCursorOf(job: ListedJobRow) {
  return { key: job.sort_key, id: job.id };
}

/** Builds the connection of the jobs that match `filter` and that the request's viewer may see. */
export async function buildJobConnection(ctx: JobsContext, args: PageArgs, filter: JobFilter, orderBy: JobOrderBy) {
  const tenant = requireTenant(ctx);
  const page = parsePageArgs(args);
  checkCursorOrder(orderBy, page.after, args.after);
  const rows = await inTenant(ctx.db, tenant.id, (trx) => listJobs(trx, tenant.id, ctx.viewer, filter, orderBy, page.limit, page.after));
  return buildConnection(rows, page, jobCursorOf, () => inTenant(ctx.db, tenant.id, (trx) => countJobs(trx, tenant.id, ctx.viewer, filter)));
}
