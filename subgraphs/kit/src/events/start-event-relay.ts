import { connect, type JetStreamClient, type NatsConnection } from 'nats';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { backoffDelay, describeError, sleep } from './backoff.ts';
import { asEventRelay } from './event-roles.ts';
import type { EventTables } from './event-tables.ts';
import { defaultNatsStream, ensureEventStream, eventSubject, type NatsStreamSettings } from './nats-stream.ts';
import { readOutbox, stampOutbox } from './outbox-log.ts';

export interface EventRelayOptions {
  readonly db: Kysely<unknown>;
  /** The subgraph whose outbox this is. */
  readonly producer: string;
  readonly logger: Logger;
  /** With a NATS server, the relay also publishes each stamped event to JetStream. */
  readonly nats?: { readonly url: string; readonly stream?: NatsStreamSettings };
  /** Milliseconds between rounds that found nothing to do. Default 250. */
  readonly intervalMs?: number;
}

/** A relay that runs until `stop`. */
export interface RunningEventRelay {
  /** Runs one round now and returns how many events it stamped and published; tests call it in place of waiting. */
  runOnce(): Promise<{ stamped: number; published: number }>;
  stop(): Promise<void>;
}

const natsCursor = 'nats';
const publishBatchSize = 500;

/**
 * Starts the outbox relay of one subgraph: it stamps new events with their
 * positions and, when NATS is configured, publishes them in position order
 * with their event id as the JetStream message id, then saves how far it got.
 * A crash between publishing and saving publishes a few events twice, which
 * the broker's duplicate window and the consumers' inbox both drop.
 */
export async function startEventRelay(options: EventRelayOptions): Promise<RunningEventRelay> {
  const { db, producer } = options;
  const logger = options.logger.child({ relay: producer });
  const intervalMs = options.intervalMs ?? 250;
  const settings = options.nats?.stream ?? defaultNatsStream;
  let connection: NatsConnection | undefined;
  let js: JetStreamClient | undefined;

  async function connectNats(url: string): Promise<JetStreamClient> {
    if (js) return js;
    connection = await connect({ servers: url, name: `jobgraph-relay-${producer}`, maxReconnectAttempts: -1 });
    await ensureEventStream(await connection.jetstreamManager(), settings);
    js = connection.jetstream();
    return js;
  }

  async function publishStamped(client: JetStreamClient): Promise<number> {
    const cursor = await readCursor(db);
    const page = await readOutbox(db, { producer, after: cursor, limit: publishBatchSize });
    for (const event of page.events) {
      await client.publish(eventSubject(settings, producer, event.type), JSON.stringify(event), { msgID: event.id });
    }
    const last = page.events.at(-1);
    if (last) await saveCursor(db, last.position);
    return page.events.length;
  }

  async function runOnce(): Promise<{ stamped: number; published: number }> {
    const stamped = await stampOutbox(db);
    const published = options.nats ? await publishStamped(await connectNats(options.nats.url)) : 0;
    return { stamped, published };
  }

  const controller = new AbortController();
  const loop = (async () => {
    let failures = 0;
    while (!controller.signal.aborted) {
      try {
        const { stamped, published } = await runOnce();
        if (failures > 0) logger.info({ failures }, 'event relay recovered');
        failures = 0;
        if (stamped === 0 && published < publishBatchSize) await sleep(intervalMs, controller.signal);
      } catch (error) {
        failures += 1;
        if (failures === 1 || failures % 10 === 0) logger.warn({ err: error, failures, error: describeError(error) }, 'event relay round failed; retrying');
        await sleep(backoffDelay(failures, intervalMs, 30_000), controller.signal);
      }
    }
  })();

  return {
    runOnce,
    async stop() {
      controller.abort();
      await loop;
      await connection?.drain();
    },
  };
}

async function readCursor(db: Kysely<unknown>): Promise<number> {
  const row = await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>).selectFrom('event_relay_cursors').select('position').where('relay', '=', natsCursor).executeTakeFirst(),
  );
  return Number(row?.position ?? 0);
}

async function saveCursor(db: Kysely<unknown>, position: number): Promise<void> {
  await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>)
      .insertInto('event_relay_cursors')
      .values({ relay: natsCursor, position })
      .onConflict((conflict) => conflict.column('relay').doUpdateSet({ position, updated_at: sql<Date>`now()` }))
      .execute(),
  );
}
