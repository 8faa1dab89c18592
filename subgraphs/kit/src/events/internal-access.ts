import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

const loopbackAddresses = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Checks a request to an internal event route (the outbox, replay). With
 * `token` set (the `EVENT_LOG_TOKEN` variable), the request must send
 * `Authorization: Bearer <token>`. Without it, only requests from the
 * loopback interface pass, which is enough for `npm start` on one machine.
 * A deployment across machines must set the token on every subgraph.
 * Returns null when the request may pass, else the status and message to send.
 */
export function checkInternalAccess(request: Request, token: string | undefined): { status: number; error: string } | null {
  if (!token) {
    if (loopbackAddresses.has(request.socket.remoteAddress ?? '')) return null;
    return { status: 403, error: 'Internal event routes serve only loopback requests while EVENT_LOG_TOKEN is unset; set it on every subgraph.' };
  }
  const expected = Buffer.from(`Bearer ${token}`);
  const actual = Buffer.from(request.headers.authorization ?? '');
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) return null;
  return { status: 401, error: 'Missing or wrong bearer token; send the EVENT_LOG_TOKEN that the subgraphs share.' };
}
