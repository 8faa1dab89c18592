import { badUserInput, conflict, notFound, parseId } from '@jobgraph/kit';
import type { JobReplicaRow } from '../db/database.ts';
import { optionalText, optionalWebAddress } from './field-checks.ts';

export interface ApplyToJobInput {
  readonly jobId: string;
  readonly coverLetter?: string | null;
  readonly resumeUrl?: string | null;
  readonly expectedSalary?: number | null;
  readonly availableFrom?: string | null;
}

/** The columns an application takes from `ApplyToJobInput`, validated. */
export interface ParsedApplication {
  readonly jobId: string;
  readonly cover_letter: string | null;
  readonly resume_url: string | null;
  /** An exact decimal string for the `numeric` column. */
  readonly expected_salary: string | null;
  readonly available_from: string | null;
}

export const maxCoverLetterLength = 10_000;
// Below 10^12 so that 2 decimal places stay exact in a double.
const maxExpectedSalary = 1e12;

/** Validates `applyToJob`'s input; raises BAD_USER_INPUT naming the field. */
export function parseApplyInput(input: ApplyToJobInput): ParsedApplication {
  return {
    jobId: parseId(input.jobId, 'jobId'),
    cover_letter: optionalText(input.coverLetter, 'coverLetter', maxCoverLetterLength),
    resume_url: optionalWebAddress(input.resumeUrl, 'resumeUrl'),
    expected_salary: parseExpectedSalary(input.expectedSalary),
    available_from: input.availableFrom ?? null,
  };
}

function parseExpectedSalary(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const hasTwoDecimals = Number.isFinite(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
  if (!hasTwoDecimals || value < 0 || value >= maxExpectedSalary) {
    throw badUserInput(`expectedSalary ${value} is invalid; give an amount from 0 to 999,999,999,999.99 with at most 2 decimal places.`, {
      field: 'expectedSalary',
    });
  }
  return value.toFixed(2);
}

/**
 * Checks, from the replica of the jobs subgraph, that `job` accepts
 * applications on `today` (UTC): it exists, is PUBLISHED and its deadline,
 * which includes its own day, has not passed.
 */
export function checkJobOpen(jobId: string, job: JobReplicaRow | undefined, today: string): JobReplicaRow {
  if (!job) {
    throw notFound(
      `Job "${jobId}" is not known to the applications service; check the id, or retry in a few seconds if the job was published just now.`,
      { field: 'jobId' },
    );
  }
  if (job.status !== 'PUBLISHED') {
    throw conflict(`Job "${jobId}" is ${job.status}; only PUBLISHED jobs accept applications.`, { field: 'jobId', jobStatus: job.status });
  }
  if (job.application_deadline !== null && job.application_deadline < today) {
    throw conflict(
      `Job "${jobId}" stopped accepting applications after its deadline "${job.application_deadline}"; today is ${today} (UTC), so apply to another job.`,
      { field: 'jobId', applicationDeadline: job.application_deadline },
    );
  }
  return job;
}
