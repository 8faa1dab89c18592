import { Migrator, sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { appRole } from '../database/app-role.ts';
import * as eventLog from './migrations/0001-event-log.ts';
import { ensureEventRelayRole } from './event-roles.ts';

/**
 * The kit's own migrations, kept in their own Kysely migration tables so that
 * they never mix with a subgraph's: every subgraph database gets the outbox
 * and the consumer tables without copying a migration.
 */
const eventMigrationTable = 'kit_event_migration';
const eventMigrationLockTable = 'kit_event_migration_lock';

/** Creates the relay role and applies the kit's event-log migrations. Runs before the subgraph's own migrations. */
export async function migrateEventLog(db: Kysely<unknown>, logger: Logger): Promise<void> {
  await ensureEventRelayRole(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => ({ '0001-event-log': eventLog }) },
    migrationTableName: eventMigrationTable,
    migrationLockTableName: eventMigrationLockTable,
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const result of results ?? []) {
    if (result.status === 'Success') logger.info({ migration: `kit/${result.migrationName}` }, 'migration applied');
    if (result.status === 'Error') logger.error({ migration: `kit/${result.migrationName}` }, 'migration failed');
  }
  if (error) throw error;
}

/**
 * Narrows what the application role may do with the event tables, after it
 * was granted every table of the schema: append to the outbox, and nothing
 * else. Reading the outbox and writing the consumer tables is the relay's job.
 */
export async function restrictEventTables(db: Kysely<unknown>): Promise<void> {
  const app = sql.id(appRole);
  await sql`revoke all on ${sql.table(eventMigrationTable)}, ${sql.table(eventMigrationLockTable)} from ${app}`.execute(db);
  await sql`revoke all on event_outbox, event_consumer_positions, event_inbox, event_dead_letters, event_relay_cursors from ${app}`.execute(
    db,
  );
  await sql`grant insert on event_outbox to ${app}`.execute(db);
}
