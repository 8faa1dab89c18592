import type { GraphQLError } from 'graphql';

/**
 * Sets the HTTP status Apollo Server answers with when `error` is raised
 * while it builds the request context. Without one, Apollo Server answers
 * every context error with 500.
 */
export function withHttpStatus<E extends GraphQLError>(error: E, status: number): E {
  (error.extensions as Record<string, unknown>).http = { status };
  return error;
}
