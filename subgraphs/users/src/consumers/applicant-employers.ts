import { defineConsumer } from '@jobgraph/kit';
import { sql } from 'kysely';
import type { UsersDatabase } from '../db/database.ts';

/**
 * Records each (employer, applicant) pair from `application.submitted`, so
 * that the email resolver can show an applicant's email to the employer of a
 * job they applied to without calling the applications subgraph. A pair stays
 * after the application is withdrawn or rejected, because the candidate did
 * apply.
 */
export const applicantEmployers = defineConsumer<UsersDatabase, 'application.submitted'>({
  name: 'users.applicant-employers',
  events: ['application.submitted'],
  async handle(event, trx) {
    await trx
      .insertInto('applicant_employers')
      .values({
        tenant_id: event.tenantId,
        employer_id: event.payload.employerId,
        applicant_id: event.payload.applicantId,
        first_applied_at: event.payload.appliedAt,
      })
      .onConflict((conflict) => conflict.columns(['tenant_id', 'employer_id', 'applicant_id']).doNothing())
      .execute();
  },
  async reset(trx) {
    await sql`truncate applicant_employers`.execute(trx);
  },
});
