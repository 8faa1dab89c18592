import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ConfigError,
  createHttpTenantDirectory,
  createLogger,
  errorLogPlugin,
  formatError,
  readRequestId,
  resolveTenantHeader,
  type Logger,
  type TenantDirectory,
} from '@jobgraph/kit';
import express from 'express';
import type { GatewayConfig } from './gateway-config.ts';
import type { GatewayContext } from './gateway-context.ts';
import { SubgraphDataSource } from './subgraph-data-source.ts';

export interface StartGatewayOptions {
  readonly config: GatewayConfig;
  readonly logger?: Logger;
  /** The supergraph SDL; read from `config.supergraphPath` when omitted. */
  readonly supergraphSdl?: string;
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

  let tenants: TenantDirectory | undefined;
  const tenantDirectory = () => {
    const usersUrl = subgraphs.get('users');
    if (!usersUrl) throw new ConfigError('USERS_URL', 'The supergraph has no users subgraph, so the gateway cannot check tenants; compose it with the users subgraph.');
    tenants ??= createHttpTenantDirectory(usersUrl.replace(/\/graphql$/, ''));
    return tenants;
  };

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageLocalDefault({ embed: true }), errorLogPlugin()],
    logger,
  });
  await apollo.start();

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
        const tenantSlug = (Array.isArray(tenantHeader) ? tenantHeader[0] : tenantHeader) || config.defaultTenant;
        // Checked here too, so that a client gets a 400 or 404 at once instead of an error per subgraph fetch.
        await resolveTenantHeader(tenantDirectory(), tenantSlug);
        return {
          requestId,
          logger: logger.child({ requestId }),
          authorization: req.headers.authorization,
          tenantSlug,
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
