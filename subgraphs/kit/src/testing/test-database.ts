import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseLocation } from '../config/database-url.ts';

/**
 * The database a test runs on: PGlite in memory by default, or a new
 * database on the server that `TEST_DATABASE_URL` names (the URL of any
 * existing database there, used to create and drop the test's own).
 */
export interface TestDatabase {
  readonly location: DatabaseLocation;
  drop(): Promise<void>;
}

export const testServerUrl = process.env.TEST_DATABASE_URL || undefined;

/** Creates a fresh database for one test suite; `label` goes into its name on a server. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!testServerUrl) return { location: { kind: 'pglite', dataDir: undefined }, drop: async () => {} };
  const name = `jobgraph_test_${label.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  return {
    location: { kind: 'postgres', url: url.toString(), variable: 'TEST_DATABASE_URL' },
    async drop() {
      const client = new pg.Client({ connectionString: testServerUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
