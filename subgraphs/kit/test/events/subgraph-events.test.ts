import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineSubgraph, startSubgraph, type ConsumerStatus, type RunningSubgraph, type SubgraphDefinition } from '../../src/index.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../src/testing/index.ts';
import { appendJobEvent, createTitleConsumer, projectionMigrations, readProjection, silentLogger, waitFor, type ProjectionSchema } from './event-fixtures.ts';

const token = 'test-event-log-token';
const natsUrl = process.env.NATS_URL || undefined;
const databaseName = testServerUrl ? 'the PostgreSQL server' : 'PGlite';

function definitionOf<DB>(name: string, extra: Partial<SubgraphDefinition<DB>> = {}): SubgraphDefinition<DB> {
  return defineSubgraph<DB, unknown>({
    name,
    defaultPort: 0,
    typeDefs: 'type Query { ping: String }',
    resolvers: { Query: { ping: () => 'pong' } },
    migrations: {},
    createLoaders: () => ({}),
    ...extra,
  }) as SubgraphDefinition<DB>;
}

async function readHealth(subgraph: RunningSubgraph<unknown>): Promise<{ status: string; consumers: ConsumerStatus[] }> {
  const response = await fetch(`http://127.0.0.1:${subgraph.port}/health`);
  return (await response.json()) as { status: string; consumers: ConsumerStatus[] };
}

const transports = [
  { kind: 'http' as const, title: `subgraph events over HTTP on ${databaseName}`, skip: false },
  {
    kind: 'nats' as const,
    title: natsUrl ? `subgraph events over NATS JetStream on ${databaseName}` : 'subgraph events over NATS JetStream (skipped: set NATS_URL, such as nats://127.0.0.1:4222)',
    skip: !natsUrl,
  },
];

for (const transport of transports) {
  describe.skipIf(transport.skip)(transport.title, () => {
    const databases: TestDatabase[] = [];
    // A stream of this suite's own, so that the run never mixes with another's events.
    const natsEnv: Record<string, string> =
      transport.kind === 'nats' ? { NATS_URL: natsUrl!, NATS_STREAM: `JOBGRAPH_TEST_${randomBytes(4).toString('hex').toUpperCase()}` } : {};
    let producer: RunningSubgraph<unknown>;
    let consumer: RunningSubgraph<ProjectionSchema>;

    beforeAll(async () => {
      const start = async <DB>(definition: SubgraphDefinition<DB>, env: Record<string, string>) => {
        const testDatabase = await createTestDatabase(`events_${definition.name}`);
        databases.push(testDatabase);
        return startSubgraph(definition, {
          env: { EVENT_LOG_TOKEN: token, ...natsEnv, ...env },
          port: 0,
          database: testDatabase.location,
          logger: silentLogger,
          demoData: false,
          tenantDirectory: { findBySlug: async () => null, findById: async () => null },
          authenticate: async () => ({ tenant: null, viewer: null }),
        });
      };
      producer = await start(definitionOf('jobs'), {});
      consumer = await start(definitionOf<ProjectionSchema>('search', { migrations: projectionMigrations, consumers: [createTitleConsumer({})] }), {
        JOBS_URL: `http://127.0.0.1:${producer.port}`,
      });
    });

    afterAll(async () => {
      await consumer?.stop();
      await producer?.stop();
      for (const testDatabase of databases) await testDatabase.drop();
      if (natsEnv.NATS_STREAM) {
        const connection = await connect({ servers: natsUrl! });
        await (await connection.jetstreamManager()).streams.delete(natsEnv.NATS_STREAM).catch(() => false);
        await connection.close();
      }
    });

    it('shows consumer lag on /health', async () => {
      await appendJobEvent(producer.database.kysely as Kysely<unknown>, 'job 1');
      await appendJobEvent(producer.database.kysely as Kysely<unknown>, 'job 2');
      await waitFor('the consumer subgraph applies both events', async () => (await readProjection(consumer.database.kysely)).effects.length === 2);

      const health = await readHealth(consumer as RunningSubgraph<unknown>);
      expect(health.status).toBe('ok');
      expect(health.consumers).toEqual([
        { name: 'test.job-titles', state: 'running', transport: transport.kind, eventsBehind: 0, secondsBehind: 0, lastError: null },
      ]);
      expect((await readHealth(producer)).consumers).toEqual([]);
    });

    it('rejects an outbox request without the token', async () => {
      const response = await fetch(`http://127.0.0.1:${producer.port}/internal/events/outbox?after=0`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: string }).error).toContain('EVENT_LOG_TOKEN');
    });

    it('rejects an undeclared event type', async () => {
      const response = await fetch(`http://127.0.0.1:${producer.port}/internal/events/outbox?types=job.exploded`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toBe(`Event type "job.exploded" is not declared; check the consumer's event list.`);
    });

    it('replays a consumer through its route', async () => {
      const before = await readProjection(consumer.database.kysely);
      const response = await fetch(`http://127.0.0.1:${consumer.port}/internal/events/consumers/test.job-titles/replay`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      await waitFor('the replay applies both events again', async () => (await readProjection(consumer.database.kysely)).effects.length === 2);
      expect(await readProjection(consumer.database.kysely)).toEqual(before);
    });

    it('retries parked events through its route', async () => {
      const response = await fetch(`http://127.0.0.1:${consumer.port}/internal/events/consumers/test.job-titles/retry-parked`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ consumer: 'test.job-titles', applied: 0, parked: 0 });
    });

    it('returns 404 for replay of an unknown consumer', async () => {
      const response = await fetch(`http://127.0.0.1:${consumer.port}/internal/events/consumers/nobody/replay`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe('Consumer "nobody" does not run in the search subgraph; it runs "test.job-titles".');
    });
  });
}
