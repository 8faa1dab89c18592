import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isErrorCode } from './error-codes.ts';

/**
 * Apollo's own codes for requests that never reached a resolver. Their
 * messages come from graphql-js and name the bad part of the document, so
 * they are safe to show; they reach clients as BAD_USER_INPUT with the
 * original code kept in `extensions.reason`.
 */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const internalErrorMessage =
  'Internal server error. Quote extensions.requestId to the operators of this service; it identifies the failure in their logs.';

/** Tells whether `error` is one the client may see as it is. */
export function isClientError(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (!(original instanceof GraphQLError)) return false;
  const code = original.extensions.code;
  if (isErrorCode(code)) return true;
  // Errors raised by graphql-js or Apollo before execution have no original error of their own.
  return typeof code === 'string' && requestErrorCodes.has(code) && original.originalError === undefined;
}

/**
 * Apollo Server's `formatError`: errors with a code from the table pass
 * unchanged, request errors become BAD_USER_INPUT, and anything else becomes
 * an INTERNAL_SERVER_ERROR with no detail. The error log plugin logs the
 * original and adds the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const place = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isClientError(error)) {
    if (isErrorCode(code)) return withoutStacktrace(formatted);
    const reason = code === 'BAD_USER_INPUT' ? undefined : code;
    return { message: formatted.message, ...place, extensions: { code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) } };
  }
  return { message: internalErrorMessage, ...place, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
