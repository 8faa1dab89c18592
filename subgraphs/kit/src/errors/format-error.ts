import type { GraphQLFormattedError } from 'graphql';
import { describeLimitRejection } from '../graphql/operation-limits.ts';
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
  // The gateway's query planner reports an operation it cannot plan, such as several operations without operationName.
  'INVALID_GRAPHQL',
]);

export const internalErrorMessage =
  'Internal server error. Quote extensions.requestId to the operators of this service; it identifies the failure in their logs.';

/**
 * Tells whether `error` is one the client may see as it is: a code from the
 * table (INTERNAL_SERVER_ERROR excepted, as Apollo gives that code to any
 * unexpected error), or a request error of Apollo's. Errors that arrive from
 * a subgraph through the gateway keep the code their subgraph gave them.
 * A parse failure caused by an exception of the parser is not one, so that
 * the error log plugin logs it.
 */
export function isClientError(error: unknown): boolean {
  if (isParserException(error)) return false;
  const code = codeOf(error);
  if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR') return false;
  return isErrorCode(code) || requestErrorCodes.has(code);
}

/**
 * Apollo Server's `formatError`: errors with a code from the table pass
 * unchanged, request errors become BAD_USER_INPUT, and anything else becomes
 * an INTERNAL_SERVER_ERROR with no detail. A parse failure caused by an
 * exception of the parser becomes BAD_USER_INPUT with a fixed message. The
 * error log plugin logs the original and adds the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const place = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isParserException(error)) {
    return { message: parserExceptionMessage, ...place, extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } };
  }
  if (isClientError(error)) {
    if (isErrorCode(code)) return withoutInternals(formatted);
    const reason = code === 'BAD_USER_INPUT' ? undefined : code;
    return { message: describeLimitRejection(formatted.message), ...place, extensions: { code: 'BAD_USER_INPUT', ...(reason ? { reason } : {}) } };
  }
  if (code === undefined && isRequestMistake(formatted.message)) {
    return { message: formatted.message, ...place, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const requestId = requestIdOf(error);
  return { message: internalErrorMessage, ...place, extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
}

const parserExceptionMessage =
  'The document could not be parsed. Check its syntax, nest lists, input objects and selection sets less deeply, and send it again.';

/**
 * Tells whether `error` is a parse failure caused by an exception of the
 * parser, such as the RangeError of a stack overflow, rather than by a syntax
 * error. Apollo Server reports both as GRAPHQL_PARSE_FAILED with the original
 * message, and an exception's message must not reach the client.
 * A syntax error from graphql-js is a GraphQLError with no original error.
 */
function isParserException(error: unknown): boolean {
  if (codeOf(error) !== 'GRAPHQL_PARSE_FAILED') return false;
  let cause = originalErrorOf(error);
  while (cause !== undefined && hasExtensions(cause)) cause = originalErrorOf(cause);
  return cause !== undefined;
}

function originalErrorOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('originalError' in error)) return undefined;
  return (error as { originalError?: unknown }).originalError ?? undefined;
}

// A GraphQLError always has extensions, and a JavaScript exception has none.
function hasExtensions(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'extensions' in error;
}

/** Returns the request id that `contextFailure` put on an error, the only part of it a client may see. */
function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
  const requestId = (error as { extensions?: { requestId?: unknown } }).extensions?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

// Read without instanceof: a process can hold two copies of graphql's GraphQLError class (ESM and CommonJS).
function codeOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
  const extensions = (error as { extensions?: { code?: unknown } }).extensions;
  return extensions?.code;
}

/** Drops the stack and the gateway's name of the subgraph that raised an error: neither helps a client. */
function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions || 'serviceName' in formatted.extensions)) return formatted;
  const { stacktrace: _stacktrace, serviceName: _serviceName, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * Request mistakes that Apollo Server and the gateway report without a code:
 * several operations and no (or an unknown) operationName, and a persisted
 * query whose hash does not match its text.
 */
const requestMistakes = [/^Must provide operation name/, /^Unknown operation named/, /^provided sha does not match query/i, /^Could not find operation/];

function isRequestMistake(message: string): boolean {
  return requestMistakes.some((pattern) => pattern.test(message));
}
