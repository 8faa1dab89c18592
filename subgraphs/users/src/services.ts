import { ConfigError, readAccessTokenSettings, readPositiveInteger, type ServiceSetup } from '@jobgraph/kit';
import type { UsersDatabase } from './db/database.ts';
import type { AccessTokenIssuer } from './auth/access-tokens.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { defaultRegistrationLimits, RegistrationThrottle } from './auth/registration-throttle.ts';
import { loadSigningKeys, type SigningKeys } from './auth/signing-keys.ts';

/** The long-lived services of the users subgraph, shared by all requests. */
export interface UsersServices {
  readonly signingKeys: SigningKeys;
  readonly accessTokens: AccessTokenIssuer;
  /** Lifetime of a refresh token from its issue, in seconds. */
  readonly refreshTokenLifetimeSeconds: number;
  readonly loginThrottle: LoginThrottle;
  readonly registrationThrottle: RegistrationThrottle;
}

/**
 * Creates the users subgraph's services: the signing keys, the token
 * lifetimes (`ACCESS_TOKEN_TTL_SECONDS`, default 900; `REFRESH_TOKEN_TTL_SECONDS`,
 * default 30 days), the login throttle and the registration limits per client
 * address (`TENANT_REGISTRATIONS_PER_HOUR`, default 3;
 * `ACCOUNT_REGISTRATIONS_PER_HOUR`, default 30).
 */
export async function createServices(setup: ServiceSetup<UsersDatabase>): Promise<UsersServices> {
  const signingKeys = await loadSigningKeys(setup);
  const settings = readAccessTokenSettings(setup.env);
  const lifetimeSeconds = readPositiveInteger(setup.env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60);
  if (lifetimeSeconds > settings.maxAgeSeconds) {
    throw new ConfigError(
      'ACCESS_TOKEN_TTL_SECONDS',
      `ACCESS_TOKEN_TTL_SECONDS=${lifetimeSeconds} exceeds JWT_MAX_AGE_SECONDS=${settings.maxAgeSeconds}, so verifiers would reject tokens before they expire; lower it or raise JWT_MAX_AGE_SECONDS.`,
    );
  }
  return {
    signingKeys,
    accessTokens: { key: signingKeys.current, settings, lifetimeSeconds },
    refreshTokenLifetimeSeconds: readPositiveInteger(setup.env, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 60 * 60),
    loginThrottle: new LoginThrottle(),
    registrationThrottle: new RegistrationThrottle({
      tenantsPerHour: readPositiveInteger(setup.env, 'TENANT_REGISTRATIONS_PER_HOUR', defaultRegistrationLimits.tenantsPerHour),
      accountsPerHour: readPositiveInteger(setup.env, 'ACCOUNT_REGISTRATIONS_PER_HOUR', defaultRegistrationLimits.accountsPerHour),
    }),
  };
}
