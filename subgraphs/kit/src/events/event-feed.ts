import type { LoggedEvent } from './domain-event.ts';
import type { EventType } from './event-types.ts';

/** An event as a transport delivers it, before the consumer validates its payload. */
export type RawLoggedEvent = Omit<LoggedEvent, 'payload'> & { readonly payload: unknown };

/** One delivered event and how to acknowledge it. */
export interface EventDelivery {
  readonly event: RawLoggedEvent;
  /** Tells the transport the event is applied or parked; a delivery never acknowledged comes again. */
  acknowledge(): Promise<void>;
}

/** A page of deliveries, with the consumer's lag in events after it was fetched. */
export interface DeliveryBatch {
  readonly deliveries: readonly EventDelivery[];
  /** Events of the wanted types not yet applied, this batch included. */
  readonly pending: number;
}

/** One consumer's stream of events from one producer. */
export interface EventFeed {
  readonly producer: string;
  /**
   * Fetches up to `limit` events. `after` is the consumer's stored position
   * in the producer's log; a transport that keeps its own cursor, such as a
   * JetStream durable consumer, ignores it.
   */
  fetch(after: number, limit: number): Promise<DeliveryBatch>;
  close(): Promise<void>;
}

/** The channel consumers get events through: HTTP from the producers' outboxes, or a broker. */
export interface EventTransport {
  readonly kind: 'http' | 'nats';
  openFeed(consumer: string, producer: string, types: readonly EventType[]): Promise<EventFeed>;
  /** Forgets what the transport stored for `consumer`, so that its next feed starts from the first event. */
  resetConsumer(consumer: string, producers: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
