import { readFileSync } from 'node:fs';
import { createCachedTenantDirectory, defineSubgraph, type Tenant } from '@jobgraph/kit';
import { applicantEmployers } from './consumers/applicant-employers.ts';
import type { TenantRow, UsersDatabase } from './db/database.ts';
import { findTenantById, findTenantBySlug } from './db/user-queries.ts';
import { migrations } from './db/migrations/index.ts';
import { seedDemo } from './demo.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { addRoutes } from './routes.ts';
import { createServices } from './services.ts';

const toTenant = (row: TenantRow | undefined): Tenant | null => (row ? { id: row.id, slug: row.slug } : null);

/** The users subgraph: tenants, accounts and authentication. */
export const usersSubgraph = defineSubgraph({
  name: 'users',
  defaultPort: 4001,
  typeDefs: readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'),
  resolvers,
  migrations,
  createLoaders,
  seedDemo,
  createServices,
  // The users subgraph signs the tokens, so it verifies them with its own keys instead of its JWKS over HTTP.
  accessTokenKeys: (services) => services.signingKeys.verificationKeys,
  tenantDirectory: (db) =>
    createCachedTenantDirectory({
      bySlug: async (slug) => toTenant(await findTenantBySlug(db, slug)),
      byId: async (id) => toTenant(await findTenantById(db, id)),
    }),
  routes: addRoutes,
  consumers: [applicantEmployers],
});

export type { UsersDatabase };

export default usersSubgraph;
