import { fileURLToPath } from 'node:url';
import { ConfigError, envPrefix, isTenantSlug, readAccessTokenSettings, readHttpUrl, readPort, type AccessTokenSettings, type Env } from '@jobgraph/kit';

export interface GatewayConfig {
  readonly port: number;
  readonly supergraphPath: string;
  /** The URL of subgraph `name`: `<NAME>_URL` when set, else the one the supergraph names. */
  subgraphUrl(name: string, supergraphUrl: string): string;
  /** The tenant slug of requests that name none; unset in production. */
  readonly defaultTenant: string | undefined;
  /** The `iss` and `aud` access tokens must carry: `JWT_ISSUER` and `JWT_AUDIENCE`. */
  readonly accessTokens: AccessTokenSettings;
}

const committedSupergraph = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** Reads the gateway's configuration: `GATEWAY_PORT`, `SUPERGRAPH_PATH`, `<SUBGRAPH>_URL`, `DEFAULT_TENANT`, `JWT_ISSUER` and `JWT_AUDIENCE`. */
export function readGatewayConfig(env: Env): GatewayConfig {
  const defaultTenant = env.DEFAULT_TENANT || undefined;
  if (defaultTenant !== undefined && !isTenantSlug(defaultTenant)) {
    throw new ConfigError('DEFAULT_TENANT', `DEFAULT_TENANT="${defaultTenant}" is not a tenant slug; use lower-case letters, digits and dashes, such as "demo".`);
  }
  return {
    port: readPort(env, 'GATEWAY_PORT', 4000),
    supergraphPath: env.SUPERGRAPH_PATH || committedSupergraph,
    subgraphUrl: (name, supergraphUrl) => {
      const override = readHttpUrl(env, `${envPrefix(name)}_URL`, '');
      if (!override) return supergraphUrl;
      return override.endsWith('/graphql') ? override : `${override}/graphql`;
    },
    defaultTenant,
    accessTokens: readAccessTokenSettings(env),
  };
}
