import type { ApolloServerPlugin } from '@apollo/server';
import { internalErrorMessage } from '@jobgraph/kit';
import type { GatewayContext } from './gateway-context.ts';

interface CompletionError {
  readonly message?: string;
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * Reports the fields that the gateway nulled because a subgraph returned
 * null for a non-null field. The gateway lists them under
 * `extensions.valueCompletion` only, so a client saw data cut short with no
 * error. Each becomes an INTERNAL_SERVER_ERROR at its path, since a
 * subgraph broke its own schema, and is logged with the request id.
 */
export function valueCompletionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const completion = result.extensions?.valueCompletion as readonly CompletionError[] | undefined;
          if (!completion) return;

          const { valueCompletion: _valueCompletion, ...extensions } = result.extensions!;
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
          for (const error of completion) {
            contextValue.logger.error({ path: error.path, reason: error.message, operationName }, 'a subgraph returned null for a non-null field');
          }
          const errors = completion.map((error) => ({
            message: internalErrorMessage,
            ...(error.path ? { path: error.path } : {}),
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: contextValue.requestId },
          }));
          result.errors = [...(result.errors ?? []), ...errors];
        },
      };
    },
  };
}
