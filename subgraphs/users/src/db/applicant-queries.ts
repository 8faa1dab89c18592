import type { Kysely, Transaction } from 'kysely';
import type { UsersDatabase } from './database.ts';

type Executor = Kysely<UsersDatabase> | Transaction<UsersDatabase>;

/** Returns those of `applicantIds` who applied to a job of `employerId`. */
export function findApplicantsOfEmployer(db: Executor, tenantId: string, employerId: string, applicantIds: readonly string[]): Promise<{ applicant_id: string }[]> {
  return db
    .selectFrom('applicant_employers')
    .select('applicant_id')
    .where('tenant_id', '=', tenantId)
    .where('employer_id', '=', employerId)
    .where('applicant_id', 'in', applicantIds)
    .execute();
}
