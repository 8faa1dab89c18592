import { GraphQLError } from 'graphql';
import { expect } from 'vitest';

/** Asserts that `action` raises a client error with `code` and exactly `message`. */
export function expectClientError(action: () => unknown, code: string, message: string): void {
  let raised: unknown;
  try {
    action();
  } catch (error) {
    raised = error;
  }
  expect(raised).toBeInstanceOf(GraphQLError);
  expect((raised as GraphQLError).extensions.code).toBe(code);
  expect((raised as GraphQLError).message).toBe(message);
}
