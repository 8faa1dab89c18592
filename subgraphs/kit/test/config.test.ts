import { describe, expect, it } from 'vitest';
import { ConfigError, locateDatabase, readHttpUrl, readPort, redactUrl } from '../src/index.ts';

describe('readPort', () => {
  it('returns the fallback when the variable is unset', () => {
    expect(readPort({}, 'JOBS_PORT', 4002)).toBe(4002);
  });

  it('reads a valid port', () => {
    expect(readPort({ JOBS_PORT: '5002' }, 'JOBS_PORT', 4002)).toBe(5002);
  });

  it.each(['abc', '-1', '70000', '4002.5'])('rejects %s with a message naming the variable', (value) => {
    expect(() => readPort({ JOBS_PORT: value }, 'JOBS_PORT', 4002)).toThrow(ConfigError);
    expect(() => readPort({ JOBS_PORT: value }, 'JOBS_PORT', 4002)).toThrow(`JOBS_PORT="${value}" is not a valid port`);
  });
});

describe('readHttpUrl', () => {
  it('rejects a URL with another scheme', () => {
    expect(() => readHttpUrl({ USERS_URL: 'ftp://host' }, 'USERS_URL', '')).toThrow('USERS_URL="ftp://host" uses "ftp:"');
  });

  it('drops trailing slashes', () => {
    expect(readHttpUrl({ USERS_URL: 'http://host:4001/' }, 'USERS_URL', '')).toBe('http://host:4001');
  });
});

describe('locateDatabase', () => {
  it('uses PGlite in the data folder when no URL is set', () => {
    expect(locateDatabase({}, 'jobs', '/data/jobs')).toEqual({ kind: 'pglite', dataDir: '/data/jobs' });
  });

  it('prefers the subgraph URL to DATABASE_URL', () => {
    const location = locateDatabase({ JOBS_DATABASE_URL: 'postgres://h/own', DATABASE_URL: 'postgres://h/shared' }, 'jobs', undefined);
    expect(location).toEqual({ kind: 'postgres', url: 'postgres://h/own', variable: 'JOBS_DATABASE_URL' });
  });

  it('suffixes the database name of DATABASE_URL with the subgraph', () => {
    const location = locateDatabase({ DATABASE_URL: 'postgres://user@h:5432/jobgraph?sslmode=disable' }, 'jobs', undefined);
    expect(location).toEqual({ kind: 'postgres', url: 'postgres://user@h:5432/jobgraph_jobs?sslmode=disable', variable: 'DATABASE_URL' });
  });

  it('rejects a URL that is not postgres://', () => {
    expect(() => locateDatabase({ JOBS_DATABASE_URL: 'mysql://h/db' }, 'jobs', undefined)).toThrow('JOBS_DATABASE_URL uses "mysql:"');
  });
});

describe('redactUrl', () => {
  it('hides the password', () => {
    expect(redactUrl('postgres://user:secret@h/db')).toBe('postgres://user:***@h/db');
  });
});
