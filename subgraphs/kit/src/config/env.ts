import { ConfigError } from './config-error.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** Reads a TCP port from `name`, or returns `fallback` when it is unset. */
export function readPort(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) {
    throw new ConfigError(name, `${name}="${raw}" is not a valid port; set it to an integer from 0 to 65535.`);
  }
  return port;
}

/** Reads an http(s) URL from `name`, or returns `fallback` when it is unset. */
export function readHttpUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `${name}="${raw}" is not a URL; set it to an absolute http(s) URL such as http://localhost:4001.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `${name}="${raw}" uses "${url.protocol}"; set it to an http:// or https:// URL.`);
  }
  return raw.replace(/\/+$/, '');
}

/** Reads one of `choices` from `name`, or returns `fallback` when it is unset. */
export function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!choices.includes(raw as T)) {
    throw new ConfigError(name, `${name}="${raw}" is not one of ${choices.join(', ')}; set it to one of them or unset it.`);
  }
  return raw as T;
}

/** Reads a positive integer from `name`, or returns `fallback` when it is unset. */
export function readPositiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ConfigError(name, `${name}="${raw}" is not a positive integer; set it to a whole number such as ${fallback}.`);
  }
  return Number(raw);
}

/** The environment variable prefix of a subgraph: `jobs` becomes `JOBS`. */
export function envPrefix(subgraph: string): string {
  return subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}
