import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './gateway-context.ts';

/**
 * Sends the gateway's subgraph fetches with the caller's credentials, tenant
 * and request id, so that each subgraph verifies and scopes the request itself.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set('x-request-id', context.requestId);
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.tenantSlug) headers.set('x-tenant', context.tenantSlug);
    if (context.clientAddress) headers.set('x-forwarded-for', context.clientAddress);
  }
}
