import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { connect } from 'nats';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendEvent,
  asEventRelay,
  createHttpTransport,
  createNatsTransport,
  inTenant,
  newId,
  prepareDatabase,
  readOutbox,
  replayConsumer,
  startConsumer,
  startEventRelay,
  type ConsumerOptions,
  type Database,
  type EventTables,
  type EventTransport,
  type NatsStreamSettings,
  type RunningConsumer,
  type RunningEventRelay,
} from '../../src/index.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../src/testing/index.ts';
import {
  appendJobEvent,
  createTitleConsumer,
  jobPayload,
  projectionMigrations,
  readProjection,
  serveProducerOutbox,
  silentLogger,
  tenantA,
  tenantB,
  waitFor,
  type HandlerHooks,
  type ProjectionSchema,
} from './event-fixtures.ts';

const natsUrl = process.env.NATS_URL || undefined;
const databaseName = testServerUrl ? 'the PostgreSQL server' : 'PGlite';

/** A producer database with its relay and outbox route, and a consumer database, fresh for one test. */
interface Pipeline {
  readonly producer: Kysely<unknown>;
  readonly consumer: Kysely<ProjectionSchema>;
  openTransport(): Promise<EventTransport>;
  startTitleConsumer(hooks: HandlerHooks, options?: ConsumerOptions): Promise<RunningConsumer>;
  readDeadLetters(): Promise<Array<{ event_id: string; reason: string; error: string; attempts: number }>>;
  /** Publishes the logged events again under new message ids, which JetStream's duplicate window does not catch. */
  republish(): Promise<void>;
  close(): Promise<void>;
}

