import { isId, requireTenant } from '@jobgraph/kit';
import type { CategoryRow } from '../db/database.ts';
import type { JobsContext } from './context.ts';
import { ensureTaxonomyLoaded } from './taxonomy.ts';

export const categoryResolvers = {
  Query: {
    jobCategories: async (_: unknown, _args: unknown, ctx: JobsContext) => {
      const tenant = requireTenant(ctx);
      await ensureTaxonomyLoaded(ctx, tenant.id);
      return (await ctx.loaders.categoryTree()).roots;
    },
  },
  JobCategory: {
    __resolveReference: (reference: { id: string }, ctx: JobsContext) => (isId(reference.id) ? ctx.loaders.categoryById(reference.id) : null),
    parent: (category: CategoryRow, _: unknown, ctx: JobsContext) => (category.parent_id ? ctx.loaders.categoryById(category.parent_id) : null),
    children: async (category: CategoryRow, _: unknown, ctx: JobsContext) => (await ctx.loaders.categoryTree()).childrenById.get(category.id) ?? [],
  },
};
