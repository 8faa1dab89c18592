import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport, prepareDatabase, startConsumer, type Database, type RunningConsumer } from '../../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.ts';
import { createTitleConsumer, projectionMigrations, silentLogger, waitFor, type ProjectionSchema } from './event-fixtures.ts';

/** Returns a port that had a listener a moment ago and has none now, so every round fails to connect. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface LogLine {
  readonly level: number;
  readonly msg: string;
}

describe('a consumer whose producer is not up', () => {
  const cleanups: Array<() => Promise<unknown>> = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function startAgainstNothing(startupGraceMs: number): Promise<{ consumer: RunningConsumer; lines: LogLine[] }> {
    const testDatabase: TestDatabase = await createTestDatabase('events_start');
    const database: Database<unknown> = await prepareDatabase({ location: testDatabase.location, migrations: projectionMigrations, logger: silentLogger });
    cleanups.push(() => testDatabase.drop(), () => database.close());

    const lines: LogLine[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as LogLine);
        done();
      },
    });
    const transport = createHttpTransport({ env: {}, producerUrls: { jobs: `http://127.0.0.1:${await closedPort()}` } });
    const consumer = await startConsumer({
      db: database.kysely as Kysely<ProjectionSchema>,
      definition: createTitleConsumer({}),
      transport,
      logger: pino({ level: 'info' }, sink),
      options: { pollIntervalMs: 20, retryDelayMs: 10, maxRetryDelayMs: 20, startupGraceMs },
    });
    cleanups.push(() => consumer.stop());
    return { consumer, lines };
  }

  it('logs waiting, not a warning, while starting', async () => {
    const { consumer, lines } = await startAgainstNothing(60_000);
    await waitFor('a failed round', async () => consumer.status().lastError !== null && lines.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.filter((line) => line.level >= 40)).toEqual([]);
    expect(lines.filter((line) => line.msg === 'event consumer waiting for its producers to start')).toHaveLength(1);
  });

  it('warns once the grace period is over', async () => {
    const { lines } = await startAgainstNothing(0);
    await waitFor('a warning', async () => lines.some((line) => line.level === 40));
    expect(lines.find((line) => line.level === 40)?.msg).toBe('event consumer round failed; retrying');
  });
});
