import { fileURLToPath } from 'node:url';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { Request as ExpressRequest } from 'express';
import { parse } from 'graphql';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { locateDatabase, type DatabaseLocation } from '../config/database-url.ts';
import { envPrefix, readChoice, readHttpUrl, readPort, type Env } from '../config/env.ts';
import { createAccessTokenVerifier } from '../auth/access-token-verifier.ts';
import { readAccessTokenSettings } from '../auth/access-token-settings.ts';
import { identifyRequest, type RequestIdentity } from '../auth/identify-request.ts';
import { createRemoteKeySet } from '../auth/remote-key-set.ts';
import type { RequestContext } from '../context/request-context.ts';
import { createHttpTenantDirectory, type TenantDirectory } from '../context/tenant-directory.ts';
import type { Database } from '../database/open-database.ts';
import { prepareDatabase } from '../database/prepare-database.ts';
import type { ConsumerDefinition } from '../events/consumer-definition.ts';
import { startSubgraphEvents, type SubgraphEvents } from '../events/start-subgraph-events.ts';
import { contextFailure } from '../errors/context-failure.ts';
import { errorLogPlugin } from '../errors/error-log-plugin.ts';
import { formatError } from '../errors/format-error.ts';
import { rejectOverLimitDocuments } from '../graphql/document-source-limits.ts';
import { guardEntityRepresentations } from '../graphql/entity-representations.ts';
import { protectOperations, readOperationLimits } from '../graphql/operation-limits.ts';
import { rejectDeepVariablesPlugin } from '../graphql/reject-deep-variables.ts';
import { rejectNulCharactersPlugin } from '../graphql/reject-nul-characters.ts';
import { scalarResolvers } from '../graphql/scalars.ts';
import { createLogger } from '../logger.ts';
import { readClientAddress, readTrustedProxies } from './client-address.ts';
import { answerHttpErrors, createHttpApp, createHttpServer, listen, parseJsonBody } from './http-app.ts';
import { readRequestId } from './request-id.ts';
import type { SubgraphDefinition } from './subgraph-definition.ts';

/** The `.data/` folder at the top of the repository, whatever the working directory. */
const defaultDataRoot = fileURLToPath(new URL('../../../../.data', import.meta.url));

export interface StartSubgraphOptions {
  readonly env?: Env;
  /** Overrides `<SUBGRAPH>_PORT`; 0 picks a free port. */
  readonly port?: number;
  /** Overrides the database chosen from the environment. */
  readonly database?: DatabaseLocation;
  readonly logger?: Logger;
  /** Overrides `DEMO_DATA`. */
  readonly demoData?: boolean;
  readonly tenantDirectory?: TenantDirectory;
  /**
   * Finds the tenant and viewer of a request. By default `identifyRequest`
   * verifies the bearer token against the users subgraph's keys and resolves
   * `X-Tenant`.
   */
  readonly authenticate?: (request: ExpressRequest) => Promise<RequestIdentity>;
  /** Chooses which of the subgraph's consumers run; all of them by default. A test leaves out consumers of subgraphs it does not start. */
  readonly runsConsumer?: (consumer: Pick<ConsumerDefinition<unknown>, 'name' | 'events'>) => boolean;
}

