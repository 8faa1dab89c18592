import type { Logger } from 'pino';

/** The context of one request at the gateway. */
export interface GatewayContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** The caller's `Authorization` header, forwarded unchanged. */
  readonly authorization: string | undefined;
  /** The tenant slug from `X-Tenant`, or the configured default tenant. */
  readonly tenantSlug: string | undefined;
}
