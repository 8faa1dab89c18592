import { envPrefix, readHttpUrl, type Env } from '../config/env.ts';
import type { DeliveryBatch, EventFeed, EventTransport, RawLoggedEvent } from './event-feed.ts';
import type { EventType } from './event-types.ts';
import { outboxPath } from './outbox-route.ts';

/**
 * The default ports of the subgraphs that produce events, for when
 * `<PRODUCER>_URL` is unset; they match the ports `npm start` uses.
 */
const defaultProducerPorts: Readonly<Record<string, number>> = {
  users: 4001,
  jobs: 4002,
  applications: 4003,
  search: 4004,
  notifications: 4005,
  analytics: 4006,
};

export interface HttpTransportOptions {
  readonly env: Env;
  /** Overrides the producer URLs from the environment, by producer name. */
  readonly producerUrls?: Readonly<Record<string, string>>;
  /** Milliseconds before a request to a producer times out. Default 10 000. */
  readonly timeoutMs?: number;
}

/**
 * Creates the transport that needs no broker: each consumer polls the outbox route of
 * every producer it reads from, at `<PRODUCER>_URL` (`JOBS_URL`, ...), sending
 * `EVENT_LOG_TOKEN` when it is set. The consumer's own database keeps its
 * position, so a restart resumes where it stopped.
 */
export function createHttpTransport(options: HttpTransportOptions): EventTransport {
  const token = options.env.EVENT_LOG_TOKEN || undefined;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const urlOf = (producer: string) =>
    options.producerUrls?.[producer] ??
    readHttpUrl(options.env, `${envPrefix(producer)}_URL`, `http://localhost:${defaultProducerPorts[producer] ?? 4000}`);

  return {
    kind: 'http',
    async openFeed(_consumer, producer, types) {
      return createHttpFeed(urlOf(producer), producer, types, token, timeoutMs);
    },
    // The consumer's stored positions are the only cursor; clearing them is enough.
    async resetConsumer() {},
    async close() {},
  };
}

function createHttpFeed(baseUrl: string, producer: string, types: readonly EventType[], token: string | undefined, timeoutMs: number): EventFeed {
  return {
    producer,
    async fetch(after, limit): Promise<DeliveryBatch> {
      const url = `${baseUrl}${outboxPath}?after=${after}&limit=${limit}&types=${types.map(encodeURIComponent).join(',')}`;
      const response = await fetch(url, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        throw new Error(`The ${producer} subgraph returned HTTP ${response.status} for ${baseUrl}${outboxPath}: ${body.error ?? response.statusText}`);
      }
      const page = (await response.json()) as { events: RawLoggedEvent[]; pending: number; lastPosition: number };
      if (after > page.lastPosition) {
        // The producer's database was recreated (a deleted .data folder, say) while the consumer kept its position.
        throw new Error(
          `The consumer is at position ${after} of the ${producer} log, which ends at ${page.lastPosition}, so that log was reset; replay the consumer with npm run events -- replay.`,
        );
      }
      return { deliveries: page.events.map((event) => ({ event, acknowledge: async () => {} })), pending: page.pending };
    },
    async close() {},
  };
}
