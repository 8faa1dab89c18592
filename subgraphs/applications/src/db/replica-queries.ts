import type { Kysely, Transaction } from 'kysely';
import type { ApplicationsDatabase, JobReplicaRow, UserRole } from './database.ts';

type Executor = Kysely<ApplicationsDatabase> | Transaction<ApplicationsDatabase>;

export function findJobReplicasByIds(db: Executor, tenantId: string, ids: readonly string[]): Promise<JobReplicaRow[]> {
  return db.selectFrom('job_replicas').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

/** Returns the role of user `id` as the users subgraph last announced it, or undefined when no event named the user yet. */
export async function findReplicatedRole(db: Executor, tenantId: string, id: string): Promise<UserRole | undefined> {
  const row = await db.selectFrom('user_role_replicas').select('role').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row?.role;
}
