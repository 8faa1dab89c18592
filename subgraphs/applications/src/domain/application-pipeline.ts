import { conflict, forbidden } from '@jobgraph/kit';
import type { ApplicationStatus } from '../db/database.ts';

/** The party allowed to make a move: the job's employer or an ADMIN, or the candidate who applied. */
export type PipelineSide = 'employer' | 'applicant';

/**
 * The hiring pipeline: for each status, the statuses it may move to and the
 * side that may move it there. Applications go one step at a time through
 * SUBMITTED → REVIEWING → SHORTLISTED → INTERVIEWING → OFFERED → HIRED; the
 * employer side may reject and the applicant may withdraw from any open
 * status. HIRED, REJECTED and WITHDRAWN are final.
 */
export const applicationTransitions: Readonly<Record<ApplicationStatus, Readonly<Partial<Record<ApplicationStatus, PipelineSide>>>>> = {
  SUBMITTED: { REVIEWING: 'employer', REJECTED: 'employer', WITHDRAWN: 'applicant' },
  REVIEWING: { SHORTLISTED: 'employer', REJECTED: 'employer', WITHDRAWN: 'applicant' },
  SHORTLISTED: { INTERVIEWING: 'employer', REJECTED: 'employer', WITHDRAWN: 'applicant' },
  INTERVIEWING: { OFFERED: 'employer', REJECTED: 'employer', WITHDRAWN: 'applicant' },
  OFFERED: { HIRED: 'employer', REJECTED: 'employer', WITHDRAWN: 'applicant' },
  HIRED: {},
  REJECTED: {},
  WITHDRAWN: {},
};

/** Tells whether an application in `status` is still open, that is not final. */
export function isOpenStatus(status: ApplicationStatus): boolean {
  return Object.keys(applicationTransitions[status]).length > 0;
}

/** Lists the statuses an application in `status` may move to, in the table's order. */
export function nextStatuses(status: ApplicationStatus): ApplicationStatus[] {
  return Object.keys(applicationTransitions[status]) as ApplicationStatus[];
}

/**
 * Checks that `sides` (the sides the viewer acts for) may move an application
 * from `from` to `to`. Raises CONFLICT when the pipeline has no such move and
 * FORBIDDEN when the move belongs to the other side.
 */
export function checkTransition(applicationId: string, from: ApplicationStatus, to: ApplicationStatus, sides: ReadonlySet<PipelineSide>): void {
  const side = applicationTransitions[from][to];
  if (side === undefined) {
    const allowed = nextStatuses(from);
    const rule =
      allowed.length === 0 ? `${from} is final, so the application cannot change any more` : `from ${from} it can move to ${joinChoices(allowed)}`;
    throw conflict(`Application "${applicationId}" is ${from}, so it cannot move to ${to}; ${rule}.`, {
      status: from,
      requestedStatus: to,
      allowedStatuses: allowed,
    });
  }
  if (!sides.has(side)) {
    const who = side === 'applicant' ? 'the candidate who applied (with withdrawApplication)' : "the job's employer or an ADMIN";
    throw forbidden(`Only ${who} may move application "${applicationId}" from ${from} to ${to}.`);
  }
}

function joinChoices(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
