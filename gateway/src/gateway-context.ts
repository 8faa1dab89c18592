import type { Logger } from 'pino';

/** The context of one request at the gateway. */
export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** The caller's `Authorization` header, forwarded unchanged. */
  readonly authorization: string | undefined;
  /** The slug of the tenant the request acts in: from `X-Tenant`, the access token, or the configured default tenant. */
  readonly tenantSlug: string | undefined;
  /** The address the request came from, forwarded as `X-Forwarded-For` for per-client limits. */
  readonly clientAddress: string | undefined;
  /** The caller's `X-Viewer-Id` header, the id an anonymous client counts its job views by; the analytics subgraph checks it. */
  readonly viewerId: string | undefined;
}
