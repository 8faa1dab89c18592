import {
  ConfigError,
  createEventTransport,
  createProcessLogger,
  envPrefix,
  locateDatabase,
  prepareDatabase,
  readHttpUrl,
  readPort,
  replayConsumer,
  retryParkedEvents,
  type ConsumerDefinition,
  type Database,
} from '@jobgraph/kit';
import { exitWithUsageError, parseCommandLine } from './command-line.ts';
import { findSubgraphs, repositoryRoot, type SubgraphPackage } from './find-subgraphs.ts';

/**
 * `npm run events -- <command>`:
 * - `list` prints every consumer with the subgraph that runs it.
 * - `replay <consumer>` rebuilds a consumer from the first event. When its
 *   subgraph runs, the subgraph replays it in place. When it does not, the
 *   command clears the consumer's state in its database, and the next start
 *   rebuilds it.
 * - `retry <consumer>` applies the consumer's parked events again, after a
 *   fix of its handler or data, in its running subgraph or in its database.
 *
 * The running subgraph is found at `<SUBGRAPH>_URL`, or on `<SUBGRAPH>_PORT`
 * of this machine, as `npm start` runs it. An embedded database is opened
 * directly only with `--offline`: PGlite has no locking, so a second process
 * writing to a folder that a running subgraph uses could corrupt it.
 */
const usage = `Usage: npm run events -- list
       npm run events -- replay <consumer> [--offline]
       npm run events -- retry <consumer> [--offline]

Commands:
  list                Prints every consumer, the subgraph that runs it and the events it reads.
  replay <consumer>   Rebuilds the consumer from the first event.
  retry <consumer>    Applies the consumer's parked events again.

Options:
  --offline           Works on the embedded database of a stopped subgraph.
  -h, --help          Prints this help.`;
const { positionals, values } = parseCommandLine({ allowPositionals: true, options: { offline: { type: 'boolean', default: false } } }, usage);
const [command, consumerName = '', ...extra] = positionals;
if (command === undefined) exitWithUsageError('Missing the command; use list, replay or retry.', usage);
if (command !== 'list' && command !== 'replay' && command !== 'retry') exitWithUsageError(`Unknown command "${command}"; use list, replay or retry.`, usage);
if (command !== 'list' && !consumerName) exitWithUsageError(`Missing the consumer to ${command}; npm run events -- list prints them.`, usage);
const unexpected = command === 'list' ? positionals[1] : extra[0];
if (unexpected !== undefined) exitWithUsageError(`Unexpected argument "${unexpected}".`, usage);
const logger = createProcessLogger('events');

function findConsumer(subgraphs: readonly SubgraphPackage[], name: string): { subgraph: SubgraphPackage; consumer: ConsumerDefinition } | undefined {
  for (const subgraph of subgraphs) {
    const consumer = subgraph.definition.consumers?.find((candidate) => candidate.name === name);
    if (consumer) return { subgraph, consumer };
  }
  return undefined;
}

/** Asks the running subgraph to run `operation` on a consumer; returns its response, or undefined when nothing listens at its URL. */
async function callRunningSubgraph(subgraph: SubgraphPackage, name: string, operation: 'replay' | 'retry-parked'): Promise<Record<string, unknown> | undefined> {
  const { definition } = subgraph;
  const prefix = envPrefix(definition.name);
  const baseUrl = readHttpUrl(process.env, `${prefix}_URL`, `http://localhost:${readPort(process.env, `${prefix}_PORT`, definition.defaultPort)}`);
  const token = process.env.EVENT_LOG_TOKEN;
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/internal/events/consumers/${encodeURIComponent(name)}/${operation}`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return undefined;
    throw error;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(`The ${definition.name} subgraph at ${baseUrl} returned HTTP ${response.status}: ${body.error ?? response.statusText}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

/** Opens the consumer's database, as its subgraph would, for the length of `work`. */
async function withDatabase<T>(subgraph: SubgraphPackage, work: (db: Database<unknown>['kysely']) => Promise<T>): Promise<T> {
  const { definition } = subgraph;
  const location = locateDatabase(process.env, definition.name, `${process.env.DATA_DIR ?? `${repositoryRoot}.data`}/${definition.name}`);
  if (location.kind === 'pglite' && !values.offline) {
    throw new ConfigError(
      'offline',
      `No ${definition.name} subgraph answered at its URL (set ${envPrefix(definition.name)}_URL or ${envPrefix(definition.name)}_PORT if it runs elsewhere). If it is stopped, run the command again with --offline to work on its embedded database in ${location.dataDir}.`,
    );
  }
  const database = await prepareDatabase({ location, migrations: definition.migrations, logger: logger.child({ subgraph: definition.name }) });
  try {
    return await work(database.kysely);
  } finally {
    await database.close();
  }
}

async function replayInDatabase(subgraph: SubgraphPackage, consumer: ConsumerDefinition): Promise<void> {
  await withDatabase(subgraph, async (db) => {
    const transport = await createEventTransport(process.env, logger);
    try {
      await replayConsumer(db, consumer, transport);
    } finally {
      await transport.close();
    }
  });
}

try {
  const subgraphs = await findSubgraphs();
  if (command === 'list') {
    for (const { definition } of subgraphs) {
      for (const consumer of definition.consumers ?? []) console.log(`${consumer.name}\t${definition.name}\t${consumer.events.join(', ')}`);
    }
  } else {
    const found = findConsumer(subgraphs, consumerName);
    if (!found) {
      const known = subgraphs.flatMap(({ definition }) => (definition.consumers ?? []).map((consumer) => `"${consumer.name}"`));
      throw new ConfigError('consumer', `Consumer "${consumerName}" is not declared by any subgraph; known consumers: ${known.join(', ') || 'none'}.`);
    }
    if (command === 'retry') {
      const result =
        (await callRunningSubgraph(found.subgraph, consumerName, 'retry-parked')) ??
        (await withDatabase(found.subgraph, (db) => retryParkedEvents(db, found.consumer as ConsumerDefinition<unknown>, logger)));
      logger.info(result, `${consumerName}: parked events retried`);
    } else if (await callRunningSubgraph(found.subgraph, consumerName, 'replay')) {
      logger.info(`${consumerName}: the ${found.subgraph.definition.name} subgraph is replaying it from the first event; its /health shows the lag.`);
    } else {
      await replayInDatabase(found.subgraph, found.consumer);
      logger.info(`${consumerName}: state cleared; the ${found.subgraph.definition.name} subgraph rebuilds it from the first event when it starts.`);
    }
  }
} catch (error) {
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'events command failed');
  process.exit(1);
}
