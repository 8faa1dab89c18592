import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.ts';
import type { Env } from '../config/env.ts';
import { describeError } from './backoff.ts';
import type { EventTransport } from './event-feed.ts';
import { createHttpTransport } from './http-transport.ts';
import { readNatsStream } from './nats-stream.ts';
import { createNatsTransport } from './nats-transport.ts';

/**
 * Chooses the consumers' transport: JetStream when `NATS_URL` is set (on the
 * stream `NATS_STREAM` names), else HTTP polling of the producers' outboxes. An unreachable NATS server raises
 * a `ConfigError` that names the variable, so the subgraph stops with one line.
 */
export async function createEventTransport(env: Env, logger: Logger): Promise<EventTransport> {
  const url = env.NATS_URL;
  if (!url) return createHttpTransport({ env });
  const stream = readNatsStream(env);
  try {
    return await createNatsTransport({ url, logger, stream });
  } catch (error) {
    throw new ConfigError(
      'NATS_URL',
      `Cannot connect to the NATS server of NATS_URL (${url}): ${describeError(error)}. Check that it runs with JetStream enabled, or unset NATS_URL to poll over HTTP.`,
    );
  }
}
