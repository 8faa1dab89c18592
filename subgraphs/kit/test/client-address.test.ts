import { describe, expect, it } from 'vitest';
import { readClientAddress, readTrustedProxies } from '../src/index.ts';

function request(peer: string, forwarded?: string) {
  return { socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} } as never;
}

describe('readClientAddress', () => {
  it('believes X-Forwarded-For from a loopback proxy by default', () => {
    expect(readClientAddress(request('127.0.0.1', '203.0.113.9'), readTrustedProxies({}))).toBe('203.0.113.9');
  });

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(readClientAddress(request('198.51.100.7', '203.0.113.9'), readTrustedProxies({}))).toBe('198.51.100.7');
  });

  it('takes the last entry, the one the trusted proxy wrote', () => {
    expect(readClientAddress(request('10.0.0.2', 'forged, 203.0.113.9'), readTrustedProxies({ TRUSTED_PROXIES: '10.0.0.2' }))).toBe('203.0.113.9');
  });

  it('trusts any peer with TRUSTED_PROXIES=*', () => {
    expect(readClientAddress(request('10.9.9.9', '203.0.113.9'), readTrustedProxies({ TRUSTED_PROXIES: '*' }))).toBe('203.0.113.9');
  });
});
