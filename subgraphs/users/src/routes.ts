import { isId, type Logger } from '@jobgraph/kit';
import type { Request, Response, Router } from 'express';
import type { Kysely } from 'kysely';
import type { TenantRow, UsersDatabase } from './db/database.ts';
import { findTenantById, findTenantBySlug } from './db/user-queries.ts';
import type { UsersServices } from './services.ts';

/**
 * Adds the users subgraph's HTTP routes. Other services turn an X-Tenant slug
 * or a token's tenant id into a tenant at `/tenants/...`, and fetch the public
 * keys that verify access tokens at `/.well-known/jwks.json`. None of it is
 * secret: a tenant's id and slug and a public key.
 */
export function addRoutes(router: Router, { db, logger, services }: { db: Kysely<UsersDatabase>; logger: Logger; services: UsersServices }): void {
  router.get('/.well-known/jwks.json', (_request, response) => {
    // Verifiers refetch on an unknown kid, so a short cache costs nothing at rotation.
    response.setHeader('cache-control', 'public, max-age=300');
    response.json(services.signingKeys.jwks);
  });

  const sendTenant = async (request: Request, response: Response, label: string, find: () => Promise<TenantRow | undefined>) => {
    try {
      const tenant = await find();
      if (!tenant) response.status(404).json({ error: `Tenant ${label} does not exist.` });
      else response.json({ id: tenant.id, slug: tenant.slug });
    } catch (error) {
      logger.error({ err: error, path: request.path }, 'tenant lookup failed');
      response.status(500).json({ error: 'Tenant lookup failed.' });
    }
  };
  router.get('/tenants/by-id/:id', (request, response) => {
    const id = request.params.id;
    return sendTenant(request, response, `id "${id}"`, async () => (isId(id) ? findTenantById(db, id.toLowerCase()) : undefined));
  });
  router.get('/tenants/:slug', (request, response) => {
    const slug = request.params.slug;
    return sendTenant(request, response, `"${slug}"`, () => findTenantBySlug(db, slug));
  });
}
