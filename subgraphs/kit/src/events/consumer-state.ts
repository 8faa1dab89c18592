import { invariant } from '../errors/invariant.ts';

/**
 * The lifecycle of a running consumer: `backing-off` while its transport or
 * database fails and it waits to try again, `replaying` while its state is
 * cleared for a rebuild, `retrying-parked` while its parked events are
 * applied again.
 */
export type ConsumerState = 'starting' | 'running' | 'backing-off' | 'replaying' | 'retrying-parked' | 'stopping' | 'stopped';

const allowedTransitions: Readonly<Record<ConsumerState, readonly ConsumerState[]>> = {
  starting: ['running', 'stopping'],
  running: ['backing-off', 'replaying', 'retrying-parked', 'stopping'],
  'backing-off': ['running', 'replaying', 'retrying-parked', 'stopping'],
  replaying: ['running', 'stopping'],
  'retrying-parked': ['running', 'stopping'],
  stopping: ['stopped'],
  stopped: [],
};

/** Returns `to` when a consumer in state `from` may move to it, and raises an `InvariantError` when it may not. */
export function transitionConsumer(from: ConsumerState, to: ConsumerState): ConsumerState {
  invariant(from === to || allowedTransitions[from].includes(to), `A consumer cannot move from "${from}" to "${to}".`);
  return to;
}
