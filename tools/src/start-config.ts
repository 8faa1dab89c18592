import { ConfigError, envPrefix, locateDatabase, readHttpUrl, readPort, type Env, type SubgraphDefinition } from '@jobgraph/kit';

/** The ports and URLs of the services that `npm start` runs. */
export interface StartConfig {
  /** The port of each subgraph, by subgraph name. */
  readonly subgraphPorts: ReadonlyMap<string, number>;
  /** `<SUBGRAPH>_URL` of every subgraph: the variable when it is set, else localhost and the subgraph's port. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly gatewayPort: number;
}

export const defaultGatewayPort = 4000;

/**
 * Reads and checks every port and URL variable that `npm start` and its
 * services use, before any service starts. Raises a ConfigError that names
 * the variable; the services would find the same error only after the others
 * had started. Database URLs are checked for their form only: each subgraph
 * connects on its own.
 */
export function readStartConfig(env: Env, subgraphs: ReadonlyArray<Pick<SubgraphDefinition, 'name' | 'defaultPort'>>): StartConfig {
  const portOwners = new Map<number, string>();
  const subgraphPorts = new Map<string, number>();
  const subgraphUrls: Record<string, string> = {};
  for (const { name, defaultPort } of subgraphs) {
    const prefix = envPrefix(name);
    const port = readServicePort(env, `${prefix}_PORT`, defaultPort, portOwners);
    subgraphPorts.set(name, port);
    subgraphUrls[`${prefix}_URL`] = readHttpUrl(env, `${prefix}_URL`, `http://localhost:${port}`);
    locateDatabase(env, name, undefined);
  }
  const gatewayPort = readServicePort(env, 'GATEWAY_PORT', defaultGatewayPort, portOwners);
  return { subgraphPorts, subgraphUrls, gatewayPort };
}

/**
 * Reads a service's port. Port 0 is rejected because `npm start` waits for
 * each service's `/health` on the port it set, and with 0 the service would
 * listen on a port the operating system chooses. `portOwners` maps the ports
 * read so far to their variables, so that two services never get one port.
 */
function readServicePort(env: Env, name: string, fallback: number, portOwners: Map<number, string>): number {
  const port = readPort(env, name, fallback);
  if (port === 0) {
    throw new ConfigError(name, `${name}=0 asks for any free port, but npm start must know each service's port to check its health; set a fixed port such as ${fallback}.`);
  }
  const owner = portOwners.get(port);
  if (owner !== undefined) {
    const describe = (variable: string) => (env[variable] ? `${variable}=${env[variable]}` : `${variable} (unset, so ${port})`);
    throw new ConfigError(name, `${describe(owner)} and ${describe(name)} give two services port ${port}; set one of them to a free port.`);
  }
  portOwners.set(port, name);
  return port;
}
