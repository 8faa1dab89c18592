import { describe, expect, it } from 'vitest';
import { ConfigError, readNatsStream } from '../../src/index.ts';

describe('readNatsStream', () => {
  it('defaults to JOBGRAPH_EVENTS', () => {
    expect(readNatsStream({})).toEqual({ stream: 'JOBGRAPH_EVENTS', subjectPrefix: 'jobgraph.events' });
  });

  it('derives the subjects from NATS_STREAM', () => {
    expect(readNatsStream({ NATS_STREAM: 'JOBGRAPH_TEST_1A2B' })).toEqual({ stream: 'JOBGRAPH_TEST_1A2B', subjectPrefix: 'jobgraph.test.1a2b' });
  });

  it('rejects a one-part stream name', () => {
    expect(() => readNatsStream({ NATS_STREAM: 'EVENTS' })).toThrow(ConfigError);
    expect(() => readNatsStream({ NATS_STREAM: 'EVENTS' })).toThrow(
      'NATS_STREAM="EVENTS" is not a valid stream name; use letters and digits in two or more parts joined by underscores, such as JOBGRAPH_EVENTS.',
    );
  });
});
