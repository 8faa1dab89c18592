import { AckPolicy, connect, DeliverPolicy, nanos, type Consumer, type JetStreamClient, type JetStreamManager } from 'nats';
import type { Logger } from 'pino';
import type { DeliveryBatch, EventDelivery, EventFeed, EventTransport, RawLoggedEvent } from './event-feed.ts';
import type { EventType } from './event-types.ts';
import { defaultNatsStream, ensureEventStream, isNotFound, type NatsStreamSettings } from './nats-stream.ts';

export interface NatsTransportOptions {
  /** The server, from `NATS_URL`: `nats://127.0.0.1:4222`. */
  readonly url: string;
  readonly logger: Logger;
  readonly stream?: NatsStreamSettings;
  /** Milliseconds JetStream waits for an acknowledgement before it delivers a message again. Default 30 000. */
  readonly ackWaitMs?: number;
  /** Milliseconds a fetch waits for messages when none are ready: 1 000 (the default) or more, the least nats.js 2.29 accepts. */
  readonly fetchWaitMs?: number;
}

/**
 * Connects the JetStream transport. Each consumer has one durable pull
 * consumer per producer, named `<consumer>__<producer>`, which keeps its
 * cursor on the broker. The consumer's database keeps the inbox that drops
 * redeliveries.
 *
 * NOTE: after a crash, JetStream redelivers unacknowledged messages once
 * their acknowledgement wait ends, which can be after newer messages of the
 * same producer. Events of one aggregate can then arrive out of order, unlike
 * with the HTTP transport, so handlers on this transport should not assume
 * per-aggregate order.
 */
export async function createNatsTransport(options: NatsTransportOptions): Promise<EventTransport> {
  const settings = options.stream ?? defaultNatsStream;
  const connection = await connect({ servers: options.url, name: 'jobgraph-consumer', maxReconnectAttempts: -1 });
  const jsm = await connection.jetstreamManager();
  const js = connection.jetstream();
  await ensureEventStream(jsm, settings);

  return {
    kind: 'nats',
    async openFeed(consumer, producer, types) {
      const durable = durableName(consumer, producer);
      await ensureDurable(jsm, settings, durable, producer, options.ackWaitMs ?? 30_000);
      return createNatsFeed(js, settings, durable, producer, types, options.fetchWaitMs ?? 1_000, options.logger);
    },
    async resetConsumer(consumer, producers) {
      for (const producer of producers) {
        try {
          await jsm.consumers.delete(settings.stream, durableName(consumer, producer));
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
    },
    async close() {
      await connection.drain();
    },
  };
}

/** Returns the name of a consumer's durable on the broker; JetStream names may not contain dots. */
export function durableName(consumer: string, producer: string): string {
  return `${consumer}__${producer}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

async function ensureDurable(jsm: JetStreamManager, settings: NatsStreamSettings, durable: string, producer: string, ackWaitMs: number): Promise<void> {
  try {
    await jsm.consumers.info(settings.stream, durable);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  // One filter per producer, not per type: the NATS 2.9 servers this runs on take a single filter subject.
  await jsm.consumers.add(settings.stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: `${settings.subjectPrefix}.${producer}.>`,
    ack_wait: nanos(ackWaitMs),
    max_deliver: -1,
  });
}

function createNatsFeed(
  js: JetStreamClient,
  settings: NatsStreamSettings,
  durable: string,
  producer: string,
  types: readonly EventType[],
  fetchWaitMs: number,
  logger: Logger,
): EventFeed {
  const wanted = new Set<string>(types);
  // Looked up once per feed; after an error the consumer closes its feeds and opens new ones.
  let consumer: Consumer | undefined;
  return {
    producer,
    async fetch(_after, limit): Promise<DeliveryBatch> {
      consumer ??= await js.consumers.get(settings.stream, durable);
      const messages = await consumer.fetch({ max_messages: limit, expires: fetchWaitMs });
      const deliveries: EventDelivery[] = [];
      let remaining = 0;
      for await (const message of messages) {
        remaining = message.info.pending;
        let event: RawLoggedEvent;
        try {
          event = message.json<RawLoggedEvent>();
        } catch (error) {
          // Not an event at all, so there is nothing to park; it is dropped with a log line.
          logger.error({ err: error, subject: message.subject, streamSequence: message.seq }, 'message on the event stream is not JSON; dropped');
          await message.ackAck();
          continue;
        }
        if (!wanted.has(event.type)) {
          await message.ackAck();
          continue;
        }
        deliveries.push({ event, acknowledge: async () => void (await message.ackAck()) });
      }
      // `pending` counts messages of every type after the last one fetched: an upper bound of the lag.
      return { deliveries, pending: deliveries.length + remaining };
    },
    async close() {},
  };
}
