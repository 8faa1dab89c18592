import { GraphQLError } from 'graphql';
import type { Tenant, Viewer } from '../context/request-context.ts';
import { resolveTenantHeader, type TenantDirectory } from '../context/tenant-directory.ts';
import { forbidden, unauthenticated } from '../errors/client-error.ts';
import { withHttpStatus } from '../errors/http-status.ts';
import type { AccessTokenVerifier } from './access-token-verifier.ts';
import { readBearerToken } from './bearer-token.ts';

/** Who sends a request and in which tenant it acts. */
export interface RequestIdentity {
  /** The tenant of `X-Tenant`, else the tenant of the access token, else null. */
  readonly tenant: Tenant | null;
  /** The user of the access token, or null for an anonymous request. */
  readonly viewer: Viewer | null;
}

/** The headers that identify a request, as Node's `IncomingMessage` has them. */
export interface IdentityHeaders {
  readonly authorization?: string | string[] | undefined;
  readonly 'x-tenant'?: string | string[] | undefined;
}

export interface IdentityServices {
  readonly verifier: AccessTokenVerifier;
  readonly tenants: TenantDirectory;
}

const statusByCode: Readonly<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * Identifies a request from its `Authorization` and `X-Tenant` headers.
 * Raises UNAUTHENTICATED (HTTP 401) for a malformed or invalid token, and
 * FORBIDDEN (HTTP 403) when the token's `tid` is not the tenant `X-Tenant`
 * names. A request with a token and no `X-Tenant` acts in the token's tenant.
 *
 * @example
 * const { tenant, viewer } = await identifyRequest(request.headers, { verifier, tenants });
 */
export async function identifyRequest(headers: IdentityHeaders, services: IdentityServices): Promise<RequestIdentity> {
  try {
    return await identify(headers, services);
  } catch (error) {
    const status = error instanceof GraphQLError ? statusByCode[String(error.extensions.code)] : undefined;
    if (status !== undefined && error instanceof GraphQLError && error.extensions.http === undefined) withHttpStatus(error, status);
    throw error;
  }
}

async function identify(headers: IdentityHeaders, { verifier, tenants }: IdentityServices): Promise<RequestIdentity> {
  const named = await resolveTenantHeader(tenants, headers['x-tenant']);
  const token = readBearerToken(headers.authorization);
  if (token === null) return { tenant: named, viewer: null };

  const claims = await verifier.verify(token);
  if (named && named.id !== claims.tenantId) {
    throw forbidden(`The access token belongs to another tenant than X-Tenant "${named.slug}". Send the token's own tenant in X-Tenant, or leave X-Tenant out.`);
  }
  const tenant = named ?? (await tenants.findById(claims.tenantId));
  if (!tenant) throw unauthenticated('The tenant of the access token no longer exists. Log in again.', { reason: 'INVALID_TOKEN' });
  return { tenant, viewer: { userId: claims.userId, role: claims.role } };
}
