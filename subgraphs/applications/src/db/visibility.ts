import type { Viewer } from '@jobgraph/kit';
import { sql, type ExpressionBuilder } from 'kysely';
import type { ApplicationsDatabase } from './database.ts';

/**
 * Builds the filter of the applications `viewer` may see: all of the tenant's
 * for an ADMIN, and otherwise those they made or those to jobs they own.
 * Anonymous callers see none.
 */
export function applicationVisibleTo(viewer: Viewer | null) {
  return (eb: ExpressionBuilder<ApplicationsDatabase, 'applications'>) => {
    if (!viewer) return sql<boolean>`false`;
    if (viewer.role === 'ADMIN') return sql<boolean>`true`;
    return eb.or([eb('applications.applicant_id', '=', viewer.userId), eb('applications.employer_id', '=', viewer.userId)]);
  };
}
