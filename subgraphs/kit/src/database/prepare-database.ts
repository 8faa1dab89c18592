import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DatabaseLocation } from '../config/database-url.ts';
import { migrateEventLog, restrictEventTables } from '../events/migrate-event-log.ts';
import { appRole, ensureAppRole, grantAppRole } from './app-role.ts';
import { migrateToLatest, type Migrations } from './migrate.ts';
import { openDatabase, type Database } from './open-database.ts';

export interface PrepareDatabaseOptions {
  readonly location: DatabaseLocation;
  readonly migrations: Migrations;
  readonly logger: Logger;
}

/**
 * Opens a subgraph's database ready for requests: the schema migrated by the
 * connecting user, then every session switched to the application role so
 * that row-level security holds for all the queries that follow.
 */
export async function prepareDatabase<DB>({ location, migrations, logger }: PrepareDatabaseOptions): Promise<Database<DB>> {
  if (location.kind === 'pglite') {
    // PGlite has one session: migrate in it, then switch that session's role for good.
    const database = await openDatabase<DB>({ location, logger });
    try {
      await migrateSchema(database.kysely as Kysely<unknown>, migrations, logger);
      await sql`set role ${sql.id(appRole)}`.execute(database.kysely);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }
  const owner = await openDatabase<unknown>({ location, logger, maxConnections: 1 });
  try {
    await migrateSchema(owner.kysely, migrations, logger);
  } finally {
    await owner.close();
  }
  return openDatabase<DB>({ location, logger, sessionRole: appRole });
}

async function migrateSchema(db: Kysely<unknown>, migrations: Migrations, logger: Logger): Promise<void> {
  await ensureAppRole(db);
  // The kit's event tables first, so that a subgraph migration can refer to the event relay role.
  await migrateEventLog(db, logger);
  await migrateToLatest(db, migrations, logger);
  await grantAppRole(db);
  await restrictEventTables(db);
}

/** Applies every pending migration to the database at `location` and closes it; the `npm run migrate` command. */
export async function migrateDatabase({ location, migrations, logger }: PrepareDatabaseOptions): Promise<void> {
  const owner = await openDatabase<unknown>({ location, logger, maxConnections: 1 });
  try {
    await migrateSchema(owner.kysely, migrations, logger);
  } finally {
    await owner.close();
  }
}
