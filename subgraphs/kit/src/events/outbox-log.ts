import { sql, type Kysely, type Transaction } from 'kysely';
import type { LoggedEvent } from './domain-event.ts';
import { asEventRelay } from './event-roles.ts';
import type { EventTables } from './event-tables.ts';
import type { EventType } from './event-types.ts';

/**
 * Any constant works as long as only the stamping transaction takes it: it
 * makes stamping one transaction at a time across every process on the database.
 */
const stampLockKey = 7_406_318_112;

/** At most this many events get a position per stamping transaction. */
const stampBatchSize = 1_000;

/**
 * Gives the outbox's unstamped events their positions, in append order,
 * after every position already given. Returns how many it stamped.
 *
 * This is what keeps consumers from skipping an event. A transaction that
 * began first may commit last, and its events are invisible until it
 * commits. A later run stamps them, with positions after everything
 * stamped before. The advisory lock runs one stamping transaction at a time,
 * and its statements take their snapshots after the lock is granted, so each
 * run sees the positions of the run before. Positions therefore become
 * visible as an unbroken prefix, and a consumer reading `position > p`
 * never passes an event that shows up later.
 */
export async function stampOutbox(db: Kysely<unknown>): Promise<number> {
  return asEventRelay(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${stampLockKey})`.execute(trx);
    const stamped = await sql<{ position: number }>`
      with last as (
        select coalesce(max(position), 0) as position from event_outbox
      ), unstamped as (
        select tenant_id, id, row_number() over (order by append_order) as offset_in_batch
        from event_outbox
        where position is null
        order by append_order
        limit ${stampBatchSize}
      )
      update event_outbox as outbox
      set position = last.position + unstamped.offset_in_batch
      from unstamped, last
      where outbox.tenant_id = unstamped.tenant_id and outbox.id = unstamped.id
      returning outbox.position
    `.execute(trx);
    return stamped.rows.length;
  });
}

/** A page of a producer's log, with how many matching events lie beyond `after` in total. */
export interface OutboxPage {
  readonly events: readonly LoggedEvent[];
  /** Matching events after `after`, this page included: the reader's lag in events. */
  readonly pending: number;
  /** The highest position in the log, 0 when it is empty. */
  readonly lastPosition: number;
}

export interface ReadOutboxOptions {
  readonly producer: string;
  /** The last position the reader has; 0 reads from the start. */
  readonly after: number;
  readonly limit: number;
  /** Only events of these types; all types when omitted. */
  readonly types?: readonly EventType[];
}

/**
 * Reads the stamped events after `after` in position order. Events are not
 * validated here: the consumer validates each one, so that one bad payload
 * parks that event and not the page.
 */
export async function readOutbox(db: Kysely<unknown>, options: ReadOutboxOptions): Promise<OutboxPage> {
  return asEventRelay(db, (trx) => readOutboxIn(trx, options));
}

async function readOutboxIn(trx: Transaction<unknown>, { producer, after, limit, types }: ReadOutboxOptions): Promise<OutboxPage> {
  const outbox = trx as unknown as Kysely<EventTables>;
  let query = outbox.selectFrom('event_outbox').where('position', '>', after);
  if (types) query = query.where('type', 'in', types.length > 0 ? [...types] : ['']);
  const rows = await query
    .select(['id', 'type', 'version', 'tenant_id', 'aggregate_id', 'payload', 'occurred_at', 'position'])
    .orderBy('position')
    .limit(limit)
    .execute();
  const { pending } = await query.select((eb) => eb.fn.countAll<number>().as('pending')).executeTakeFirstOrThrow();
  const events = rows.map(
    (row): LoggedEvent => ({
      id: row.id,
      type: row.type as EventType,
      version: row.version,
      tenantId: row.tenant_id,
      aggregateId: row.aggregate_id,
      payload: row.payload as never,
      occurredAt: new Date(row.occurred_at).toISOString(),
      producer,
      position: Number(row.position),
    }),
  );
  const { last } = await outbox
    .selectFrom('event_outbox')
    .select((eb) => eb.fn.max('position').as('last'))
    .executeTakeFirstOrThrow();
  return { events, pending: Number(pending), lastPosition: Number(last ?? 0) };
}
