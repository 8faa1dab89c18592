import { buildConnection, forbidden, parsePageArgs, requireTenant, requireViewer } from '@jobgraph/kit';
import type { ApplicationRow, ApplicationStatus } from '../db/database.ts';
import type { ApplicationsContext } from './context.ts';

interface ApplicationsArgs {
  readonly status?: ApplicationStatus | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

const cursorOf = (application: ApplicationRow) => ({ key: null, id: application.id });

/** Tells whether the viewer may read every application to `jobId`: its employer, by the replica, or an ADMIN. */
async function mayReadJobApplications(ctx: ApplicationsContext, jobId: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  if (viewer.role === 'ADMIN') return true;
  const job = await ctx.loaders.jobReplicaById.load(jobId);
  return job?.employer_id === viewer.userId;
}

async function jobApplications(job: { id: string }, args: ApplicationsArgs, ctx: ApplicationsContext) {
  requireTenant(ctx);
  const page = parsePageArgs(args);
  if (!(await mayReadJobApplications(ctx, job.id))) {
    throw forbidden(`Only the employer who owns job "${job.id}" and ADMINs may read its applications.`);
  }
  const status = args.status ?? undefined;
  const rows = await ctx.loaders.jobApplications({ status, limit: page.limit, after: page.after }).load(job.id);
  return buildConnection(rows, page, cursorOf, async () => (await ctx.loaders.jobApplicationCount(status).load(job.id))?.count ?? 0);
}

async function applicationCount(job: { id: string }, _: unknown, ctx: ApplicationsContext): Promise<number | null> {
  if (!ctx.tenant || !ctx.viewer || !(await mayReadJobApplications(ctx, job.id))) return null;
  return (await ctx.loaders.jobApplicationCount(undefined).load(job.id))?.count ?? 0;
}

async function myApplication(job: { id: string }, _: unknown, ctx: ApplicationsContext): Promise<ApplicationRow | null> {
  if (!ctx.tenant || !ctx.viewer) return null;
  const mine = await ctx.loaders.myApplicationsByJob.load(job.id);
  return mine[0] ?? null;
}

async function userApplications(user: { id: string }, args: ApplicationsArgs, ctx: ApplicationsContext) {
  requireViewer(ctx);
  requireTenant(ctx);
  const page = parsePageArgs(args);
  const status = args.status ?? undefined;
  // The query keeps to the applications the viewer may see, so another candidate gets an empty list.
  const rows = await ctx.loaders.userApplications({ status, limit: page.limit, after: page.after }).load(user.id);
  return buildConnection(rows, page, cursorOf, async () => (await ctx.loaders.userApplicationCount(status).load(user.id))?.count ?? 0);
}

export const applicationLists = {
  Job: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    applications: jobApplications,
    applicationCount,
    myApplication,
  },
  User: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    applications: userApplications,
  },
};
