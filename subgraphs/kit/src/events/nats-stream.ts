import { nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsError } from 'nats';
import { ConfigError } from '../config/config-error.ts';
import type { Env } from '../config/env.ts';

/** The JetStream stream and subjects of events: one stream, one subject per producer and type. */
export interface NatsStreamSettings {
  /** The stream's name. Default `JOBGRAPH_EVENTS`. */
  readonly stream: string;
  /** The subjects' prefix: an event goes to `<prefix>.<producer>.<type>`. Default `jobgraph.events`. */
  readonly subjectPrefix: string;
}

export const defaultNatsStream: NatsStreamSettings = { stream: 'JOBGRAPH_EVENTS', subjectPrefix: 'jobgraph.events' };

/**
 * Reads the stream's name from `NATS_STREAM`, `JOBGRAPH_EVENTS` when unset.
 * Its subject prefix is the name in lower case with dots for underscores
 * (`JOBGRAPH_EVENTS` gives `jobgraph.events`), so that two streams on one
 * server, such as a test run's and a developer's, never share subjects.
 */
export function readNatsStream(env: Env): NatsStreamSettings {
  const stream = env.NATS_STREAM || defaultNatsStream.stream;
  if (!/^[A-Za-z0-9]+(_[A-Za-z0-9]+)+$/.test(stream)) {
    throw new ConfigError(
      'NATS_STREAM',
      `NATS_STREAM="${stream}" is not a valid stream name; use letters and digits in two or more parts joined by underscores, such as JOBGRAPH_EVENTS.`,
    );
  }
  return { stream, subjectPrefix: stream.toLowerCase().replace(/_/g, '.') };
}

/**
 * How long JetStream remembers a message id to drop a second publish of it,
 * in milliseconds. A relay that crashes between publishing and saving its
 * cursor publishes again at its next start. Within this window the broker
 * drops the copy, and after it the consumers' inbox does.
 */
const duplicateWindowMs = 10 * 60_000;

/**
 * Creates the event stream when the server does not have it. It keeps every
 * message with no age or size limit, so that a new consumer, or a replay,
 * can start from the first event.
 */
export async function ensureEventStream(jsm: JetStreamManager, settings: NatsStreamSettings): Promise<void> {
  try {
    await jsm.streams.info(settings.stream);
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await jsm.streams.add({
      name: settings.stream,
      subjects: [`${settings.subjectPrefix}.>`],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: nanos(duplicateWindowMs),
    });
  } catch (error) {
    // Another subgraph created it between the lookup and here.
    if (!isAlreadyInUse(error)) throw error;
  }
}

/** Returns the subject of events of `type` from `producer`. */
export function eventSubject(settings: NatsStreamSettings, producer: string, type: string): string {
  return `${settings.subjectPrefix}.${producer}.${type}`;
}

/** Tells whether a JetStream API call failed because the stream or consumer does not exist. */
export function isNotFound(error: unknown): boolean {
  const apiError = (error as NatsError | undefined)?.api_error;
  return apiError?.code === 404 || (error as NatsError | undefined)?.code === '404';
}

function isAlreadyInUse(error: unknown): boolean {
  return (error as NatsError | undefined)?.api_error?.err_code === 10058;
}
