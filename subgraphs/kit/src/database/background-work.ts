import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work`, and everything it starts (timers included), as background
 * work: the event relay, consumers and outbox polling. Their statements are
 * counted apart from those of GraphQL requests, so a request's SQL round
 * trips can be measured while events flow.
 */
export function runInBackground<T>(work: () => T): T {
  return background.run(true, work);
}

/** Tells whether the caller runs inside `runInBackground`. */
export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}
