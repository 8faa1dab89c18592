import type { Kysely, Transaction } from 'kysely';
import { invariant } from '../errors/invariant.ts';
import { newId } from '../graphql/ids.ts';
import type { DomainEvent } from './domain-event.ts';
import type { EventTables } from './event-tables.ts';
import { eventTypes, type EventPayloadInput, type EventType } from './event-types.ts';

/** The event a producer passes to `appendEvent`, which adds the id, version and time. */
export interface NewEvent<T extends EventType> {
  readonly type: T;
  readonly tenantId: string;
  /** The id of the entity the event is about: the user, company or job. */
  readonly aggregateId: string;
  readonly payload: EventPayloadInput<T>;
}

/**
 * Appends a domain event to the outbox, in the transaction of the change it
 * describes: it commits with the change or not at all. The payload is
 * validated against the type's schema first, and a mismatch is a bug of the
 * producer, so it raises an `InvariantError` and the mutation writes nothing.
 *
 * `trx` must be the transaction of the change, and its tenant (the one
 * `inTenant` set) must be `tenantId`: the outbox's tenant policy rejects
 * any other.
 *
 * @example
 * await inTenant(ctx.db, tenant.id, async (trx) => {
 *   const job = await updateJobStatus(trx, tenant.id, id, 'PUBLISHED');
 *   await appendEvent(trx, { type: 'job.published', tenantId: tenant.id, aggregateId: job.id, payload: toJobSnapshot(job) });
 *   return job;
 * });
 */
export async function appendEvent<DB, T extends EventType>(trx: Transaction<DB>, event: NewEvent<T>): Promise<DomainEvent<T>> {
  invariant(trx.isTransaction, `appendEvent("${event.type}") needs the transaction of the change, not a bare Kysely instance.`);
  const declaration = eventTypes[event.type];
  invariant(declaration, `Event type "${event.type}" is not declared in event-types.ts.`);
  const parsed = declaration.payload.safeParse(event.payload);
  invariant(parsed.success, `The payload of "${event.type}" does not match its schema: ${parsed.error?.message}`);

  const appended = {
    id: newId(),
    type: event.type,
    version: declaration.version,
    tenantId: event.tenantId,
    aggregateId: event.aggregateId,
    payload: parsed.data,
    occurredAt: new Date().toISOString(),
  } as DomainEvent<T>;
  await (trx as unknown as Kysely<EventTables>)
    .insertInto('event_outbox')
    .values({
      tenant_id: appended.tenantId,
      id: appended.id,
      type: appended.type,
      version: appended.version,
      aggregate_id: appended.aggregateId,
      payload: JSON.stringify(appended.payload),
      occurred_at: appended.occurredAt,
    })
    .execute();
  return appended;
}
