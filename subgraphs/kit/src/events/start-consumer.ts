import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { applyEvent, parkEvent } from './apply-event.ts';
import { backoffDelay, describeError, sleep } from './backoff.ts';
import { producersOf, type ConsumerDefinition } from './consumer-definition.ts';
import { transitionConsumer, type ConsumerState } from './consumer-state.ts';
import { clearConsumerState, readConsumerPositions } from './consumer-state-store.ts';
import { retryParkedEvents, type RetryParkedResult } from './retry-parked-events.ts';
import { InvalidEventError, parseLoggedEvent, type LoggedEvent } from './domain-event.ts';
import type { EventDelivery, EventFeed, EventTransport } from './event-feed.ts';

export interface ConsumerOptions {
  /** Events fetched per request to a producer or broker. Default 100. */
  readonly batchSize?: number;
  /** Milliseconds to wait after a round that found no event. Default 500. */
  readonly pollIntervalMs?: number;
  /** Attempts of a failing handler before its event is parked. Default 5. */
  readonly maxAttempts?: number;
  /** Milliseconds before the first retry; each later one waits twice as long. Default 200. */
  readonly retryDelayMs?: number;
  /** Upper bound, in milliseconds, of the wait between retries. Default 30 000. */
  readonly maxRetryDelayMs?: number;
  /** Milliseconds between lag log lines. Default 30 000. */
  readonly lagLogIntervalMs?: number;
  /** Milliseconds after start in which unreachable producers count as still starting and get no warning. Default 30 000. */
  readonly startupGraceMs?: number;
}

/** The state and lag of a consumer, as `/health` shows it. */
export interface ConsumerStatus {
  readonly name: string;
  readonly state: ConsumerState;
  readonly transport: EventTransport['kind'];
  /** Events of the wanted types the consumer has not applied yet, as of its last fetch. */
  readonly eventsBehind: number;
  /** Age in seconds of the oldest event fetched and not yet applied; 0 when caught up. */
  readonly secondsBehind: number;
  /** The last error of the transport or the database, until a round succeeds. */
  readonly lastError: string | null;
}

/** A consumer that runs until `stop`. */
export interface RunningConsumer {
  readonly name: string;
  status(): ConsumerStatus;
  /** Clears the consumer's state and projection, then applies every event again from the first. */
  replay(): Promise<void>;
  /** Pauses the consumer, applies its parked events again in log order, and resumes it. */
  retryParked(): Promise<RetryParkedResult>;
  stop(): Promise<void>;
}

interface ProducerLag {
  pending: number;
  oldestOccurredAt: string | null;
}

/**
 * Starts a consumer: a loop that fetches events of its types from each
 * producer through `transport` and applies each one with `applyEvent`. A
 * failing handler is retried with exponential backoff. After `maxAttempts`
 * failures the event is parked, so that the events behind it go on.
 *
 * @example
 * const consumer = await startConsumer({ db, definition: jobReplica, transport: createHttpTransport({ env }), logger });
 * // ...
 * await consumer.stop();
 */
