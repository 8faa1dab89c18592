import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The outbox: the events a subgraph appended, in its own database. */
export interface EventOutboxTable {
  tenant_id: string;
  id: string;
  type: string;
  version: number;
  aggregate_id: string;
  payload: ColumnType<unknown, string, string>;
  occurred_at: Timestamp;
  /** Insertion order, which keeps the events of one transaction in the order they were appended. */
  append_order: Generated<number>;
  /** The event's place in the log; null until the relay stamps it. */
  position: number | null;
}

/** The position each consumer has reached in the log of each producer. */
export interface EventConsumerPositionsTable {
  consumer: string;
  producer: string;
  position: number;
  updated_at: Timestamp;
}

/** The event ids a consumer has handled or parked, so that a redelivered event is applied once. */
export interface EventInboxTable {
  consumer: string;
  event_id: string;
  handled_at: Timestamp;
}

/** Events a consumer parked instead of applying. */
export interface EventDeadLettersTable {
  consumer: string;
  event_id: string;
  producer: string;
  position: number;
  tenant_id: string;
  aggregate_id: string;
  type: string;
  event: ColumnType<unknown, string, string>;
  /** `failed`: its handler kept failing; `blocked`: an earlier event of its aggregate is parked. */
  reason: 'failed' | 'blocked';
  error: string;
  attempts: number;
  parked_at: Timestamp;
}

/** The last position a relay has forwarded to a broker. */
export interface EventRelayCursorsTable {
  relay: string;
  position: number;
  updated_at: Timestamp;
}

/** The tables the kit adds to every subgraph's database for the event log. */
export interface EventTables {
  event_outbox: EventOutboxTable;
  event_consumer_positions: EventConsumerPositionsTable;
  event_inbox: EventInboxTable;
  event_dead_letters: EventDeadLettersTable;
  event_relay_cursors: EventRelayCursorsTable;
}
