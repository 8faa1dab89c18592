import type { Transaction } from 'kysely';
import type { EventOf } from './domain-event.ts';
import { eventTypes, type EventType } from './event-types.ts';

/**
 * A consumer: a named reader of domain events that applies them to its own
 * subgraph's database, such as a replica of job statuses or a search index.
 */
export interface ConsumerDefinition<DB = unknown, T extends EventType = EventType> {
  /**
   * Unique across the platform and stable, because its position, inbox and
   * broker subscription are kept under it: `applications.job-replica`.
   */
  readonly name: string;
  /** The event types it applies; events of other types are never delivered to it. */
  readonly events: readonly T[];
  /**
   * Applies one event in `trx`. The transaction runs as the application role
   * with the event's tenant set, so row-level security applies as in a request,
   * and it commits together with the consumer's position. A handler may run
   * more than once for an event whose first attempt failed, but its effects
   * commit once. It must not wait on a query outside `trx`.
   */
  handle(event: EventOf<T>, trx: Transaction<DB>): Promise<void>;
  /**
   * Empties the consumer's projection before a replay. It runs as the event
   * relay role, which may only TRUNCATE the tables a migration passed to
   * `allowReplayTruncate`. Without it, replay applies every event again over
   * the current state, so the handlers must then be idempotent by themselves.
   */
  reset?(trx: Transaction<DB>): Promise<void>;
}

/**
 * Declares a consumer with its handler typed by the events it names.
 *
 * @example
 * export const jobReplica = defineConsumer<ApplicationsDatabase, 'job.published' | 'job.closed'>({
 *   name: 'applications.job-replica',
 *   events: ['job.published', 'job.closed'],
 *   async handle(event, trx) {
 *     await trx.insertInto('job_replicas').values({ tenant_id: event.tenantId, id: event.aggregateId, status: event.payload.status })
 *       .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doUpdateSet({ status: event.payload.status })).execute();
 *   },
 * });
 */
export function defineConsumer<DB, const T extends EventType>(definition: ConsumerDefinition<DB, T>): ConsumerDefinition<DB, T> {
  for (const type of definition.events) {
    if (!Object.hasOwn(eventTypes, type)) throw new Error(`Consumer "${definition.name}" names event type "${type}", which event-types.ts does not declare.`);
  }
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(definition.name)) {
    throw new Error(`Consumer name "${definition.name}" is invalid; use lower-case letters, digits, dots and dashes, such as "search.jobs".`);
  }
  return definition;
}

/** Returns the producers a consumer reads from, each with the types it wants from that producer. */
export function producersOf(definition: { readonly events: readonly EventType[] }): Map<string, EventType[]> {
  const producers = new Map<string, EventType[]>();
  for (const type of definition.events) {
    const producer = eventTypes[type].producer;
    producers.set(producer, [...(producers.get(producer) ?? []), type]);
  }
  return producers;
}
