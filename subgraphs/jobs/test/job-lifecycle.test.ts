import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../src/db/database.ts';
import { allowedJobActions, jobTransitions, transitionJob, type JobAction } from '../src/domain/job-lifecycle.ts';
import { expectClientError } from './expect-client-error.ts';

const id = '0193b000-0000-7000-8000-000000000301';

describe('job lifecycle', () => {
  const allowed: [JobStatus, JobAction, JobStatus | null][] = [
    ['DRAFT', 'update', 'DRAFT'],
    ['DRAFT', 'publish', 'PUBLISHED'],
    ['DRAFT', 'delete', null],
    ['PUBLISHED', 'update', 'PUBLISHED'],
    ['PUBLISHED', 'close', 'CLOSED'],
    ['CLOSED', 'archive', 'ARCHIVED'],
  ];
  for (const [from, action, to] of allowed) {
    it(`allows ${action} on a ${from} job`, () => {
      expect(transitionJob(id, from, action)).toBe(to);
    });
  }

  const refused: [JobStatus, JobAction, string][] = [
    ['DRAFT', 'close', 'a DRAFT job can only be updated, published or deleted'],
    ['DRAFT', 'archive', 'a DRAFT job can only be updated, published or deleted'],
    ['PUBLISHED', 'publish', 'a PUBLISHED job can only be updated or closed'],
    ['PUBLISHED', 'archive', 'a PUBLISHED job can only be updated or closed'],
    ['PUBLISHED', 'delete', 'a PUBLISHED job can only be updated or closed'],
    ['CLOSED', 'update', 'a CLOSED job can only be archived'],
    ['CLOSED', 'publish', 'a CLOSED job can only be archived'],
    ['CLOSED', 'close', 'a CLOSED job can only be archived'],
    ['CLOSED', 'delete', 'a CLOSED job can only be archived'],
    ['ARCHIVED', 'update', 'an ARCHIVED job cannot change any more'],
    ['ARCHIVED', 'publish', 'an ARCHIVED job cannot change any more'],
    ['ARCHIVED', 'close', 'an ARCHIVED job cannot change any more'],
    ['ARCHIVED', 'archive', 'an ARCHIVED job cannot change any more'],
    ['ARCHIVED', 'delete', 'an ARCHIVED job cannot change any more'],
  ];
  const participles: Record<JobAction, string> = { update: 'updated', publish: 'published', close: 'closed', archive: 'archived', delete: 'deleted' };
  for (const [from, action, rule] of refused) {
    it(`rejects ${action} on a ${from} job with CONFLICT`, () => {
      expectClientError(() => transitionJob(id, from, action), 'CONFLICT', `Job "${id}" is ${from}, so it cannot be ${participles[action]}; ${rule}.`);
    });
  }

  it('covers every pair of status and action in the two lists above', () => {
    const statuses = Object.keys(jobTransitions) as JobStatus[];
    const actions: JobAction[] = ['update', 'publish', 'close', 'archive', 'delete'];
    expect(allowed.length + refused.length).toBe(statuses.length * actions.length);
  });

  it('lists the allowed actions of each status', () => {
    expect(allowedJobActions('DRAFT')).toEqual(['update', 'publish', 'delete']);
    expect(allowedJobActions('ARCHIVED')).toEqual([]);
  });
});
