import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { createServer, type AddressInfo } from 'node:net';
import { createLogger, envPrefix, producersOf, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@jobgraph/kit';
import { createTestDatabase, type TestDatabase } from '@jobgraph/kit/testing';
import { readGatewayConfig, readOperationLimits, startGateway, type RunningGateway } from '@jobgraph/gateway';
import { composeSupergraph } from '../compose-supergraph.ts';
import { findSubgraphs } from '../find-subgraphs.ts';
import { ServerErrorLog } from './server-error-log.ts';

export interface TestSupergraphOptions {
  /** Subgraphs to start, by name; all of them when omitted. `users` always starts, since the others find tenants through it. */
  readonly subgraphs?: readonly string[];
  /** Loads the demo tenant into every subgraph. */
  readonly demoData?: boolean;
}

/** The response to a GraphQL request, with the HTTP status. */
export interface GraphQLResponse<Data = Record<string, unknown>> {
  readonly status: number;
  readonly data?: Data | null;
  readonly errors?: ReadonlyArray<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface RequestOptions {
  readonly token?: string;
  readonly tenant?: string;
  readonly headers?: Record<string, string>;
}

/** Subgraphs and a gateway running in this process on free ports, each subgraph on its own new database. */
export interface TestSupergraph {
  readonly gatewayUrl: string;
  subgraph(name: string): RunningSubgraph<unknown>;
  /** Sends a GraphQL request through the gateway over HTTP. */
  query<Data = Record<string, unknown>>(document: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<Data>>;
  /** Sends a GraphQL request straight to one subgraph over HTTP, bypassing the gateway. */
  querySubgraph<Data = Record<string, unknown>>(name: string, document: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<Data>>;
  /** SQL statements sent by every subgraph so far. */
  statementCounts(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts a supergraph for a test: real HTTP between gateway and subgraphs,
 * real databases (PGlite in memory, or the server of `TEST_DATABASE_URL`).
 *
 * @example
 * const graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'], demoData: true });
 * const response = await graph.query('{ jobs(first: 5) { totalCount } }', {}, { tenant: 'demo' });
 * await graph.stop();
 */
export async function startTestSupergraph(options: TestSupergraphOptions = {}): Promise<TestSupergraph> {
  const wanted = new Set(['users', ...(options.subgraphs ?? [])]);
  const definitions = (await findSubgraphs(options.subgraphs ? wanted : undefined)).map((found) => found.definition);
  const errorLog = new ServerErrorLog();
  const logger = createLogger('test', { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }, errorLog);

  const databases: TestDatabase[] = [];
  const running = new Map<string, RunningSubgraph<unknown>>();
  let gateway: RunningGateway | undefined;
  const natsStream = process.env.NATS_URL ? `JOBGRAPH_TEST_${randomBytes(6).toString('hex').toUpperCase()}` : undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all([...running.values()].map((subgraph) => subgraph.stop()));
    await Promise.all(databases.map((database) => database.drop()));
    if (natsStream) await deleteNatsStream(process.env.NATS_URL!, natsStream);
  };

  try {
    // users first: the others ask it for tenants.
    const ordered = [...definitions].sort((a, b) => Number(b.name === 'users') - Number(a.name === 'users'));
    // With NATS, each test supergraph gets a stream of its own, so that parallel suites never consume each other's events.
    // Test suites register dozens of tenants and accounts from 127.0.0.1, more than the users subgraph's hourly
    // limits per client address allow. A suite that tests those limits sets lower ones in process.env.
    const registrationLimits = { TENANT_REGISTRATIONS_PER_HOUR: '10000', ACCOUNT_REGISTRATIONS_PER_HOUR: '10000' };
    const env: Record<string, string | undefined> = { ...registrationLimits, ...process.env, ...(natsStream ? { NATS_STREAM: natsStream } : {}) };
    // Every subgraph gets its port before the first one starts, so that each has the others' URLs: an event
    // consumer reads its producer's outbox at <PRODUCER>_URL, and a producer may start after its consumer.
    const ports = new Map<string, number>();
    for (const definition of ordered) {
      const port = await reserveFreePort();
      ports.set(definition.name, port);
      env[`${envPrefix(definition.name)}_URL`] = `http://localhost:${port}`;
    }
    for (const definition of ordered) {
      const database = await createTestDatabase(definition.name);
      databases.push(database);
      const subgraph = await startSubgraph(definition as SubgraphDefinition<unknown, unknown>, {
        env,
        port: ports.get(definition.name)!,
        database: database.location,
        demoData: options.demoData ?? false,
        // A consumer of a subgraph this test does not start would poll a port where nothing of the test listens.
        runsConsumer: (consumer) => [...producersOf(consumer).keys()].every((producer) => ports.has(producer)),
        logger: logger.child({ service: definition.name }),
      });
      running.set(definition.name, subgraph);
    }

    const composed = composeSupergraph(definitions, (definition) => running.get(definition.name)!.url);
    if (composed.errors) throw new Error(`Composition failed:\n${composed.errors.join('\n')}`);
    gateway = await startGateway({
      config: { ...readGatewayConfig({}), port: 0 },
      limits: readOperationLimits({}),
      supergraphSdl: composed.supergraphSdl,
      logger: logger.child({ service: 'gateway' }),
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const gatewayUrl = gateway.url;
  const subgraph = (name: string) => {
    const found = running.get(name);
    if (!found) throw new Error(`Subgraph "${name}" is not running in this test supergraph.`);
    return found;
  };
  return {
    gatewayUrl,
    subgraph,
    query: async (document, variables, requestOptions) =>
      withServerLog(await postGraphQL(gatewayUrl, document, variables, requestOptions), errorLog),
    querySubgraph: async (name, document, variables, requestOptions) =>
      withServerLog(await postGraphQL(subgraph(name).url, document, variables, requestOptions), errorLog),
    statementCounts: () => Object.fromEntries([...running].map(([name, subgraph]) => [name, subgraph.database.stats.statements])),
    stop,
  };
}

/**
 * Returns a port that was free a moment ago. Another process could take it
 * before the subgraph listens on it; the start then fails with EADDRINUSE.
 */
async function reserveFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Deletes a test run's JetStream stream, so that test runs leave nothing on the NATS server. */
async function deleteNatsStream(servers: string, stream: string): Promise<void> {
  const connection = await connect({ servers });
  try {
    const manager = await connection.jetstreamManager();
    await manager.streams.delete(stream).catch(() => false);
  } finally {
    await connection.close();
  }
}

/**
 * Adds to each INTERNAL_SERVER_ERROR of `response` what the services logged
 * for its request id, as `extensions.testServerLog`, so that a failed
 * assertion shows the cause. Only test supergraphs do this; a real client
 * never sees server logs.
 */
function withServerLog<Data>(response: GraphQLResponse<Data>, errorLog: ServerErrorLog): GraphQLResponse<Data> {
  if (!response.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) return response;
  const errors = response.errors.map((error) => {
    const requestId = error.extensions?.requestId;
    if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR' || typeof requestId !== 'string') return error;
    return { ...error, extensions: { ...error.extensions, testServerLog: errorLog.errorsOf(requestId) } };
  });
  return { ...response, errors };
}

/** POSTs a GraphQL request to `url` and returns the parsed response with the HTTP status. */
export async function postGraphQL<Data>(
  url: string,
  document: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<Data>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.tenant) headers['x-tenant'] = options.tenant;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: document, variables }) });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}
