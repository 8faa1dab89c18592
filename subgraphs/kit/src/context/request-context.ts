import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { badUserInput } from '../errors/client-error.ts';

/** A tenant: one job platform hosted on jobgraph. */
export interface Tenant {
  readonly id: string;
  readonly slug: string;
}

export type UserRole = 'CANDIDATE' | 'EMPLOYER' | 'ADMIN';

/** The authenticated user of a request. */
export interface Viewer {
  readonly userId: string;
  readonly role: UserRole;
}

/** What every resolver of every subgraph receives as its context. */
export interface RequestContext<DB = unknown, Loaders = unknown, Services = unknown> {
  /** From the gateway's `x-request-id`, or new when the request came without one. */
  readonly requestId: string;
  /** A child of the service logger that carries the request id and tenant id. */
  readonly logger: Logger;
  /** The tenant the request acts in, or null when it named none. */
  readonly tenant: Tenant | null;
  /** The authenticated user, or null for an anonymous request. */
  readonly viewer: Viewer | null;
  /** The IP address of the client, as the gateway saw it; it keys per-client rate limits. */
  readonly clientAddress: string;
  readonly db: Kysely<DB>;
  /** DataLoaders made for this request alone, so no cache outlives it. */
  readonly loaders: Loaders;
  /** The services the subgraph's `createServices` built at start, shared by all requests. */
  readonly services: Services;
}

/** Returns the request's tenant, or raises BAD_USER_INPUT when the request named none. */
export function requireTenant(ctx: Pick<RequestContext, 'tenant'>): Tenant {
  if (!ctx.tenant) {
    throw badUserInput('No tenant given. Name the tenant by its slug in the X-Tenant header (for example "X-Tenant: demo"), or send an access token.');
  }
  return ctx.tenant;
}
