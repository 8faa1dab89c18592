import { ConfigError, createAccessTokenVerifier, createHttpTenantDirectory, createRemoteKeySet, type AccessTokenSettings, type IdentityServices } from '@jobgraph/kit';

/**
 * Returns a getter for the tenant directory and token verifier the gateway
 * identifies requests with. Both talk to the users subgraph, whose URL is
 * known only once the gateway has loaded the supergraph, so they are made on
 * first use.
 */
export function lazyIdentityServices(findUsersUrl: () => string | undefined, settings: AccessTokenSettings): () => IdentityServices {
  let services: IdentityServices | undefined;
  return () => {
    if (services) return services;
    const graphqlUrl = findUsersUrl();
    if (!graphqlUrl) {
      throw new ConfigError('USERS_URL', 'The supergraph has no users subgraph, so the gateway cannot check tenants and tokens; compose it with the users subgraph.');
    }
    const usersUrl = graphqlUrl.replace(/\/graphql$/, '');
    services = {
      tenants: createHttpTenantDirectory(usersUrl),
      verifier: createAccessTokenVerifier({ keys: createRemoteKeySet(usersUrl), settings }),
    };
    return services;
  };
}
