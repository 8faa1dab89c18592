import { appendEvent, inTenant, notFound, parseId, requireTenant, type Viewer } from '@jobgraph/kit';
import type { JobReplicaRow } from '../db/database.ts';
import { findJobReplicasByIds } from '../db/metric-queries.ts';
import { parseViewerId } from '../domain/viewer-id.ts';
import { readAnalyticsHeaders } from '../request-headers.ts';
import type { AnalyticsContext } from './context.ts';

/** The view `recordJobView` returns. */
interface JobView {
  readonly id: string;
  readonly jobId: string;
  readonly viewedAt: string;
}

/**
 * Records one view of a job by the caller. The only write is the
 * `job.viewed` event in the outbox; the metrics consumer counts it, so a page
 * view costs one insert and never updates a shared counter row in the request.
 *
 * NOTE: nothing limits how often one client records views, and an anonymous
 * client may send a new X-Viewer-Id each time, so a script can inflate
 * `views` and `uniqueViewers`. Each view also leaves an outbox row and an
 * inbox row that are never pruned yet.
 */
async function recordJobView(_: unknown, args: { jobId: string }, ctx: AnalyticsContext): Promise<JobView> {
  const tenant = requireTenant(ctx);
  const jobId = parseId(args.jobId, 'jobId');
  const viewer = ctx.viewer;
  const anonymousViewerId = viewer ? null : parseViewerId(readAnalyticsHeaders().viewerId);

  return inTenant(ctx.db, tenant.id, async (trx) => {
    const [job] = await findJobReplicasByIds(trx, tenant.id, [jobId]);
    if (!job || !maySee(viewer, job)) {
      throw notFound(`Job "${jobId}" does not exist in this tenant or is not visible to you; check the id, or retry in a few seconds for a job published just now.`, {
        argument: 'jobId',
      });
    }
    const event = await appendEvent(trx, {
      type: 'job.viewed',
      tenantId: tenant.id,
      aggregateId: jobId,
      payload: { userId: viewer?.userId ?? null, anonymousViewerId, viewedAt: new Date() },
    });
    return { id: event.id, jobId, viewedAt: event.payload.viewedAt };
  });
}

/** Tells whether `viewer` may see `job`: a PUBLISHED job everyone, any other only its employer and ADMINs. */
function maySee(viewer: Viewer | null, job: JobReplicaRow): boolean {
  if (job.status === 'PUBLISHED') return true;
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === job.employer_id);
}

export const recordJobViewResolvers = {
  Mutation: { recordJobView },
  JobView: {
    job: (view: JobView) => ({ __typename: 'Job', id: view.jobId }),
  },
};
