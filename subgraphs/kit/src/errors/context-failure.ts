import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { internalErrorMessage, isClientError } from './format-error.ts';

/**
 * Handles an error raised while a service builds a request's context, where
 * Apollo Server's plugins do not run yet. A client error (a bad token, an
 * unknown tenant) passes unchanged. Anything else, such as a failed tenant
 * lookup at the users subgraph, is logged with the request id. It becomes an
 * INTERNAL_SERVER_ERROR that carries the id, so the client can quote it as
 * for a failure inside a resolver.
 *
 * @example
 * const identity = await identifyRequest(req.headers, services).catch((error: unknown) => {
 *   throw contextFailure(error, requestId, logger);
 * });
 */
export function contextFailure(error: unknown, requestId: string, logger: Logger): unknown {
  if (isClientError(error)) return error;
  logger.error({ err: error, requestId }, 'request context failed');
  return new GraphQLError(internalErrorMessage, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } } });
}
