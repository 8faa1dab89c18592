import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { clientError, isErrorCode } from '@jobgraph/kit';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context.ts';

interface SubgraphErrorBody {
  readonly errors?: ReadonlyArray<{ readonly message?: unknown; readonly extensions?: { readonly code?: unknown } }>;
}

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
    if (context.viewerId) headers.set('x-viewer-id', context.viewerId);
  }

  /**
   * Turns a subgraph's non-2xx response into the client error it carries, such
   * as a BAD_USER_INPUT that the subgraph raised before execution. Any other
   * failure becomes an error without the subgraph's URL or body, which the
   * error formatter reports as INTERNAL_SERVER_ERROR.
   */
  override async errorFromResponse(response: Response): Promise<GraphQLError> {
    const body = (await response.json().catch(() => null)) as SubgraphErrorBody | null;
    const first = body?.errors?.[0];
    const code = first?.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR' && typeof first?.message === 'string') {
      return clientError(code, first.message);
    }
    return new GraphQLError(`Subgraph request failed with HTTP ${response.status}.`);
  }
}
