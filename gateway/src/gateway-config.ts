import { fileURLToPath } from 'node:url';
import {
  ConfigError,
  envPrefix,
  isTenantSlug,
  readAccessTokenSettings,
  readHttpUrl,
  readPort,
  readTrustedProxies,
  type AccessTokenSettings,
  type Env,
  type TrustedProxies,
} from '@jobgraph/kit';

export interface GatewayConfig {
  readonly port: number;
  /** The address to listen on: `GATEWAY_HOST` or `HOST`; every interface when unset. */
  readonly host: string | undefined;
  readonly supergraphPath: string;
  /** The URL of subgraph `name`: `<NAME>_URL` when set, else the one the supergraph names. */
  subgraphUrl(name: string, supergraphUrl: string): string;
  /** The tenant slug of requests that name none; unset in production. */
  readonly defaultTenant: string | undefined;
  /** The `iss` and `aud` access tokens must carry: `JWT_ISSUER` and `JWT_AUDIENCE`. */
  readonly accessTokens: AccessTokenSettings;
  /** The browser origins allowed to call the gateway (`CORS_ORIGINS`, comma-separated); true allows any. */
  readonly corsOrigins: true | readonly string[];
  /** The load balancers whose `X-Forwarded-For` names the client (`TRUSTED_PROXIES`). */
  readonly trustedProxies: TrustedProxies;
}

const committedSupergraph = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/**
 * Reads the gateway's configuration: `GATEWAY_PORT`, `GATEWAY_HOST`,
 * `SUPERGRAPH_PATH`, `<SUBGRAPH>_URL`, `DEFAULT_TENANT`, `JWT_ISSUER`,
 * `JWT_AUDIENCE`, `CORS_ORIGINS` and `TRUSTED_PROXIES`.
 */
export function readGatewayConfig(env: Env): GatewayConfig {
  const defaultTenant = env.DEFAULT_TENANT || undefined;
  if (defaultTenant !== undefined && !isTenantSlug(defaultTenant)) {
    throw new ConfigError('DEFAULT_TENANT', `DEFAULT_TENANT="${defaultTenant}" is not a tenant slug; use lower-case letters, digits and dashes, such as "demo".`);
  }
  return {
    port: readPort(env, 'GATEWAY_PORT', 4000),
    host: env.GATEWAY_HOST || env.HOST || undefined,
    supergraphPath: env.SUPERGRAPH_PATH || committedSupergraph,
    subgraphUrl: (name, supergraphUrl) => {
      const override = readHttpUrl(env, `${envPrefix(name)}_URL`, '');
      if (!override) return supergraphUrl;
      return override.endsWith('/graphql') ? override : `${override}/graphql`;
    },
    defaultTenant,
    accessTokens: readAccessTokenSettings(env),
    corsOrigins: readCorsOrigins(env),
    trustedProxies: readTrustedProxies(env),
  };
}

// Tokens travel in the Authorization header, never in cookies, so allowing any origin lets no site act with a visitor's credentials.
function readCorsOrigins(env: Env): true | readonly string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw || raw === '*') return true;
  const origins = raw.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) {
      throw new ConfigError('CORS_ORIGINS', `CORS_ORIGINS has "${origin}", which is not an origin; list origins such as https://app.example.com, without paths, separated by commas.`);
    }
  }
  return origins;
}
