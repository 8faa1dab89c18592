import { rateLimited } from '@jobgraph/kit';
import { LRUCache } from 'lru-cache';

/** Limits on failed logins. Counts are per window; reaching a limit blocks the account or client for `blockSeconds`. */
export interface LoginThrottlePolicy {
  /** Failed logins of one account per window, by username and email together. */
  readonly accountFailures: number;
  /** Failed logins from one client address per window, whatever the account. */
  readonly clientFailures: number;
  readonly windowSeconds: number;
  readonly blockSeconds: number;
  /** Failures of an account after which the response to each further failure is delayed: 250 ms, then doubling up to `maxDelayMs`. */
  readonly slowAfterFailures: number;
  readonly maxDelayMs: number;
}

export const defaultLoginThrottlePolicy: LoginThrottlePolicy = {
  accountFailures: 5,
  clientFailures: 20,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
  slowAfterFailures: 2,
  maxDelayMs: 2_000,
};

/** The two counters one login attempt touches. */
export interface LoginAttemptKeys {
  /** The tenant id and the user id, or the normalised login name when no user has it. */
  readonly account: string;
  /** The client's IP address. */
  readonly client: string;
}

interface Counter {
  failures: number;
  windowEndsAt: number;
  blockedUntil: number;
}

/**
 * Counts failed logins per account and per client and rejects attempts with
 * RATE_LIMITED once either is blocked. It also admits one login attempt per
 * request, so that aliases of `login` in one operation count as one try.
 *
 * NOTE: the counters live in this process. With several replicas of the users
 * subgraph each replica counts on its own, which multiplies the limits by
 * the number of replicas.
 */
export class LoginThrottle {
  readonly #policy: LoginThrottlePolicy;
  readonly #now: () => number;
  readonly #counters = new LRUCache<string, Counter>({ max: 100_000 });
  readonly #requestsWithAttempt = new WeakSet<object>();

  constructor(policy: LoginThrottlePolicy = defaultLoginThrottlePolicy, now: () => number = Date.now) {
    this.#policy = policy;
    this.#now = now;
  }

  /** Raises RATE_LIMITED unless `request` has made no login attempt yet; records that it now has. */
  admitOneAttemptPerRequest(request: object): void {
    if (this.#requestsWithAttempt.has(request)) {
      throw rateLimited('Only one login attempt is accepted per request; send each login in a request of its own.', 1);
    }
    this.#requestsWithAttempt.add(request);
  }

  /** Raises RATE_LIMITED when the account or the client is blocked. */
  check(keys: LoginAttemptKeys, login: string): void {
    const now = this.#now();
    const account = this.#counters.get(`account:${keys.account}`);
    if (account && account.blockedUntil > now) {
      throw rateLimited(`Too many failed logins for "${login}"; try again in ${secondsUntil(account.blockedUntil, now)} seconds.`, secondsUntil(account.blockedUntil, now));
    }
    const client = this.#counters.get(`client:${keys.client}`);
    if (client && client.blockedUntil > now) {
      throw rateLimited(`Too many failed logins from this client; try again in ${secondsUntil(client.blockedUntil, now)} seconds.`, secondsUntil(client.blockedUntil, now));
    }
  }

  /** Counts a failed login and returns the delay before its response, in milliseconds. */
  recordFailure(keys: LoginAttemptKeys): number {
    const accountFailures = this.#count(`account:${keys.account}`, this.#policy.accountFailures);
    this.#count(`client:${keys.client}`, this.#policy.clientFailures);
    const excess = accountFailures - this.#policy.slowAfterFailures;
    return excess > 0 ? Math.min(250 * 2 ** (excess - 1), this.#policy.maxDelayMs) : 0;
  }

  /** Clears the account's failures after a successful login; the client's failures stay counted. */
  recordSuccess(keys: LoginAttemptKeys): void {
    this.#counters.delete(`account:${keys.account}`);
  }

  #count(key: string, limit: number): number {
    const now = this.#now();
    let counter = this.#counters.get(key);
    if (!counter || counter.windowEndsAt <= now) {
      counter = { failures: 0, windowEndsAt: now + this.#policy.windowSeconds * 1000, blockedUntil: 0 };
      this.#counters.set(key, counter);
    }
    counter.failures += 1;
    if (counter.failures >= limit) counter.blockedUntil = now + this.#policy.blockSeconds * 1000;
    return counter.failures;
  }
}

function secondsUntil(instant: number, now: number): number {
  return Math.max(1, Math.ceil((instant - now) / 1000));
}
