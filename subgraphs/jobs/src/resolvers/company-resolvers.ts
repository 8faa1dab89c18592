import { buildConnection, inTenant, parseId, parsePageArgs, requireTenant } from '@jobgraph/kit';
import type { CompanyRow } from '../db/database.ts';
import { countCompanies, listCompanies } from '../db/job-queries.ts';
import type { JobsContext } from './context.ts';
import { jobConnection } from './job-resolvers.ts';

interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

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
    // TODO(jobs-loaders): one query per company; listing many companies with their jobs is N+1 until this is batched.
    jobs: (company: CompanyRow, args: PageArgs & { status?: string | null }, ctx: JobsContext) =>
      jobConnection(ctx, args, { companyId: company.id, ...(args.status ? { status: args.status } : {}) }),
    foundedYear: (company: CompanyRow) => company.founded_year,
    isVerified: (company: CompanyRow) => company.is_verified,
    createdAt: (company: CompanyRow) => company.created_at,
    updatedAt: (company: CompanyRow) => company.updated_at,
  },
};
