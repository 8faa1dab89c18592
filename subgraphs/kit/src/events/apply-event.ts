import { sql, type Kysely, type Transaction } from 'kysely';
import { appRole } from '../database/app-role.ts';
import type { ConsumerDefinition } from './consumer-definition.ts';
import type { EventOf, LoggedEvent } from './domain-event.ts';
import type { RawLoggedEvent } from './event-feed.ts';
import { actAsEventRelay } from './event-roles.ts';
import type { EventTables } from './event-tables.ts';
import type { EventType } from './event-types.ts';

/** The outcome of one delivered event. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'blocked';

/**
 * Applies one event for `consumer` in one transaction: records its id in the
 * inbox, runs the handler, and advances the consumer's position. Either all
 * three commit or none, so a crash at any point leaves the event to be
 * delivered again. A second delivery finds the id in the inbox and does
 * nothing, so each event takes effect once (the consumer tests check this
 * after a crash mid-batch).
 *
 * An event whose aggregate already has an earlier parked event is parked
 * too, as `blocked`, so that a consumer never applies a later change of an
 * entity whose earlier change it could not apply. Events of other aggregates
 * go on.
 *
 * With `retryingParked`, the event is one of the consumer's parked events:
 * its dead letter and inbox row are removed in the same transaction, so a
 * failure leaves it parked as it was.
 */
export async function applyEvent<DB>(
  db: Kysely<DB>,
  consumer: ConsumerDefinition<DB>,
  event: LoggedEvent,
  options: { readonly retryingParked?: boolean } = {},
): Promise<ApplyOutcome> {
  return db.transaction().execute(async (trx) => {
    await actAsEventRelay(trx as Transaction<unknown>);
    const events = trx as unknown as Kysely<EventTables>;
    if (options.retryingParked) {
      await events.deleteFrom('event_dead_letters').where('consumer', '=', consumer.name).where('event_id', '=', event.id).execute();
      await events.deleteFrom('event_inbox').where('consumer', '=', consumer.name).where('event_id', '=', event.id).execute();
    }
    // TODO(event-inbox): rows are never pruned, so the inbox grows by one row per event and consumer.
    const fresh = await events
      .insertInto('event_inbox')
      .values({ consumer: consumer.name, event_id: event.id })
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();

    let outcome: ApplyOutcome = 'duplicate';
    if (fresh) {
      const blocker = await events
        .selectFrom('event_dead_letters')
        .select('event_id')
        .where('consumer', '=', consumer.name)
        .where('aggregate_id', '=', event.aggregateId)
        .where('position', '<', event.position)
        .limit(1)
        .executeTakeFirst();
      if (blocker) {
        const error = `Event "${blocker.event_id}" of aggregate "${event.aggregateId}" is parked, so this later event of it is parked behind it.`;
        await insertDeadLetter(events, consumer.name, event, { reason: 'blocked', error, attempts: 0 });
        outcome = 'blocked';
      } else {
        await sql`set local role ${sql.id(appRole)}`.execute(trx);
        await sql`select set_config('app.tenant_id', ${event.tenantId}, true)`.execute(trx);
        await consumer.handle(event as EventOf<EventType>, trx);
        await actAsEventRelay(trx as Transaction<unknown>);
        outcome = 'applied';
      }
    }
    await advancePosition(events, consumer.name, event.producer, event.position);
    return outcome;
  });
}

/**
 * Parks an event that its handler kept failing on, or whose payload is
 * invalid, in the dead-letter table with the error, and moves past it.
 */
export async function parkEvent(
  db: Kysely<unknown>,
  consumer: string,
  event: RawLoggedEvent,
  failure: { readonly error: string; readonly attempts: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await actAsEventRelay(trx);
    const events = trx as unknown as Kysely<EventTables>;
    await events
      .insertInto('event_inbox')
      .values({ consumer, event_id: event.id })
      .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
      .execute();
    await insertDeadLetter(events, consumer, event, { reason: 'failed', ...failure });
    await advancePosition(events, consumer, event.producer, event.position);
  });
}

async function insertDeadLetter(
  events: Kysely<EventTables>,
  consumer: string,
  event: RawLoggedEvent,
  failure: { readonly reason: 'failed' | 'blocked'; readonly error: string; readonly attempts: number },
): Promise<void> {
  await events
    .insertInto('event_dead_letters')
    .values({
      consumer,
      event_id: event.id,
      producer: event.producer,
      position: event.position,
      tenant_id: event.tenantId,
      aggregate_id: event.aggregateId,
      type: event.type,
      event: JSON.stringify(event),
      ...failure,
    })
    .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
    .execute();
}

// Greatest, because a broker may deliver an older event again after a newer one.
async function advancePosition(events: Kysely<EventTables>, consumer: string, producer: string, position: number): Promise<void> {
  await events
    .insertInto('event_consumer_positions')
    .values({ consumer, producer, position })
    .onConflict((conflict) =>
      conflict.columns(['consumer', 'producer']).doUpdateSet({
        position: sql<number>`greatest(event_consumer_positions.position, excluded.position)`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}
