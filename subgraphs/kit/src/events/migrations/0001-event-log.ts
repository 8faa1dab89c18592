import { sql, type Kysely } from 'kysely';
import { enableTenantIsolation } from '../../database/tenant-isolation.ts';
import { eventRelayRole } from '../event-roles.ts';

const crossTenantTables = ['event_consumer_positions', 'event_inbox', 'event_dead_letters', 'event_relay_cursors'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_outbox')
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('id', 'uuid', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('aggregate_id', 'uuid', (column) => column.notNull())
    .addColumn('payload', 'jsonb', (column) => column.notNull())
    .addColumn('occurred_at', 'timestamptz', (column) => column.notNull())
    .addColumn('append_order', 'bigint', (column) => column.notNull().generatedAlwaysAsIdentity())
    .addColumn('position', 'bigint', (column) => column.unique())
    .addPrimaryKeyConstraint('event_outbox_pkey', ['tenant_id', 'id'])
    .execute();
  await sql`create index event_outbox_unstamped_idx on event_outbox (append_order) where position is null`.execute(db);
  // Producers append under the tenant policy, so a request can only write events of its own tenant.
  await enableTenantIsolation(db, 'event_outbox');
  await sql`create policy event_relay on event_outbox to ${sql.id(eventRelayRole)} using (true) with check (true)`.execute(db);
  await sql`grant select, update on event_outbox to ${sql.id(eventRelayRole)}`.execute(db);

  await db.schema
    .createTable('event_consumer_positions')
    .addColumn('consumer', 'text', (column) => column.notNull())
    .addColumn('producer', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_consumer_positions_pkey', ['consumer', 'producer'])
    .execute();

  await db.schema
    .createTable('event_inbox')
    .addColumn('consumer', 'text', (column) => column.notNull())
    .addColumn('event_id', 'uuid', (column) => column.notNull())
    .addColumn('handled_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_inbox_pkey', ['consumer', 'event_id'])
    .execute();

  await db.schema
    .createTable('event_dead_letters')
    .addColumn('consumer', 'text', (column) => column.notNull())
    .addColumn('event_id', 'uuid', (column) => column.notNull())
    .addColumn('producer', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('tenant_id', 'uuid', (column) => column.notNull())
    .addColumn('aggregate_id', 'uuid', (column) => column.notNull())
    .addColumn('type', 'text', (column) => column.notNull())
    .addColumn('event', 'jsonb', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull().check(sql`reason in ('failed', 'blocked')`))
    .addColumn('error', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('parked_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('event_dead_letters_pkey', ['consumer', 'event_id'])
    .execute();
  await db.schema.createIndex('event_dead_letters_aggregate_idx').on('event_dead_letters').columns(['consumer', 'aggregate_id']).execute();

  await db.schema
    .createTable('event_relay_cursors')
    .addColumn('relay', 'text', (column) => column.primaryKey())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  // These tables span tenants: the relay role reads and writes them, the application role sees no row.
  for (const table of crossTenantTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy event_relay on ${sql.table(table)} to ${sql.id(eventRelayRole)} using (true) with check (true)`.execute(db);
    await sql`grant select, insert, update, delete on ${sql.table(table)} to ${sql.id(eventRelayRole)}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['event_relay_cursors', 'event_dead_letters', 'event_inbox', 'event_consumer_positions', 'event_outbox']) {
    await db.schema.dropTable(table).execute();
  }
}
