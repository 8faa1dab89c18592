import { invariant } from '../errors/invariant.ts';

/**
 * The lifecycle of a running consumer: `retrying` while its transport or
 * database fails and it waits to try again, `replaying` while its state is
 * cleared for a rebuild.
 */
export type ConsumerState = 'starting' | 'running' | 'retrying' | 'replaying' | 'stopping' | 'stopped';

const allowedTransitions: Readonly<Record<ConsumerState, readonly ConsumerState[]>> = {
  starting: ['running', 'stopping'],
  running: ['retrying', 'replaying', 'stopping'],
  retrying: ['running', 'replaying', 'stopping'],
  replaying: ['running', 'stopping'],
  stopping: ['stopped'],
  stopped: [],
};

/** Returns `to` when a consumer in state `from` may move to it, and raises an `InvariantError` when it may not. */
export function transitionConsumer(from: ConsumerState, to: ConsumerState): ConsumerState {
  invariant(from === to || allowedTransitions[from].includes(to), `A consumer cannot move from "${from}" to "${to}".`);
  return to;
}
