import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { applyEvent } from './apply-event.ts';
import { describeError } from './backoff.ts';
import type { ConsumerDefinition } from './consumer-definition.ts';
import { parseLoggedEvent } from './domain-event.ts';
import type { RawLoggedEvent } from './event-feed.ts';
import { asEventRelay } from './event-roles.ts';
import type { EventTables } from './event-tables.ts';

/** The outcome of a retry of parked events. */
export interface RetryParkedResult {
  readonly applied: number;
  /** Events that failed again, or stay blocked behind one that did. */
  readonly parked: number;
}

/**
 * Applies a consumer's parked events again, once each, in log order: the
 * step after fixing the handler or the data that made them fail. An event
 * that fails again stays parked with the new error and one more attempt, and
 * the events of its aggregate behind it stay blocked. The consumer must not
 * run meanwhile; `RunningConsumer.retryParked()` pauses it.
 */
export async function retryParkedEvents<DB>(db: Kysely<DB>, consumer: ConsumerDefinition<DB>, logger: Logger): Promise<RetryParkedResult> {
  let applied = 0;
  let parked = 0;
  for (const raw of await readParkedEvents(db as Kysely<unknown>, consumer.name)) {
    try {
      const outcome = await applyEvent(db, consumer, parseLoggedEvent(raw), { retryingParked: true });
      if (outcome === 'blocked') parked += 1;
      else applied += 1;
    } catch (error) {
      parked += 1;
      logger.warn({ err: error, consumer: consumer.name, eventId: raw.id, tenantId: raw.tenantId }, 'parked event failed again; it stays parked');
      await recordFailedRetry(db as Kysely<unknown>, consumer.name, raw.id, describeError(error));
    }
  }
  return { applied, parked };
}

async function readParkedEvents(db: Kysely<unknown>, consumer: string): Promise<RawLoggedEvent[]> {
  const rows = await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>)
      .selectFrom('event_dead_letters')
      .select('event')
      .where('consumer', '=', consumer)
      .orderBy('producer')
      .orderBy('position')
      .execute(),
  );
  return rows.map((row) => row.event as RawLoggedEvent);
}

async function recordFailedRetry(db: Kysely<unknown>, consumer: string, eventId: string, error: string): Promise<void> {
  await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>)
      .updateTable('event_dead_letters')
      .set({ reason: 'failed', error, attempts: sql<number>`attempts + 1`, parked_at: sql<Date>`now()` })
      .where('consumer', '=', consumer)
      .where('event_id', '=', eventId)
      .execute(),
  );
}
