import { GraphQLError } from 'graphql';
import type { ErrorCode } from './error-codes.ts';

/** Extra fields for `extensions`, such as the offending `field` or `retryAfterSeconds`. */
export type ErrorDetails = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

/**
 * Creates the error a client receives. Resolvers raise these through the
 * helpers below and never build a `GraphQLError` themselves, so every error
 * carries a code from the table.
 */
export function clientError(code: ErrorCode, message: string, details: ErrorDetails = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

export const unauthenticated = (message: string, details?: ErrorDetails) => clientError('UNAUTHENTICATED', message, details);
export const forbidden = (message: string, details?: ErrorDetails) => clientError('FORBIDDEN', message, details);
export const notFound = (message: string, details?: ErrorDetails) => clientError('NOT_FOUND', message, details);
export const badUserInput = (message: string, details?: ErrorDetails) => clientError('BAD_USER_INPUT', message, details);
export const conflict = (message: string, details?: ErrorDetails) => clientError('CONFLICT', message, details);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  clientError('RATE_LIMITED', message, { retryAfterSeconds });
