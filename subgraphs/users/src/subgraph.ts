import { readFileSync } from 'node:fs';
import { createCachedTenantDirectory, defineSubgraph } from '@jobgraph/kit';
import type { UsersDatabase } from './db/database.ts';
import { findTenantBySlug } from './db/user-queries.ts';
import { migrations } from './db/migrations/index.ts';
import { seedDemo } from './demo.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';

/** The users subgraph: tenants, accounts and authentication. */
export const usersSubgraph = defineSubgraph({
  name: 'users',
  defaultPort: 4001,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  createLoaders,
  seedDemo,
  tenantDirectory: (db) =>
    createCachedTenantDirectory(async (slug) => {
      const tenant = await findTenantBySlug(db, slug);
      return tenant ? { id: tenant.id, slug: tenant.slug } : null;
    }),
  routes(router, { db, logger }) {
    // Other subgraphs turn an X-Tenant slug into a tenant id here; a tenant's id and slug are not secret.
    router.get('/tenants/:slug', async (request, response) => {
      try {
        const tenant = await findTenantBySlug(db, request.params.slug);
        if (!tenant) response.status(404).json({ error: `Tenant "${request.params.slug}" does not exist.` });
        else response.json({ id: tenant.id, slug: tenant.slug });
      } catch (error) {
        logger.error({ err: error, slug: request.params.slug }, 'tenant lookup failed');
        response.status(500).json({ error: 'Tenant lookup failed.' });
      }
    });
  },
});

export type { UsersDatabase };

export default usersSubgraph;
