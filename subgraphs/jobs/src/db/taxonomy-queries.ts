import { newId } from '@jobgraph/kit';
import type { Insertable, Transaction } from 'kysely';
import { foldForSearch, slugify } from '../domain/text.ts';
import { standardCategories, standardSkills, standardTaxonomyVersion, type StandardCategory } from '../domain/standard-taxonomy.ts';
import type { CategoriesTable, JobsDatabase } from './database.ts';

/**
 * Loads the standard categories and skills into a tenant that lacks them or
 * has an older version of them, and returns whether it loaded anything.
 * Entries whose slug the tenant already uses are skipped, so a tenant's own
 * categories and skills stay as they are. Two requests racing here are
 * serialised by the primary key of `taxonomy_loads`.
 */
export async function ensureStandardTaxonomy(trx: Transaction<JobsDatabase>, tenantId: string): Promise<boolean> {
  const claimed = await trx
    .insertInto('taxonomy_loads')
    .values({ tenant_id: tenantId, version: standardTaxonomyVersion })
    .onConflict((conflict) =>
      conflict
        .column('tenant_id')
        .doUpdateSet({ version: standardTaxonomyVersion, loaded_at: new Date() })
        .where('taxonomy_loads.version', '<', standardTaxonomyVersion),
    )
    .returning('tenant_id')
    .executeTakeFirst();
  if (!claimed) return false;

  await insertCategories(trx, categoryRows(tenantId, standardCategories, null));
  const parents = await trx
    .selectFrom('categories')
    .select(['id', 'slug'])
    .where('tenant_id', '=', tenantId)
    .where('slug', 'in', standardCategories.map((category) => slugify(category.name)))
    .execute();
  const parentIdBySlug = new Map(parents.map((parent) => [parent.slug, parent.id]));
  const children = standardCategories.flatMap((root) => {
    const parentId = parentIdBySlug.get(slugify(root.name));
    return parentId && root.children ? categoryRows(tenantId, root.children, parentId) : [];
  });
  await insertCategories(trx, children);

  await trx
    .insertInto('skills')
    .values(standardSkills.map((name) => ({ tenant_id: tenantId, id: newId(), name, slug: slugify(name), search_name: foldForSearch(name) })))
    .onConflict((conflict) => conflict.columns(['tenant_id', 'slug']).doNothing())
    .execute();
  return true;
}

function categoryRows(tenantId: string, categories: readonly StandardCategory[], parentId: string | null): Insertable<CategoriesTable>[] {
  return categories.map((category, position) => ({
    tenant_id: tenantId,
    id: newId(),
    parent_id: parentId,
    name: category.name,
    slug: slugify(category.name),
    description: category.description ?? null,
    position,
  }));
}

async function insertCategories(trx: Transaction<JobsDatabase>, rows: readonly Insertable<CategoriesTable>[]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('categories')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['tenant_id', 'slug']).doNothing())
    .execute();
}