export async function startConsumer<DB>(settings: {
  readonly db: Kysely<DB>;
  readonly definition: ConsumerDefinition<DB>;
  readonly transport: EventTransport;
  readonly logger: Logger;
  readonly options?: ConsumerOptions;
}): Promise<RunningConsumer> {
  const { db, definition, transport } = settings;
  const options = settings.options ?? {};
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const startupGraceMs = options.startupGraceMs ?? 30_000;
  const logger = settings.logger.child({ consumer: definition.name });
  const producers = producersOf(definition);

  let state: ConsumerState = 'starting';
  let lastError: string | null = null;
  let feeds: EventFeed[] | undefined;
  let controller = new AbortController();
  const lag = new Map<string, ProducerLag>();

  const moveTo = (next: ConsumerState) => {
    state = transitionConsumer(state, next);
  };

  async function openFeeds(): Promise<EventFeed[]> {
    feeds ??= await Promise.all([...producers].map(([producer, types]) => transport.openFeed(definition.name, producer, types)));
    return feeds;
  }

  async function closeFeeds(): Promise<void> {
    const open = feeds ?? [];
    feeds = undefined;
    await Promise.all(open.map((feed) => feed.close()));
  }

  /** Applies or parks one delivery; returns false when `stop` interrupted it before either. */
  async function settle(delivery: EventDelivery, signal: AbortSignal): Promise<boolean> {
    let event: LoggedEvent;
    try {
      event = parseLoggedEvent(delivery.event);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      logger.error({ err: error, eventId: delivery.event.id, tenantId: delivery.event.tenantId }, 'invalid event parked');
      await parkEvent(db as Kysely<unknown>, definition.name, delivery.event, { error: error.message, attempts: 0 });
      return true;
    }
    const ids = { eventId: event.id, eventType: event.type, tenantId: event.tenantId, aggregateId: event.aggregateId };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcome = await applyEvent(db, definition, event);
        if (outcome === 'blocked') logger.warn(ids, 'event parked behind an earlier parked event of its aggregate');
        return true;
      } catch (error) {
        if (attempt >= maxAttempts) {
          logger.error({ err: error, ...ids, attempts: attempt }, 'event handler kept failing; event parked in event_dead_letters');
          await parkEvent(db as Kysely<unknown>, definition.name, delivery.event, { error: describeError(error), attempts: attempt });
          return true;
        }
        const delayMs = backoffDelay(attempt, retryDelayMs, maxRetryDelayMs);
        logger.warn({ err: error, ...ids, attempt, delayMs }, 'event handler failed; retrying');
        if (!(await sleep(delayMs, signal))) return false;
      }
    }
  }

  /** Runs one round over every producer; returns whether it applied anything. */
  async function poll(signal: AbortSignal): Promise<boolean> {
    const positions = await readConsumerPositions(db as Kysely<unknown>, definition.name);
    let applied = false;
    for (const feed of await openFeeds()) {
      if (signal.aborted) break;
      const batch = await feed.fetch(positions.get(feed.producer) ?? 0, batchSize);
      const deliveries = batch.deliveries;
      lag.set(feed.producer, { pending: batch.pending, oldestOccurredAt: deliveries[0]?.event.occurredAt ?? null });
      for (let index = 0; index < deliveries.length; index += 1) {
        if (signal.aborted || !(await settle(deliveries[index]!, signal))) return applied;
        await deliveries[index]!.acknowledge();
        const pending = Math.max(0, batch.pending - index - 1);
        // Past the batch's last event the next pending one is unknown; it occurred no earlier than the one just applied, so the lag counts from that one (an upper bound).
        const next = deliveries[index + 1]?.event.occurredAt ?? (pending > 0 ? deliveries[index]!.event.occurredAt : null);
        lag.set(feed.producer, { pending, oldestOccurredAt: next });
        applied = true;
      }
    }
    return applied;
  }

  async function run(signal: AbortSignal): Promise<void> {
    moveTo('running');
    const startedAt = Date.now();
    let reachedProducers = false;
    let failures = 0;
    let warned = false;
    while (!signal.aborted) {
      try {
        const applied = await poll(signal);
        if (warned) logger.info({ failures }, 'event consumer recovered');
        if (state === 'backing-off') moveTo('running');
        reachedProducers = true;
        failures = 0;
        warned = false;
        lastError = null;
        if (!applied) await sleep(pollIntervalMs, signal);
      } catch (error) {
        failures += 1;
        lastError = describeError(error);
        if (state === 'running') moveTo('backing-off');
        if (!reachedProducers && Date.now() - startedAt < startupGraceMs) {
          // Subgraphs start in any order, so a producer that is not up yet is expected for a while.
          if (failures === 1) logger.info({ reason: lastError }, 'event consumer waiting for its producers to start');
        } else if (!warned || failures % 10 === 0) {
          // Log the first failure and then every tenth, so that a producer down for an hour does not flood the log.
          logger.warn({ err: error, failures }, 'event consumer round failed; retrying');
          warned = true;
        }
        await closeFeeds().catch((closeError: unknown) => logger.warn({ err: closeError }, 'closing event feeds failed'));
        await sleep(backoffDelay(failures, retryDelayMs, maxRetryDelayMs), signal);
      }
    }
  }

  const status = (): ConsumerStatus => {
    const lags = [...lag.values()];
    const oldest = lags
      .map((entry) => entry.oldestOccurredAt)
      .filter((value): value is string => value !== null)
      .map((value) => Date.parse(value));
    return {
      name: definition.name,
      state,
      transport: transport.kind,
      eventsBehind: lags.reduce((sum, entry) => sum + entry.pending, 0),
      secondsBehind: oldest.length > 0 ? Math.max(0, Math.round((Date.now() - Math.min(...oldest)) / 1000)) : 0,
      lastError,
    };
  };

  const lagTimer = setInterval(() => {
    const current = status();
    const fields = { eventsBehind: current.eventsBehind, secondsBehind: current.secondsBehind, state: current.state };
    if (current.eventsBehind > 0) logger.info(fields, 'event consumer lag');
    else logger.debug(fields, 'event consumer lag');
  }, options.lagLogIntervalMs ?? 30_000);
  lagTimer.unref();

  let loop = run(controller.signal);
  logger.info({ transport: transport.kind, events: definition.events }, 'event consumer started');

  async function halt(): Promise<void> {
    controller.abort();
    await loop;
    await closeFeeds();
  }

  return {
    name: definition.name,
    status,
    async replay() {
      await halt();
      moveTo('replaying');
      try {
        await clearConsumerState(db, definition);
        await transport.resetConsumer(definition.name, [...producers.keys()]);
        lag.clear();
        logger.info('event consumer state cleared; replaying from the first event');
      } finally {
        controller = new AbortController();
        loop = run(controller.signal);
      }
    },
    async retryParked() {
      await halt();
      moveTo('retrying-parked');
      try {
        const result = await retryParkedEvents(db, definition, logger);
        logger.info(result, 'parked events retried');
        return result;
      } finally {
        controller = new AbortController();
        loop = run(controller.signal);
      }
    },
    async stop() {
      if (state === 'stopping' || state === 'stopped') return;
      moveTo('stopping');
      clearInterval(lagTimer);
      await halt();
      moveTo('stopped');
      logger.info('event consumer stopped');
    },
  };
}
