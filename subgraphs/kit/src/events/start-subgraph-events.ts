import type { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import { runInBackground } from '../database/background-work.ts';
import type { ConsumerDefinition } from './consumer-definition.ts';
import type { EventTransport } from './event-feed.ts';
import { createEventTransport } from './event-transport.ts';
import { checkInternalAccess } from './internal-access.ts';
import { readNatsStream } from './nats-stream.ts';
import { serveOutbox } from './outbox-route.ts';
import { startConsumer, type ConsumerStatus, type RunningConsumer } from './start-consumer.ts';
import { startEventRelay } from './start-event-relay.ts';

/** The event side of a running subgraph: its outbox relay and its consumers. */
export interface SubgraphEvents {
  consumerStatuses(): ConsumerStatus[];
  stop(): Promise<void>;
}

/**
 * Starts the event side of a subgraph: serves its outbox to HTTP consumers,
 * runs its relay (and publishes to JetStream when `NATS_URL` is set), starts
 * the consumers it declares, and serves
 * `POST /internal/events/consumers/<name>/replay` and `.../retry-parked`,
 * which `npm run events` calls.
 */
export async function startSubgraphEvents<DB>(settings: {
  readonly producer: string;
  readonly db: Kysely<DB>;
  readonly consumers: readonly ConsumerDefinition<DB>[];
  readonly env: Env;
  readonly logger: Logger;
  readonly router: Router;
}): Promise<SubgraphEvents> {
  const { producer, env, logger, router } = settings;
  const db = settings.db as Kysely<unknown>;
  const token = env.EVENT_LOG_TOKEN || undefined;
  serveOutbox(router, { db, producer, token, logger });

  const nats = env.NATS_URL ? { url: env.NATS_URL, stream: readNatsStream(env) } : undefined;
  const relay = await runInBackground(() => startEventRelay({ db, producer, logger, ...(nats ? { nats } : {}) }));
  let transport: EventTransport | undefined;
  const running: RunningConsumer[] = [];
  try {
    if (settings.consumers.length > 0) transport = await createEventTransport(env, logger);
    for (const definition of settings.consumers) {
      running.push(await runInBackground(() => startConsumer({ db: settings.db, definition, transport: transport!, logger })));
    }
  } catch (error) {
    await Promise.all(running.map((consumer) => consumer.stop()));
    await transport?.close();
    await relay.stop();
    throw error;
  }

  const operations = {
    replay: async (consumer: RunningConsumer) => {
      await consumer.replay();
      return { consumer: consumer.name, status: 'replaying' };
    },
    'retry-parked': async (consumer: RunningConsumer) => ({ consumer: consumer.name, ...(await consumer.retryParked()) }),
  };
  for (const [operation, perform] of Object.entries(operations)) {
    router.post(`/internal/events/consumers/:name/${operation}`, async (request, response) => {
      const denial = checkInternalAccess(request, token);
      if (denial) {
        response.status(denial.status).json({ error: denial.error });
        return;
      }
      const consumer = running.find((candidate) => candidate.name === request.params.name);
      if (!consumer) {
        const names = running.map((candidate) => `"${candidate.name}"`).join(', ') || 'none';
        response.status(404).json({ error: `Consumer "${request.params.name}" does not run in the ${producer} subgraph; it runs ${names}.` });
        return;
      }
      try {
        response.json(await perform(consumer));
      } catch (error) {
        logger.error({ err: error, consumer: consumer.name, operation }, 'consumer operation failed');
        response.status(500).json({ error: `${operation} of "${consumer.name}" failed; see the ${producer} subgraph log.` });
      }
    });
  }

  return {
    consumerStatuses: () => running.map((consumer) => consumer.status()),
    async stop() {
      await Promise.all(running.map((consumer) => consumer.stop()));
      await transport?.close();
      await relay.stop();
    },
  };
}
