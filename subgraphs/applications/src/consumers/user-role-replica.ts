import { defineConsumer } from '@jobgraph/kit';
import { sql } from 'kysely';
import type { ApplicationsDatabase } from '../db/database.ts';

/**
 * Keeps `user_role_replicas`: the role of each user of the tenant, so that
 * `scheduleInterview` can check that an interviewer other than the caller is
 * an EMPLOYER or ADMIN. A later event always wins over an earlier one.
 */
export const userRoleReplica = defineConsumer<ApplicationsDatabase, 'user.registered' | 'user.updated'>({
  name: 'applications.user-roles',
  events: ['user.registered', 'user.updated'],
  async handle(event, trx) {
    const row = { tenant_id: event.tenantId, id: event.aggregateId, role: event.payload.role, source_occurred_at: event.occurredAt };
    await trx
      .insertInto('user_role_replicas')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['tenant_id', 'id'])
          .doUpdateSet({ role: row.role, source_occurred_at: row.source_occurred_at })
          .where(sql<boolean>`user_role_replicas.source_occurred_at <= excluded.source_occurred_at`),
      )
      .execute();
  },
  async reset(trx) {
    await sql`truncate user_role_replicas`.execute(trx);
  },
});
