/** A broken assumption of jobgraph's own code: a bug, never a client mistake. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/**
 * Throws an `InvariantError` when `condition` is false. Clients see it as
 * INTERNAL_SERVER_ERROR; the message goes to the log only.
 */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
