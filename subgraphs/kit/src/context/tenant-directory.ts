import { LRUCache } from 'lru-cache';
import { badUserInput, notFound } from '../errors/client-error.ts';
import { quoteValue } from '../errors/quote-value.ts';
import { isId } from '../graphql/ids.ts';
import type { Tenant } from './request-context.ts';

/** Finds tenants by slug or id. The users subgraph owns tenants; the others ask it. */
export interface TenantDirectory {
  findBySlug(slug: string): Promise<Tenant | null>;
  /** Finds the tenant of an access token's `tid`, for requests that send a token and no `X-Tenant`. */
  findById(id: string): Promise<Tenant | null>;
}

/** The uncached lookups a directory is built on. */
export interface TenantLookup {
  bySlug(slug: string): Promise<Tenant | null>;
  byId(id: string): Promise<Tenant | null>;
}

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Tells whether `slug` has the form of a tenant slug: lower-case letters, digits and inner dashes. */
export function isTenantSlug(slug: string): boolean {
  return slugPattern.test(slug);
}

/**
 * Wraps lookups in a cache: found tenants are kept for five minutes, since a
 * slug never moves to another tenant, and unknown slugs and ids for ten
 * seconds, so that a new tenant becomes usable soon after it registers.
 */
export function createCachedTenantDirectory(lookup: TenantLookup): TenantDirectory {
  const found = new LRUCache<string, Tenant>({ max: 10_000, ttl: 5 * 60_000 });
  const missing = new LRUCache<string, true>({ max: 10_000, ttl: 10_000 });
  const find = async (key: string, fetchTenant: () => Promise<Tenant | null>) => {
    const cached = found.get(key);
    if (cached) return cached;
    if (missing.has(key)) return null;
    const tenant = await fetchTenant();
    if (tenant) found.set(key, tenant);
    else missing.set(key, true);
    return tenant;
  };
  return {
    findBySlug: async (slug) => (isTenantSlug(slug) ? find(`slug:${slug}`, () => lookup.bySlug(slug)) : null),
    findById: async (id) => (isId(id) ? find(`id:${id.toLowerCase()}`, () => lookup.byId(id.toLowerCase())) : null),
  };
}

/**
 * A cached directory that queries the users subgraph: `GET <usersUrl>/tenants/<slug>`
 * and `GET <usersUrl>/tenants/by-id/<id>`.
 */
export function createHttpTenantDirectory(usersUrl: string): TenantDirectory {
  const fetchTenant = async (path: string, label: string): Promise<Tenant | null> => {
    const response = await fetch(`${usersUrl}/tenants/${path}`, { signal: AbortSignal.timeout(5_000) });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`The users subgraph returned HTTP ${response.status} for tenant ${label}.`);
    return (await response.json()) as Tenant;
  };
  return createCachedTenantDirectory({
    bySlug: (slug) => fetchTenant(encodeURIComponent(slug), `"${slug}"`),
    byId: (id) => fetchTenant(`by-id/${encodeURIComponent(id)}`, `id "${id}"`),
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
    throw withStatus(badUserInput(`X-Tenant "${quoteValue(slug)}" is not a tenant slug; slugs are lower-case letters, digits and dashes, such as "demo".`), 400);
  }
  const tenant = await tenants.findBySlug(slug);
  if (!tenant) throw withStatus(notFound(`Tenant "${slug}" does not exist; check the X-Tenant header.`), 404);
  return tenant;
}

// Apollo Server responds to a context error with HTTP 500 unless the error names a status.
function withStatus<E extends { extensions: Record<string, unknown> }>(error: E, status: number): E {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}
