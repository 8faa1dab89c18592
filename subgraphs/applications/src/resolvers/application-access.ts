import { notFound, type Viewer } from '@jobgraph/kit';
import type { ApplicationRow } from '../db/database.ts';
import type { PipelineSide } from '../domain/application-pipeline.ts';

/** Tells whether `viewer` acts for the employer side of `application`: the job's employer or an ADMIN. */
export function isEmployerSide(viewer: Viewer | null, application: Pick<ApplicationRow, 'employer_id'>): boolean {
  return viewer !== null && (viewer.role === 'ADMIN' || viewer.userId === application.employer_id);
}

/** Returns the sides of the pipeline `viewer` acts for on `application`; empty when they may not see it. */
export function sidesOf(viewer: Viewer, application: ApplicationRow): Set<PipelineSide> {
  const sides = new Set<PipelineSide>();
  if (isEmployerSide(viewer, application)) sides.add('employer');
  if (viewer.userId === application.applicant_id) sides.add('applicant');
  return sides;
}

/**
 * Returns the application when `viewer` may see it, or raises NOT_FOUND, so
 * that a caller cannot tell another's application from a missing one.
 */
export function requireVisible(viewer: Viewer, id: string, application: ApplicationRow | undefined): ApplicationRow {
  if (!application || sidesOf(viewer, application).size === 0) {
    throw notFound(`Application "${id}" does not exist in this tenant or is not yours; check the id.`);
  }
  return application;
}
