import { badUserInput, conflict, inTenant, maxPageSize, newId, requireRole, requireTenant } from '@jobgraph/kit';
import { findSkillBySlug, searchSkills } from '../db/skill-queries.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { checkName } from '../domain/field-checks.ts';
import { foldForSearch, slugify } from '../domain/text.ts';
import type { JobsContext } from './context.ts';
import { ensureTaxonomyLoaded } from './taxonomy.ts';

const skillNameMax = 100;
const maxSearchLength = 100;

export const skillResolvers = {
  Query: {
    skills: async (_: unknown, args: { search?: string | null; first?: number | null }, ctx: JobsContext) => {
      const tenant = requireTenant(ctx);
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 0 || first > maxPageSize) {
        throw badUserInput(`first: ${first} is out of range; ask for 0 to ${maxPageSize} skills and narrow the search for more.`, { argument: 'first' });
      }
      const search = args.search ?? '';
      if (search.length > maxSearchLength) {
        throw badUserInput(`search is ${search.length} characters long; use at most ${maxSearchLength}.`, { argument: 'search' });
      }
      await ensureTaxonomyLoaded(ctx, tenant.id);
      return inTenant(ctx.db, tenant.id, (trx) => searchSkills(trx, tenant.id, search, first));
    },
  },
  Mutation: {
    createSkill: async (_: unknown, args: { input: { name: string } }, ctx: JobsContext) => {
      requireRole(ctx, 'EMPLOYER', 'ADMIN');
      const tenant = requireTenant(ctx);
      const name = checkName('name', args.input.name, 1, skillNameMax);
      const slug = slugify(name);
      if (slug === '') {
        throw badUserInput(`name "${name}" has no letter or digit to make a slug from; use a name such as "TypeScript".`, { field: 'name' });
      }
      return inTenant(ctx.db, tenant.id, async (trx) => {
        const existing = await findSkillBySlug(trx, tenant.id, slug);
        if (existing) {
          throw conflict(`Skill "${existing.name}" (slug "${slug}") already exists with id "${existing.id}"; use that id instead.`, {
            existingId: existing.id,
          });
        }
        return trx
          .insertInto('skills')
          .values({ tenant_id: tenant.id, id: newId(), name, slug, search_name: foldForSearch(name) })
          .returningAll()
          .executeTakeFirstOrThrow()
          .catch((error: unknown) => {
            // Another request created the same slug between the check and the insert.
            if (isUniqueViolation(error, 'skills_slug_key')) throw conflict(`Skill slug "${slug}" was taken a moment ago; search for it with skills(search).`);
            throw error;
          });
      });
    },
  },
  Skill: {
    __resolveReference: (reference: { id: string }, ctx: JobsContext) => ctx.loaders.skillById.load(reference.id),
  },
};
