import { describe, expect, it } from 'vitest';
import { transitionConsumer } from '../../src/events/consumer-state.ts';
import { InvariantError } from '../../src/index.ts';

describe('transitionConsumer', () => {
  it.each([
    ['starting', 'running'],
    ['running', 'backing-off'],
    ['backing-off', 'running'],
    ['running', 'replaying'],
    ['replaying', 'running'],
    ['backing-off', 'retrying-parked'],
    ['retrying-parked', 'running'],
    ['running', 'stopping'],
    ['stopping', 'stopped'],
  ] as const)('allows %s to %s', (from, to) => {
    expect(transitionConsumer(from, to)).toBe(to);
  });

  it.each([
    ['stopped', 'running'],
    ['stopping', 'running'],
    ['replaying', 'retrying-parked'],
    ['starting', 'replaying'],
  ] as const)('rejects %s to %s', (from, to) => {
    expect(() => transitionConsumer(from, to)).toThrow(InvariantError);
    expect(() => transitionConsumer(from, to)).toThrow(`A consumer cannot move from "${from}" to "${to}".`);
  });
});
