import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/**
 * Creates a key source that fetches the users subgraph's public keys from
 * `<usersUrl>/.well-known/jwks.json` and caches them for ten minutes. A token
 * whose `kid` is not in the cache triggers a new fetch, at most one every ten
 * seconds, so a rotated key is picked up at once and a flood of made-up
 * `kid`s costs the users subgraph one request per ten seconds.
 */
export function createRemoteKeySet(usersUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(`${usersUrl}/.well-known/jwks.json`), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 10_000,
    timeoutDuration: 5_000,
  });
}
