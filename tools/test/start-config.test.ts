import { ConfigError } from '@jobgraph/kit';
import { describe, expect, it } from 'vitest';
import { readStartConfig } from '../src/start-config.ts';

const subgraphs = [
  { name: 'users', defaultPort: 4001 },
  { name: 'jobs', defaultPort: 4002 },
];

/** Returns the ConfigError that readStartConfig raises for `env`. */
function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    readStartConfig(env, subgraphs);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`readStartConfig accepted ${JSON.stringify(env)}`);
}

describe('readStartConfig', () => {
  it('uses the default ports and localhost URLs', () => {
    const config = readStartConfig({}, subgraphs);
    expect(config.gatewayPort).toBe(4000);
    expect([...config.subgraphPorts]).toEqual([
      ['users', 4001],
      ['jobs', 4002],
    ]);
    expect(config.subgraphUrls).toEqual({ USERS_URL: 'http://localhost:4001', JOBS_URL: 'http://localhost:4002' });
  });

  it('keeps a subgraph URL that is set', () => {
    const config = readStartConfig({ JOBS_PORT: '5102', USERS_URL: 'http://users.internal:4001' }, subgraphs);
    expect(config.subgraphUrls).toEqual({ USERS_URL: 'http://users.internal:4001', JOBS_URL: 'http://localhost:5102' });
  });

  it.each([
    [{ GATEWAY_PORT: 'abc' }, 'GATEWAY_PORT', 'GATEWAY_PORT="abc" is not a valid port; set it to an integer from 0 to 65535.'],
    [{ GATEWAY_PORT: '70000' }, 'GATEWAY_PORT', 'GATEWAY_PORT="70000" is not a valid port; set it to an integer from 0 to 65535.'],
    [{ USERS_PORT: '-1' }, 'USERS_PORT', 'USERS_PORT="-1" is not a valid port; set it to an integer from 0 to 65535.'],
    [{ JOBS_URL: 'ftp://jobs' }, 'JOBS_URL', 'JOBS_URL="ftp://jobs" uses "ftp:"; set it to an http:// or https:// URL.'],
    [{ USERS_URL: 'users:4001' }, 'USERS_URL', 'USERS_URL="users:4001" uses "users:"; set it to an http:// or https:// URL.'],
    [{ DATABASE_URL: 'mysql://db/jobgraph' }, 'DATABASE_URL', 'DATABASE_URL uses "mysql:"; set it to a postgres:// URL such as postgres://user@host:5432/database.'],
    [{ JOBS_DATABASE_URL: 'not a url' }, 'JOBS_DATABASE_URL', 'JOBS_DATABASE_URL is not a URL; set it to postgres://user@host:5432/database.'],
    [
      { GATEWAY_PORT: '0' },
      'GATEWAY_PORT',
      "GATEWAY_PORT=0 asks for any free port, but npm start must know each service's port to check its health; set a fixed port such as 4000.",
    ],
  ])('rejects %j', (env, variable, message) => {
    const error = configErrorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it('rejects two services on one port', () => {
    const error = configErrorOf({ JOBS_PORT: '4000' });
    expect(error.variable).toBe('GATEWAY_PORT');
    expect(error.message).toBe('JOBS_PORT=4000 and GATEWAY_PORT (unset, so 4000) give two services port 4000; set one of them to a free port.');
  });
});
