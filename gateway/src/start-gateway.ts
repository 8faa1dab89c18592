import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ConfigError, createLogger, errorLogPlugin, formatError, identifyRequest, readRequestId, type Logger } from '@jobgraph/kit';
import express from 'express';
import type { GatewayConfig } from './gateway-config.ts';
import type { GatewayContext } from './gateway-context.ts';
import { protectOperations, type OperationLimits } from './limits.ts';
import { createGatewayMetrics } from './metrics.ts';
import { lazyIdentityServices } from './identity-services.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';

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
      return new SubgraphDataSource({ url: resolved });
    },
  });

  const identityServices = lazyIdentityServices(() => subgraphs.get('users'), config.accessTokens);

  const app = express();
  const httpServer = http.createServer(app);
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
      metrics.plugin,
      ...(protection.plugins as ApolloServerPlugin<GatewayContext>[]),
    ],
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
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = readRequestId(req.headers['x-request-id']);
        res.setHeader('x-request-id', requestId);
        const tenantHeader = req.headers['x-tenant'];
        const namedSlug = Array.isArray(tenantHeader) ? tenantHeader[0] : tenantHeader;
        // A token names its own tenant, so the default tenant applies to anonymous requests only.
        const tenantSlug = namedSlug || (req.headers.authorization ? undefined : config.defaultTenant);
        // Checked here, before any subgraph is called: a bad token is a 401 and an unknown tenant a 404 for the whole request.
        const { tenant, viewer } = await identifyRequest({ authorization: req.headers.authorization, 'x-tenant': tenantSlug }, identityServices());
        return {
          requestId,
          logger: logger.child({ requestId, tenantId: tenant?.id, userId: viewer?.userId }),
          authorization: req.headers.authorization,
          tenantSlug: tenant?.slug,
          clientAddress: req.socket.remoteAddress,
          viewerId: firstHeader(req.headers['x-viewer-id']),
        };
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
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
