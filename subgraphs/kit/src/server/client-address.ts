import type { IncomingMessage } from 'node:http';

/**
 * Returns the IP address of the client behind a request: the last entry of
 * `X-Forwarded-For`, which the gateway sets to the address it received the
 * request from, else the address of the connection itself.
 *
 * NOTE: a caller that reaches a subgraph directly can write any
 * `X-Forwarded-For`; subgraphs are meant to be reachable from the gateway only.
 */
export function readClientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>): string {
  const forwarded = request.headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  const last = value?.split(',').at(-1)?.trim();
  return last || request.socket.remoteAddress || 'unknown';
}
