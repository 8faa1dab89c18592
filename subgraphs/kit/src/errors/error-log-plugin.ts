import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { isClientError } from './format-error.ts';

interface LoggingContext {
  readonly requestId: string;
  readonly logger: Logger;
}

/**
 * Logs every error that is not a client error once, with the request's ids,
 * and adds the request id to the INTERNAL_SERVER_ERROR errors of the response
 * so that a client can quote it.
 */
export function errorLogPlugin<TContext extends LoggingContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            contextValue.logger.error({ err: unwrapResolverError(error), path: error.path, operationName }, 'unexpected error in request');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
