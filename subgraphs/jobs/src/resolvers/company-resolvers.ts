import { buildConnection, inTenant, parseId, parsePageArgs, requireTenant } from '@jobgraph/kit';
import { countCompanies, listCompanies } from '../db/company-queries.ts';
import type { CompanyRow, JobStatus } from '../db/database.ts';
import { checkCursorOrder } from '../db/job-order.ts';
import type { JobsContext } from './context.ts';
import { jobCursorOf } from './job-connection.ts';
import type { PageArgs } from './page-args.ts';

export const companyResolvers = {
  Query: {
    company: (_: unknown, args: { id: string }, ctx: JobsContext) => {
      requireTenant(ctx);
      return ctx.loaders.companyById.load(parseId(args.id, 'id'));
    },
    companies: async (_: unknown, args: PageArgs, ctx: JobsContext) => {
      const tenant = requireTenant(ctx);
      const page = parsePageArgs(args);
      const rows = await inTenant(ctx.db, tenant.id, (trx) => listCompanies(trx, tenant.id, page.limit, page.after));
      return buildConnection(rows, page, (company) => ({ key: null, id: company.id }), () =>
        inTenant(ctx.db, tenant.id, (trx) => countCompanies(trx, tenant.id)),
      );
    },
  },
  Company: {
    __resolveReference: (reference: { id: string }, ctx: JobsContext) => ctx.loaders.companyById.load(reference.id),
    owner: (company: CompanyRow) => ({ __typename: 'User', id: company.owner_id }),
    // Batched: every company of a response asking for the same page shares one query, and one more for totalCount.
    jobs: async (company: CompanyRow, args: PageArgs & { status?: JobStatus | null }, ctx: JobsContext) => {
      const page = parsePageArgs(args);
      checkCursorOrder('NEWEST', page.after, args.after);
      const status = args.status ?? undefined;
      const rows = await ctx.loaders.companyJobs({ status, limit: page.limit, after: page.after }).load(company.id);
      return buildConnection(rows, page, jobCursorOf, async () => (await ctx.loaders.companyJobCount(status).load(company.id))?.count ?? 0);
    },
    foundedYear: (company: CompanyRow) => company.founded_year,
    isVerified: (company: CompanyRow) => company.is_verified,
    createdAt: (company: CompanyRow) => company.created_at,
    updatedAt: (company: CompanyRow) => company.updated_at,
  },
};
