import { eventTypes, isEventType, type EventPayload, type EventType } from './event-types.ts';

/** A domain event as its producer appended it. */
export interface DomainEvent<T extends EventType = EventType> {
  /** A UUID v7, unique across every outbox; consumers de-duplicate by it. */
  readonly id: string;
  readonly type: T;
  /** The payload version of `type` the producer wrote. */
  readonly version: number;
  readonly tenantId: string;
  /** The id of the entity the event is about: the user, company or job. */
  readonly aggregateId: string;
  readonly payload: EventPayload<T>;
  /** ISO 8601, when the producer appended the event. */
  readonly occurredAt: string;
}

/** A domain event read back from its producer's log. */
export interface LoggedEvent<T extends EventType = EventType> extends DomainEvent<T> {
  /** The subgraph whose outbox contains the event. */
  readonly producer: string;
  /**
   * The event's place in its producer's log: 1, 2, 3 ... in the order the
   * appending transactions became visible. The relay assigns it.
   */
  readonly position: number;
}

/** One event of the types in `T`, narrowed by `type`: `switch (event.type)` gives each case its payload. */
export type EventOf<T extends EventType> = { [K in T]: LoggedEvent<K> }[T];

/** An event whose payload failed validation against its declared type. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
}

/**
 * Validates an event read from a log against the registry: a known type, the
 * version this build reads, and a payload that matches the type's schema.
 * Returns the event with its payload as the schema outputs it, or throws an
 * `InvalidEventError` that names the event and the rule it broke.
 */
export function parseLoggedEvent(raw: LoggedEvent<EventType> | Omit<LoggedEvent, 'payload'> & { payload: unknown }): LoggedEvent {
  if (!isEventType(raw.type)) {
    throw new InvalidEventError(`Event "${raw.id}" has type "${raw.type}", which no declaration in event-types.ts names.`);
  }
  const declaration = eventTypes[raw.type];
  if (raw.version !== declaration.version) {
    throw new InvalidEventError(
      `Event "${raw.id}" of type "${raw.type}" has version ${raw.version}; this build reads version ${declaration.version} only.`,
    );
  }
  const parsed = declaration.payload.safeParse(raw.payload);
  if (!parsed.success) {
    throw new InvalidEventError(`Event "${raw.id}" of type "${raw.type}" has an invalid payload: ${parsed.error.message}`);
  }
  return { ...raw, payload: parsed.data } as LoggedEvent;
}