async function createPipeline(kind: 'http' | 'nats'): Promise<Pipeline> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const open = async (label: string, migrations = {}) => {
    const testDatabase: TestDatabase = await createTestDatabase(label);
    const database: Database<unknown> = await prepareDatabase({ location: testDatabase.location, migrations, logger: silentLogger });
    cleanups.push(() => testDatabase.drop(), () => database.close());
    return database.kysely;
  };
  const producer = await open('events_producer');
  const consumer = (await open('events_consumer', projectionMigrations)) as Kysely<ProjectionSchema>;

  const suffix = randomBytes(4).toString('hex');
  const stream: NatsStreamSettings = { stream: `JOBGRAPH_TEST_${suffix}`, subjectPrefix: `jobgraph.test.${suffix}` };
  const outbox = await serveProducerOutbox(producer, 'jobs');
  cleanups.push(() => outbox.close());
  const relay: RunningEventRelay = await startEventRelay({
    db: producer,
    producer: 'jobs',
    logger: silentLogger,
    intervalMs: 50,
    ...(kind === 'nats' ? { nats: { url: natsUrl!, stream } } : {}),
  });
  cleanups.push(() => relay.stop());
  if (kind === 'nats') {
    cleanups.push(async () => {
      const connection = await connect({ servers: natsUrl! });
      await (await connection.jetstreamManager()).streams.delete(stream.stream).catch(() => false);
      await connection.close();
    });
  }

  const transports: EventTransport[] = [];
  const consumers: RunningConsumer[] = [];
  const openTransport = async () => {
    const transport =
      kind === 'nats'
        ? await createNatsTransport({ url: natsUrl!, logger: silentLogger, stream, ackWaitMs: 1_000 })
        : createHttpTransport({ env: {}, producerUrls: { jobs: outbox.url } });
    transports.push(transport);
    return transport;
  };

  return {
    producer,
    consumer,
    openTransport,
    async startTitleConsumer(hooks, options = {}) {
      const running = await startConsumer({
        db: consumer,
        definition: createTitleConsumer(hooks),
        transport: await openTransport(),
        logger: silentLogger,
        options: { pollIntervalMs: 50, retryDelayMs: 20, ...options },
      });
      consumers.push(running);
      return running;
    },
    readDeadLetters: () =>
      asEventRelay(consumer as Kysely<unknown>, (trx) =>
        (trx as unknown as Kysely<EventTables>)
          .selectFrom('event_dead_letters')
          .select(['event_id', 'reason', 'error', 'attempts'])
          .orderBy('position')
          .execute(),
      ),
    async republish() {
      const connection = await connect({ servers: natsUrl! });
      const log = await readOutbox(producer, { producer: 'jobs', after: 0, limit: 100 });
      for (const event of log.events) {
        await connection.jetstream().publish(`${stream.subjectPrefix}.jobs.${event.type}`, JSON.stringify(event), { msgID: newId() });
      }
      await connection.close();
    },
    async close() {
      for (const running of consumers) await running.stop();
      for (const transport of transports) await transport.close();
      // Servers and relays first, databases last.
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

async function countEffects(pipeline: Pipeline): Promise<number> {
  return (await readProjection(pipeline.consumer)).effects.length;
}

function defer(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

const transports = [
  { kind: 'http' as const, title: `consumer over HTTP on ${databaseName}`, skip: false },
  {
    kind: 'nats' as const,
    title: natsUrl ? `consumer over NATS JetStream on ${databaseName}` : 'consumer over NATS JetStream (skipped: set NATS_URL, such as nats://127.0.0.1:4222)',
    skip: !natsUrl,
  },
];

for (const transport of transports) {
  // Each case opens two fresh databases, which takes PGlite several seconds on a busy machine.
  describe.skipIf(transport.skip)(transport.title, { timeout: 120_000 }, () => {
    let pipeline: Pipeline | undefined;

    afterEach(async () => {
      await pipeline?.close();
      pipeline = undefined;
    });

    it('delivers committed events only', async () => {
      pipeline = await createPipeline(transport.kind);
      const first = await appendJobEvent(pipeline.producer, 'job 1');
      let rolledBack = '';
      await expect(
        inTenant(pipeline.producer, tenantA, async (trx) => {
          rolledBack = (await appendEvent(trx, { type: 'job.created', tenantId: tenantA, aggregateId: newId(), payload: jobPayload('rolled back') })).id;
          throw new Error('the mutation failed');
        }),
      ).rejects.toThrow('the mutation failed');
      const third = await appendJobEvent(pipeline.producer, 'job 3');
      const consumer = await pipeline.startTitleConsumer({});

      await waitFor('both committed events are applied', async () => (await countEffects(pipeline!)) === 2);
      const last = await appendJobEvent(pipeline.producer, 'job 4');
      await waitFor('the event after them is applied', async () => (await countEffects(pipeline!)) === 3);

      const { effects, titles } = await readProjection(pipeline.consumer);
      expect(effects.map((effect) => effect.event_id).sort()).toEqual([first, third, last].sort());
      expect(effects.map((effect) => effect.event_id)).not.toContain(rolledBack);
      expect(titles.map((row) => row.title).sort()).toEqual(['job 1', 'job 3', 'job 4']);
      expect(consumer.status()).toMatchObject({ state: 'running', eventsBehind: 0, secondsBehind: 0, lastError: null });
    });

    it('applies each event once after a crash mid-batch', async () => {
      pipeline = await createPipeline(transport.kind);
      for (let index = 1; index <= 10; index += 1) await appendJobEvent(pipeline.producer, `job ${index}`);
      let crashing = true;
      let crashes = 0;
      const crashAtSix: HandlerHooks = {
        beforeEffect(title) {
          if (crashing && title === 'job 6') {
            crashes += 1;
            throw new Error('the process dies here');
          }
        },
      };
      const first = await pipeline.startTitleConsumer(crashAtSix, { batchSize: 10, maxAttempts: 1_000 });
      await waitFor('the consumer reaches the sixth event', async () => crashes >= 2);
      await first.stop();
      expect(await countEffects(pipeline)).toBe(5);

      crashing = false;
      await pipeline.startTitleConsumer(crashAtSix, { batchSize: 10 });
      await waitFor('every event is applied', async () => (await countEffects(pipeline!)) === 10);

      const { effects, titles } = await readProjection(pipeline.consumer);
      expect(effects.map((effect) => effect.times)).toEqual(Array(10).fill(1));
      expect(titles).toHaveLength(10);
    });

    it.skipIf(!testServerUrl)('delivers transactions committed in reverse order', async () => {
      pipeline = await createPipeline(transport.kind);
      const started = defer();
      const release = defer();
      let earlyId = '';
      // The early transaction appends first and commits last, on a second connection of the pool.
      const early = inTenant(pipeline.producer, tenantA, async (trx) => {
        earlyId = (await appendEvent(trx, { type: 'job.created', tenantId: tenantA, aggregateId: newId(), payload: jobPayload('early') })).id;
        started.resolve();
        await release.promise;
      });
      await started.promise;
      const lateId = await appendJobEvent(pipeline.producer, 'late');
      await pipeline.startTitleConsumer({});

      await waitFor('the transaction that committed first is applied', async () => (await countEffects(pipeline!)) === 1);
      expect((await readProjection(pipeline.consumer)).effects.map((effect) => effect.event_id)).toEqual([lateId]);
      release.resolve();
      await early;
      await waitFor('the transaction that committed last is applied', async () => (await countEffects(pipeline!)) === 2);

      const { effects } = await readProjection(pipeline.consumer);
      expect(effects.map((effect) => effect.event_id).sort()).toEqual([earlyId, lateId].sort());
      const log = await readOutbox(pipeline.producer, { producer: 'jobs', after: 0, limit: 10 });
      expect(log.events.map((event) => event.id)).toEqual([lateId, earlyId]);
    });

    it('parks a poison event and applies later ones', async () => {
      pipeline = await createPipeline(transport.kind);
      const poisoned = newId();
      await appendJobEvent(pipeline.producer, 'job 1');
      const poison = await appendJobEvent(pipeline.producer, 'poison pill', { aggregateId: poisoned });
      await appendJobEvent(pipeline.producer, 'job 3');
      const blocked = await appendJobEvent(pipeline.producer, 'after the poison', { aggregateId: poisoned, type: 'job.published' });
      await appendJobEvent(pipeline.producer, 'job 5', { tenantId: tenantB });
      await pipeline.startTitleConsumer({}, { maxAttempts: 3 });

      await waitFor('the events of other aggregates are applied', async () => (await countEffects(pipeline!)) === 3);
      await waitFor('both events of the poisoned aggregate are parked', async () => (await pipeline!.readDeadLetters()).length === 2);

      const deadLetters = await pipeline.readDeadLetters();
      expect(deadLetters[0]).toMatchObject({ event_id: poison, reason: 'failed', attempts: 3 });
      expect(deadLetters[0]?.error).toBe('The title "poison pill" is poison.');
      expect(deadLetters[1]).toMatchObject({ event_id: blocked, reason: 'blocked', attempts: 0 });
      expect(deadLetters[1]?.error).toContain(`Event "${poison}"`);
      const { titles } = await readProjection(pipeline.consumer);
      expect(titles.map((row) => row.title).sort()).toEqual(['job 1', 'job 3', 'job 5']);
    });

    it('retries parked events once fixed', async () => {
      pipeline = await createPipeline(transport.kind);
      const poisoned = newId();
      const poison = await appendJobEvent(pipeline.producer, 'poison pill', { aggregateId: poisoned });
      await appendJobEvent(pipeline.producer, 'job 2');
      await appendJobEvent(pipeline.producer, 'after the poison', { aggregateId: poisoned, type: 'job.published' });
      const hooks: HandlerHooks = {};
      const consumer = await pipeline.startTitleConsumer(hooks, { maxAttempts: 2 });
      await waitFor('both events of the poisoned aggregate are parked', async () => (await pipeline!.readDeadLetters()).length === 2);

      expect(await consumer.retryParked()).toEqual({ applied: 0, parked: 2 });
      const stillParked = await pipeline.readDeadLetters();
      expect(stillParked[0]).toMatchObject({ event_id: poison, reason: 'failed', attempts: 3 });
      expect(stillParked[1]).toMatchObject({ reason: 'blocked' });

      hooks.poisonCured = true;
      expect(await consumer.retryParked()).toEqual({ applied: 2, parked: 0 });
      expect(await pipeline.readDeadLetters()).toEqual([]);
      const { titles, effects } = await readProjection(pipeline.consumer);
      expect(titles.find((row) => row.id === poisoned)).toMatchObject({ title: 'after the poison', status: 'PUBLISHED' });
      expect(effects.map((effect) => effect.times)).toEqual([1, 1, 1]);

      await appendJobEvent(pipeline.producer, 'job 4');
      await waitFor('the resumed consumer applies a new event', async () => (await countEffects(pipeline!)) === 4);
    });

    it.skipIf(transport.kind !== 'http')('reports a producer log that was reset', async () => {
      pipeline = await createPipeline(transport.kind);
      await appendJobEvent(pipeline.producer, 'job 1');
      const consumer = await pipeline.startTitleConsumer({}, { retryDelayMs: 50 });
      await waitFor('the event is applied', async () => (await countEffects(pipeline!)) === 1);

      // As if the producer's database had been recreated: the consumer's position lies beyond its log.
      await asEventRelay(pipeline.consumer as Kysely<unknown>, (trx) =>
        (trx as unknown as Kysely<EventTables>).updateTable('event_consumer_positions').set({ position: 99 }).execute(),
      );
      await waitFor('the consumer reports the reset', async () => consumer.status().state === 'backing-off');

      expect(consumer.status().lastError).toBe(
        'The consumer is at position 99 of the jobs log, which ends at 1, so that log was reset; replay the consumer with npm run events -- replay.',
      );
    });

    it.skipIf(transport.kind !== 'nats')('applies a duplicate message once', async () => {
      pipeline = await createPipeline(transport.kind);
      await appendJobEvent(pipeline.producer, 'job 1');
      await appendJobEvent(pipeline.producer, 'job 2');
      await pipeline.startTitleConsumer({});
      await waitFor('both events are applied', async () => (await countEffects(pipeline!)) === 2);

      await pipeline.republish();
      await appendJobEvent(pipeline.producer, 'job 3');
      await waitFor('the event after the copies is applied', async () => (await countEffects(pipeline!)) === 3);

      const { effects } = await readProjection(pipeline.consumer);
      expect(effects.map((effect) => effect.times)).toEqual([1, 1, 1]);
    });

    it('rebuilds the same state on replay', async () => {
      pipeline = await createPipeline(transport.kind);
      const updated = newId();
      await appendJobEvent(pipeline.producer, 'draft title', { aggregateId: updated });
      await appendJobEvent(pipeline.producer, 'job 2', { tenantId: tenantB });
      await appendJobEvent(pipeline.producer, 'final title', { aggregateId: updated, type: 'job.published' });
      await appendJobEvent(pipeline.producer, 'job 4');
      const consumer = await pipeline.startTitleConsumer({});
      await waitFor('every event is applied', async () => (await countEffects(pipeline!)) === 4);
      const before = await readProjection(pipeline.consumer);
      expect(before.titles.find((row) => row.id === updated)).toMatchObject({ title: 'final title', status: 'PUBLISHED' });

      await consumer.replay();
      await waitFor('the replay applies every event again', async () => (await countEffects(pipeline!)) === 4);
      expect(await readProjection(pipeline.consumer)).toEqual(before);

      await consumer.stop();
      await replayConsumer(pipeline.consumer, createTitleConsumer({}), await pipeline.openTransport());
      expect(await countEffects(pipeline)).toBe(0);
      await pipeline.startTitleConsumer({});
      await waitFor('a restarted consumer applies every event again', async () => (await countEffects(pipeline!)) === 4);
      expect(await readProjection(pipeline.consumer)).toEqual(before);
    });
  });
}

describe.skipIf(testServerUrl)('consumer on PGlite', () => {
  it.skip('delivers transactions committed in reverse order (needs TEST_DATABASE_URL: PGlite has a single session)', () => {});
});
