import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Logger } from 'pino';

/** A subgraph's migrations by name; names sort in the order they apply (`0001-initial`, `0002-...`). */
export type Migrations = Readonly<Record<string, Migration>>;

/**
 * Applies every pending migration in one run, each in its own transaction,
 * and raises the first failure. Kysely's migrator takes a lock, so two
 * replicas starting at once do not both apply a migration.
 */
export async function migrateToLatest(db: Kysely<unknown>, migrations: Migrations, logger: Logger): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  report(await migrator.migrateToLatest(), logger);
}

function report({ error, results }: MigrationResultSet, logger: Logger): void {
  for (const result of results ?? []) {
    if (result.status === 'Success') logger.info({ migration: result.migrationName }, 'migration applied');
    if (result.status === 'Error') logger.error({ migration: result.migrationName }, 'migration failed');
  }
  if (error) throw error;
}
