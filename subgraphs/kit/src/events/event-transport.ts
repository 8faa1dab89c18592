import type { Logger } from 'pino';
import type { Env } from '../config/env.ts';
import type { EventTransport } from './event-feed.ts';
import { createHttpTransport } from './http-transport.ts';
import { createNatsTransport } from './nats-transport.ts';

/** Chooses the consumers' transport: JetStream when `NATS_URL` is set, else HTTP polling of the producers' outboxes. */
export async function createEventTransport(env: Env, logger: Logger): Promise<EventTransport> {
  return env.NATS_URL ? createNatsTransport({ url: env.NATS_URL, logger }) : createHttpTransport({ env });
}
