import { ConfigError } from './config-error.ts';
import { envPrefix, type Env } from './env.ts';

/** The location of a subgraph's data: a PostgreSQL server, or PGlite in a folder or in memory. */
export type DatabaseLocation =
  | { readonly kind: 'postgres'; readonly url: string; readonly variable: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | undefined };

/**
 * Chooses the database of `subgraph`. `<SUBGRAPH>_DATABASE_URL` wins; else a
 * `DATABASE_URL` names the server and its database name gets the subgraph as
 * a suffix (`jobgraph` becomes `jobgraph_jobs`); else PGlite keeps the data
 * under `dataDir`, or in memory when that is undefined.
 */
export function locateDatabase(env: Env, subgraph: string, dataDir: string | undefined): DatabaseLocation {
  const own = `${envPrefix(subgraph)}_DATABASE_URL`;
  const ownUrl = env[own];
  if (ownUrl) {
    return { kind: 'postgres', url: parsePostgresUrl(own, ownUrl).toString(), variable: own };
  }
  const shared = env.DATABASE_URL;
  if (shared) {
    const url = parsePostgresUrl('DATABASE_URL', shared);
    const base = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'jobgraph';
    url.pathname = `/${base}_${subgraph}`;
    return { kind: 'postgres', url: url.toString(), variable: 'DATABASE_URL' };
  }
  return { kind: 'pglite', dataDir };
}

function parsePostgresUrl(variable: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `${variable} is not a URL; set it to postgres://user@host:5432/database.`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(variable, `${variable} uses "${url.protocol}"; set it to a postgres:// URL such as postgres://user@host:5432/database.`);
  }
  return url;
}

/** Returns `url` with its password replaced, for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
