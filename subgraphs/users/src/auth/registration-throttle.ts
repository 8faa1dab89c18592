import { rateLimited } from '@jobgraph/kit';
import { LRUCache } from 'lru-cache';

/** The kind of a registration: `tenant` for registerTenant, `account` for register and for the first ADMIN of registerTenant. */
export type RegistrationKind = 'tenant' | 'account';

/** The registrations of each kind one client address may make per hour. */
export interface RegistrationLimits {
  readonly tenantsPerHour: number;
  readonly accountsPerHour: number;
}

/**
 * A few tenants and some tens of accounts per address and hour: enough for
 * an office behind one address. Each account costs a scrypt hash with 32 MiB
 * of memory, so a client without a limit could keep the CPUs busy hashing.
 */
export const defaultRegistrationLimits: RegistrationLimits = {
  tenantsPerHour: 3,
  accountsPerHour: 30,
};

const windowMs = 60 * 60 * 1000;

interface Counter {
  registrations: number;
  windowEndsAt: number;
}

/**
 * Counts registrations per client address and kind in fixed windows of an
 * hour, and rejects a registration with RATE_LIMITED once a count has
 * reached its limit. The window of an address starts with its first
 * registration, so a client can make up to twice the limit across the end
 * of one window and the start of the next.
 *
 * NOTE: the counters live in this process, so several replicas of the users
 * subgraph multiply the limits, and an IPv6 client with a whole prefix of
 * addresses gets a separate count for each one.
 */
export class RegistrationThrottle {
  readonly #limits: RegistrationLimits;
  readonly #now: () => number;
  readonly #counters = new LRUCache<string, Counter>({ max: 100_000 });

  constructor(limits: RegistrationLimits = defaultRegistrationLimits, now: () => number = Date.now) {
    this.#limits = limits;
    this.#now = now;
  }

  /**
   * Counts one registration of each of `kinds` from `clientAddress`, or
   * raises RATE_LIMITED, counting nothing, when any of them is at its limit.
   * Returns the kinds whose limit this registration reached, so that the
   * caller can log that once per window.
   */
  admit(clientAddress: string, kinds: readonly RegistrationKind[]): RegistrationKind[] {
    const now = this.#now();
    for (const kind of kinds) {
      const counter = this.#currentCounter(kind, clientAddress, now);
      const limit = this.#limitOf(kind);
      if (counter && counter.registrations >= limit) {
        const retryAfterSeconds = Math.max(1, Math.ceil((counter.windowEndsAt - now) / 1000));
        throw rateLimited(
          `Too many ${kind} registrations from this client: the limit is ${limit} per hour. Try again in ${retryAfterSeconds} seconds.`,
          retryAfterSeconds,
        );
      }
    }

    const reached: RegistrationKind[] = [];
    for (const kind of kinds) {
      let counter = this.#currentCounter(kind, clientAddress, now);
      if (!counter) {
        counter = { registrations: 0, windowEndsAt: now + windowMs };
        this.#counters.set(`${kind}:${clientAddress}`, counter);
      }
      counter.registrations += 1;
      if (counter.registrations === this.#limitOf(kind)) reached.push(kind);
    }
    return reached;
  }

  #currentCounter(kind: RegistrationKind, clientAddress: string, now: number): Counter | undefined {
    const counter = this.#counters.get(`${kind}:${clientAddress}`);
    return counter && counter.windowEndsAt > now ? counter : undefined;
  }

  #limitOf(kind: RegistrationKind): number {
    return kind === 'tenant' ? this.#limits.tenantsPerHour : this.#limits.accountsPerHour;
  }
}
