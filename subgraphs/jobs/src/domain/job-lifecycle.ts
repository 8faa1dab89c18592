import { conflict } from '@jobgraph/kit';
import type { JobStatus } from '../db/database.ts';

/** A mutation's step in a job's lifecycle. */
export type JobAction = 'update' | 'publish' | 'close' | 'archive' | 'delete';

/**
 * The job state machine: for each status, the actions allowed and the status
 * each one leads to (`null` for delete, which removes the job). A job moves
 * DRAFT → PUBLISHED → CLOSED → ARCHIVED; only DRAFT and PUBLISHED jobs are
 * edited, and only DRAFT jobs are deleted.
 */
export const jobTransitions: Readonly<Record<JobStatus, Readonly<Partial<Record<JobAction, JobStatus | null>>>>> = {
  DRAFT: { update: 'DRAFT', publish: 'PUBLISHED', delete: null },
  PUBLISHED: { update: 'PUBLISHED', close: 'CLOSED' },
  CLOSED: { archive: 'ARCHIVED' },
  ARCHIVED: {},
};

const pastParticiples: Readonly<Record<JobAction, string>> = {
  update: 'updated',
  publish: 'published',
  close: 'closed',
  archive: 'archived',
  delete: 'deleted',
};

/** Lists the actions allowed on a job in `status`, in the table's order. */
export function allowedJobActions(status: JobStatus): JobAction[] {
  return Object.keys(jobTransitions[status]) as JobAction[];
}

/**
 * Returns the status a job in `status` moves to through `action` (`null` when
 * the action deletes it), or raises CONFLICT naming the current status and the
 * actions it allows.
 */
export function transitionJob(jobId: string, status: JobStatus, action: JobAction): JobStatus | null {
  const next = jobTransitions[status][action];
  if (next !== undefined) return next;
  const allowed = allowedJobActions(status).map((allowedAction) => pastParticiples[allowedAction]);
  const article = status === 'ARCHIVED' ? 'an' : 'a';
  const rule =
    allowed.length === 0
      ? `${article} ${status} job cannot change any more`
      : `${article} ${status} job can only be ${joinChoices(allowed)}`;
  return rejectTransition(`Job "${jobId}" is ${status}, so it cannot be ${pastParticiples[action]}; ${rule}.`, status, action);
}

function rejectTransition(message: string, status: JobStatus, action: JobAction): never {
  throw conflict(message, { status, action, allowedActions: allowedJobActions(status) });
}

function joinChoices(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