/** A running subgraph. */
export interface RunningSubgraph<DB> {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly database: Database<DB>;
  readonly logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts a subgraph: validates its configuration, prepares its database,
 * loads demo data when asked, and serves `/graphql` and `/health` over HTTP.
 */
export async function startSubgraph<DB, Loaders, Services>(
  definition: SubgraphDefinition<DB, Loaders, Services>,
  options: StartSubgraphOptions = {},
): Promise<RunningSubgraph<DB>> {
  const env = options.env ?? process.env;
  const prefix = envPrefix(definition.name);
  const logger = options.logger ?? createLogger(definition.name, env);
  const port = options.port ?? readPort(env, `${prefix}_PORT`, definition.defaultPort);
  const location = options.database ?? locateDatabase(env, definition.name, `${env.DATA_DIR ?? defaultDataRoot}/${definition.name}`);
  const usersUrl = readHttpUrl(env, 'USERS_URL', 'http://localhost:4001');
  const demoData = options.demoData ?? readChoice(env, 'DEMO_DATA', ['on', 'off'], location.kind === 'pglite' ? 'on' : 'off') === 'on';

  // The port is taken first, so that a port in use stops start-up before any database work.
  const app = createHttpApp();
  const httpServer = createHttpServer(app);
  const actualPort = await listen(httpServer, port, env[`${prefix}_HOST`] || env.HOST || undefined, `${prefix}_PORT`);

  let database: Database<DB>;
  try {
    database = await prepareDatabase<DB>({ location, migrations: definition.migrations, logger });
  } catch (error) {
    httpServer.close();
    throw error;
  }
  const db = database.kysely;
  let events: SubgraphEvents | undefined;
  try {
    if (demoData && definition.seedDemo) await definition.seedDemo(db, logger);
    const tenants = options.tenantDirectory ?? definition.tenantDirectory?.(db) ?? createHttpTenantDirectory(usersUrl);
    const dataDir = location.kind === 'pglite' ? location.dataDir : undefined;
    const services = (await definition.createServices?.({ db, logger, env, dataDir })) as Services;
    const verifier = createAccessTokenVerifier({
      keys: definition.accessTokenKeys?.(services) ?? createRemoteKeySet(usersUrl),
      settings: readAccessTokenSettings(env),
    });
    const authenticate = options.authenticate ?? ((request: ExpressRequest) => identifyRequest(request.headers, { verifier, tenants }));

    const limits = readOperationLimits(env);
    const protection = protectOperations(limits);
    const trustedProxies = readTrustedProxies(env);
    const schema = buildSubgraphSchema({ typeDefs: parse(definition.typeDefs), resolvers: withScalars(definition) as never });
    guardEntityRepresentations(schema);
    const apollo = new ApolloServer<RequestContext<DB, Loaders, Services>>({
      schema,
      formatError,
      includeStacktraceInErrorResponses: false,
      validationRules: protection.validationRules,
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        ApolloServerPluginInlineTraceDisabled(),
        errorLogPlugin(),
        rejectDeepVariablesPlugin(),
        rejectNulCharactersPlugin(),
        ...(protection.plugins as ApolloServerPlugin<RequestContext<DB, Loaders, Services>>[]),
      ],
      // runSubgraph handles SIGINT and SIGTERM, so that the database closes after Apollo Server stops.
      stopOnTerminationSignals: false,
      logger,
    });
    await apollo.start();

    const consumers = (definition.consumers ?? []).filter((consumer) => options.runsConsumer?.(consumer) ?? true);
    events = await startSubgraphEvents({ producer: definition.name, db, consumers, env, logger, router: app });
    const eventSide = events;
    app.get('/health', async (_request, response) => {
      const consumers = eventSide.consumerStatuses();
      try {
        await sql`select 1`.execute(db);
        response.json({ status: 'ok', service: definition.name, database: database.kind, consumers });
      } catch (error) {
        logger.error({ err: error }, 'health check failed');
        response.status(503).json({ status: 'unavailable', service: definition.name, database: database.kind, consumers });
      }
    });
    definition.routes?.(app, { db, logger, services });
    app.use(
      '/graphql',
      parseJsonBody(),
      rejectOverLimitDocuments(limits),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          const requestId = readRequestId(req.headers['x-request-id']);
          res.setHeader('x-request-id', requestId);
          const { tenant, viewer } = await authenticate(req).catch((error: unknown) => {
            throw contextFailure(error, requestId, logger);
          });
          return {
            requestId,
            logger: logger.child({ requestId, tenantId: tenant?.id, userId: viewer?.userId }),
            tenant,
            viewer,
            clientAddress: readClientAddress(req, trustedProxies),
            db,
            loaders: definition.createLoaders({ db, tenant, viewer }),
            services,
          };
        },
      }),
    );

    app.use(answerHttpErrors(logger));
    const url = `http://localhost:${actualPort}/graphql`;
    logger.info({ url, database: database.kind }, `${definition.name} subgraph ready at ${url}`);

    // Stopping twice waits for the first stop, so that a test may stop one subgraph early and all of them at the end.
    let stopped: Promise<void> | undefined;
    const stopOnce = async () => {
      await apollo.stop();
      await eventSide.stop();
      await database.close();
      logger.info(`${definition.name} subgraph stopped`);
    };
    return {
      name: definition.name,
      url,
      port: actualPort,
      database,
      logger,
      stop: () => (stopped ??= stopOnce()),
    };
  } catch (error) {
    await events?.stop();
    await database.close();
    httpServer.close();
    throw error;
  }
}

function withScalars(definition: { readonly typeDefs: string; readonly resolvers: object }): object {
  const declared = Object.keys(scalarResolvers).filter((name) => new RegExp(`\\bscalar\\s+${name}\\b`).test(definition.typeDefs));
  return { ...Object.fromEntries(declared.map((name) => [name, scalarResolvers[name]])), ...definition.resolvers };
}
