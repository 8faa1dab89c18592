import { LRUCache } from 'lru-cache';
import type { Tenant } from './request-context.ts';

/** Finds tenants by slug. The users subgraph owns tenants; the others ask it. */
export interface TenantDirectory {
  findBySlug(slug: string): Promise<Tenant | null>;
}

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Tells whether `slug` has the form of a tenant slug: lower-case letters, digits and inner dashes. */
export function isTenantSlug(slug: string): boolean {
  return slugPattern.test(slug);
}

/**
 * A directory that asks the users subgraph (`GET <usersUrl>/tenants/<slug>`)
 * and caches its answers: found tenants for five minutes, since a slug never
 * moves to another tenant, and unknown slugs for ten seconds, so that a new
 * tenant becomes usable soon after it registers.
 */
export function createHttpTenantDirectory(usersUrl: string): TenantDirectory {
  const found = new LRUCache<string, Tenant>({ max: 10_000, ttl: 5 * 60_000 });
  const missing = new LRUCache<string, true>({ max: 10_000, ttl: 10_000 });
  return {
    async findBySlug(slug) {
      const cached = found.get(slug);
      if (cached) return cached;
      if (missing.has(slug) || !isTenantSlug(slug)) return null;
      const response = await fetch(`${usersUrl}/tenants/${encodeURIComponent(slug)}`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 404) {
        missing.set(slug, true);
        return null;
      }
      if (!response.ok) throw new Error(`The users subgraph answered ${response.status} for tenant "${slug}".`);
      const tenant = (await response.json()) as Tenant;
      found.set(slug, tenant);
      return tenant;
    },
  };
}
