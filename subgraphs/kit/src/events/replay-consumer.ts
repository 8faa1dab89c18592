import type { Kysely } from 'kysely';
import { producersOf, type ConsumerDefinition } from './consumer-definition.ts';
import { clearConsumerState } from './consumer-state-store.ts';
import type { EventTransport } from './event-feed.ts';

/**
 * Prepares a consumer that is not running for a rebuild: clears its state
 * and projection, and its durable subscriptions on the broker. Its next start
 * applies every event from the first. A running consumer replays with
 * `RunningConsumer.replay()` instead.
 */
export async function replayConsumer<DB>(db: Kysely<DB>, definition: ConsumerDefinition<DB>, transport: EventTransport): Promise<void> {
  await clearConsumerState(db, definition);
  await transport.resetConsumer(definition.name, [...producersOf(definition).keys()]);
}
