import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import {
  answerHttpErrors,
  applyScalarParsing,
  ConfigError,
  contextFailure,
  createHttpApp,
  createHttpServer,
  createLogger,
  errorLogPlugin,
  formatError,
  identifyRequest,
  listen,
  parseJsonBody,
  protectOperations,
  readClientAddress,
  readRequestId,
  rejectDeepVariablesPlugin,
  rejectNulCharactersPlugin,
  rejectOverLimitDocuments,
  type Logger,
  type OperationLimits,
} from '@jobgraph/kit';
import cors from 'cors';
import type { GatewayConfig } from './gateway-config.ts';
import type { GatewayContext } from './gateway-context.ts';
import { createGatewayMetrics } from './metrics.ts';
import { lazyIdentityServices } from './identity-services.ts';
import { requireRunnableOperationPlugin } from './require-runnable-operation.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';
import { valueCompletionPlugin } from './value-completion-plugin.ts';

export interface StartGatewayOptions {
  readonly config: GatewayConfig;
  readonly logger?: Logger;
  /** The supergraph SDL; read from `config.supergraphPath` when omitted. */
  readonly supergraphSdl?: string;
  /** Limits on operations; `readOperationLimits(process.env)` gives the configured ones. */
  readonly limits: OperationLimits;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Starts the gateway: serves the supergraph at `/graphql`, the playground at
 * `/`, and `/health`, which also reports each subgraph's health.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { config } = options;
  const logger = options.logger ?? createLogger('gateway');
  const supergraphSdl = options.supergraphSdl ?? (await readSupergraph(config.supergraphPath));
  const subgraphs = new Map<string, string>();

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const resolved = config.subgraphUrl(name, url ?? '');
      subgraphs.set(name, resolved);
      // Node's fetch rather than Apollo's default node-fetch agent: it closes a pooled connection before the
      // subgraph's keep-alive timeout ends, so a request never lands on a connection the subgraph is closing.
      return new SubgraphDataSource({ url: resolved, fetcher: fetch });
    },
  });

  // The gateway builds its schema from the supergraph's SDL, where custom scalars accept any value. With the subgraphs'
  // parsing, a bad DateTime or URL in a variable fails coercion before planning and gets HTTP 400, as a bad Int does.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => applyScalarParsing(apiSchema));

  const identityServices = lazyIdentityServices(() => subgraphs.get('users'), config.accessTokens);

  // The default tenant is a convenience: when it does not exist (no demo data on a server), a request without X-Tenant has no tenant.
  const identifyGatewayRequest = async (authorization: string | undefined, namedSlug: string | undefined, tenantSlug: string | undefined) => {
    try {
      return await identifyRequest({ authorization, 'x-tenant': tenantSlug }, identityServices());
    } catch (error) {
      const usedDefault = !namedSlug && tenantSlug !== undefined;
      if (usedDefault && (error as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') {
        return identifyRequest({ authorization, 'x-tenant': undefined }, identityServices());
      }
      throw error;
    }
  };

  const app = createHttpApp();
  const httpServer = createHttpServer(app);
  const protection = protectOperations(options.limits);
  const metrics = createGatewayMetrics();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: protection.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      errorLogPlugin(),
      valueCompletionPlugin(),
      requireRunnableOperationPlugin(),
      rejectDeepVariablesPlugin(),
      rejectNulCharactersPlugin(),
      metrics.plugin,
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
    ],
    // index.ts handles SIGINT and SIGTERM; Apollo Server's own handler would signal the process a second time.
    stopOnTerminationSignals: false,
    logger,
  });
  await apollo.start();

  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/health', async (_request, response) => {
    const checks = await Promise.all([...subgraphs].map(async ([name, url]) => [name, await checkHealth(url)] as const));
    const healthy = checks.every(([, status]) => status === 'ok');
    response.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  app.all(
    ['/', '/graphql'],
    cors({ origin: config.corsOrigins === true ? true : [...config.corsOrigins], maxAge: 600 }),
    parseJsonBody(),
    rejectOverLimitDocuments(options.limits),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = readRequestId(req.headers['x-request-id']);
        res.setHeader('x-request-id', requestId);
        const tenantHeader = req.headers['x-tenant'];
        const namedSlug = Array.isArray(tenantHeader) ? tenantHeader[0] : tenantHeader;
        // A token names its own tenant, so the default tenant applies to anonymous requests only.
        const tenantSlug = namedSlug || (req.headers.authorization ? undefined : config.defaultTenant);
        // Checked here, before any subgraph is called: a bad token is a 401 and an unknown tenant a 404 for the whole request.
        const { tenant, viewer } = await identifyGatewayRequest(req.headers.authorization, namedSlug, tenantSlug).catch((error: unknown) => {
          throw contextFailure(error, requestId, logger);
        });
        return {
          requestId,
          logger: logger.child({ requestId, tenantId: tenant?.id, userId: viewer?.userId }),
          authorization: req.headers.authorization,
          tenantSlug: tenant?.slug,
          clientAddress: readClientAddress(req, config.trustedProxies),
          viewerId: firstHeader(req.headers['x-viewer-id']),
        };
      },
    }),
  );

  app.use(answerHttpErrors(logger));
  const port = await listen(httpServer, config.port, config.host, 'GATEWAY_PORT');
  const url = `http://localhost:${port}/graphql`;
  logger.info({ url }, `gateway ready at ${url}, playground at http://localhost:${port}/`);
  return {
    url,
    port,
    async stop() {
      await apollo.stop();
      logger.info('gateway stopped');
    },
  };
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readSupergraph(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError('SUPERGRAPH_PATH', `Cannot read the supergraph at "${path}" (${(error as NodeJS.ErrnoException).code}); run "npm run compose" or set SUPERGRAPH_PATH.`);
  }
}

async function checkHealth(graphqlUrl: string): Promise<'ok' | 'unavailable'> {
  try {
    const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2_000) });
    return response.ok ? 'ok' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
