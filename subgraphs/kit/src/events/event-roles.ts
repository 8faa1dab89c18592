import { sql, type Kysely, type Transaction } from 'kysely';

/**
 * The role of the event relay and of consumers while they read and write the
 * event tables. Those tables span every tenant, so row-level security with
 * the `app.tenant_id` setting cannot admit them. Instead each event table has
 * a policy for this role alone, and the role is granted those tables and
 * nothing else. It has no privilege on a domain table (apart from TRUNCATE
 * through `allowReplayTruncate`), so a bug in the relay cannot read tenant data. Requests never switch to it; they keep running as
 * the application role under the tenant policies.
 */
export const eventRelayRole = 'jobgraph_event_relay';

/** Creates the relay role when the server does not have it, and lets the current user switch to it. */
export async function ensureEventRelayRole(db: Kysely<unknown>): Promise<void> {
  // Several subgraphs may start at once on one server; the role is created by whichever comes first.
  await sql`
    do $$
    begin
      create role ${sql.id(eventRelayRole)} nologin;
    exception when duplicate_object or unique_violation then null;
    end
    $$
  `.execute(db);
  await sql`grant ${sql.id(eventRelayRole)} to current_user`.execute(db);
  await sql`grant usage on schema public to ${sql.id(eventRelayRole)}`.execute(db);
}

/**
 * Switches the rest of `trx` to the relay role. The switch ends with the
 * transaction, so the session is back to the application role afterwards.
 */
export async function actAsEventRelay(trx: Transaction<unknown>): Promise<void> {
  await sql`set local role ${sql.id(eventRelayRole)}`.execute(trx);
}

/**
 * Runs `work` in a transaction as the relay role.
 *
 * @example
 * const head = await asEventRelay(db, (trx) => trx.selectFrom('event_outbox').select(...).execute());
 */
export async function asEventRelay<T>(db: Kysely<unknown>, work: (trx: Transaction<unknown>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await actAsEventRelay(trx);
    return work(trx);
  });
}

/**
 * Lets replay empty `table`, a projection a consumer rebuilds from events:
 * grants the relay role TRUNCATE on it, and nothing else. TRUNCATE is not
 * subject to row-level security, so the projection keeps its tenant policy
 * for every other statement. Call it in the migration that creates the table.
 */
export async function allowReplayTruncate(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`grant truncate on ${sql.table(table)} to ${sql.id(eventRelayRole)}`.execute(db);
}
