import { LRUCache } from 'lru-cache';
import { badUserInput, notFound } from '../errors/client-error.ts';
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
 * Wraps a lookup in a cache: found tenants are kept for five minutes, since a
 * slug never moves to another tenant, and unknown slugs for ten seconds, so
 * that a new tenant becomes usable soon after it registers.
 */
export function createCachedTenantDirectory(lookup: (slug: string) => Promise<Tenant | null>): TenantDirectory {
  const found = new LRUCache<string, Tenant>({ max: 10_000, ttl: 5 * 60_000 });
  const missing = new LRUCache<string, true>({ max: 10_000, ttl: 10_000 });
  return {
    async findBySlug(slug) {
      const cached = found.get(slug);
      if (cached) return cached;
      if (missing.has(slug) || !isTenantSlug(slug)) return null;
      const tenant = await lookup(slug);
      if (tenant) found.set(slug, tenant);
      else missing.set(slug, true);
      return tenant;
    },
  };
}

/** A cached directory that asks the users subgraph: `GET <usersUrl>/tenants/<slug>`. */
export function createHttpTenantDirectory(usersUrl: string): TenantDirectory {
  return createCachedTenantDirectory(async (slug) => {
    const response = await fetch(`${usersUrl}/tenants/${encodeURIComponent(slug)}`, { signal: AbortSignal.timeout(5_000) });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`The users subgraph answered ${response.status} for tenant "${slug}".`);
    return (await response.json()) as Tenant;
  });
}

/**
 * Finds the tenant an `X-Tenant` header names, or null when the header is
 * absent. A malformed slug raises BAD_USER_INPUT (HTTP 400) and an unknown
 * one NOT_FOUND (HTTP 404), before any resolver runs.
 */
export async function resolveTenantHeader(tenants: TenantDirectory, header: string | string[] | undefined): Promise<Tenant | null> {
  const slug = Array.isArray(header) ? header[0] : header;
  if (slug === undefined || slug === '') return null;
  if (!isTenantSlug(slug)) {
    throw withStatus(badUserInput(`X-Tenant "${slug}" is not a tenant slug; slugs are lower-case letters, digits and dashes, such as "demo".`), 400);
  }
  const tenant = await tenants.findBySlug(slug);
  if (!tenant) throw withStatus(notFound(`Tenant "${slug}" does not exist; check the X-Tenant header.`), 404);
  return tenant;
}

// Apollo Server answers a context error with HTTP 500 unless the error names a status.
function withStatus<E extends { extensions: Record<string, unknown> }>(error: E, status: number): E {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}
