import type { IncomingMessage } from 'node:http';
import type { Env } from '../config/env.ts';

const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];

/** Tells whether a connection from an address may speak for a client through `X-Forwarded-For`. */
export type TrustedProxies = (address: string | undefined) => boolean;

/**
 * Reads `TRUSTED_PROXIES`: a comma-separated list of the addresses whose
 * `X-Forwarded-For` is believed (the gateway's), or `*` for any. Loopback by
 * default, which fits `npm start`; behind a network, list the gateway's
 * addresses, or use `*` only where nothing but the gateway can reach the
 * subgraphs.
 */
export function readTrustedProxies(env: Env): TrustedProxies {
  const raw = env.TRUSTED_PROXIES?.trim();
  if (raw === '*') return () => true;
  const trusted = new Set(raw ? raw.split(',').map((address) => address.trim()).filter(Boolean) : loopback);
  return (address) => address !== undefined && trusted.has(address);
}

/**
 * Returns the IP address of the client behind a request: the last entry of
 * `X-Forwarded-For` when the connection comes from a trusted proxy (the
 * gateway sets it to the address it received the request from), else the
 * address of the connection itself. A client that reaches a subgraph
 * directly cannot pick its address for the login throttle this way.
 */
export function readClientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>, trusted: TrustedProxies): string {
  const peer = request.socket.remoteAddress;
  if (!trusted(peer)) return peer ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  const last = value?.split(',').at(-1)?.trim();
  return last || peer || 'unknown';
}
