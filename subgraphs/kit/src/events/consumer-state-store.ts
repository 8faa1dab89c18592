import type { Kysely } from 'kysely';
import type { ConsumerDefinition } from './consumer-definition.ts';
import { asEventRelay } from './event-roles.ts';
import type { EventTables } from './event-tables.ts';

/** Reads the consumer's stored position in each producer's log; a producer it never read from is at 0. */
export async function readConsumerPositions(db: Kysely<unknown>, consumer: string): Promise<Map<string, number>> {
  const rows = await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>)
      .selectFrom('event_consumer_positions')
      .select(['producer', 'position'])
      .where('consumer', '=', consumer)
      .execute(),
  );
  return new Map(rows.map((row) => [row.producer, Number(row.position)]));
}

/** Counts the events a consumer has parked. */
export async function countDeadLetters(db: Kysely<unknown>, consumer: string): Promise<number> {
  const row = await asEventRelay(db, (trx) =>
    (trx as unknown as Kysely<EventTables>)
      .selectFrom('event_dead_letters')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('consumer', '=', consumer)
      .executeTakeFirstOrThrow(),
  );
  return Number(row.count);
}

/**
 * Forgets everything a consumer applied, in one transaction: its positions,
 * inbox and dead letters, and its projection through its `reset`. Its next
 * run starts from the first event of every producer.
 */
export async function clearConsumerState<DB>(db: Kysely<DB>, consumer: ConsumerDefinition<DB>): Promise<void> {
  await asEventRelay(db as Kysely<unknown>, async (trx) => {
    const events = trx as unknown as Kysely<EventTables>;
    await events.deleteFrom('event_consumer_positions').where('consumer', '=', consumer.name).execute();
    await events.deleteFrom('event_inbox').where('consumer', '=', consumer.name).execute();
    await events.deleteFrom('event_dead_letters').where('consumer', '=', consumer.name).execute();
    await consumer.reset?.(trx as never);
  });
}
