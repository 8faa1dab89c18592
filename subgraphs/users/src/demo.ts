import { appendEvent, demoTenant, demoUsers, inTenant, type Logger } from '@jobgraph/kit';
import type { Kysely } from 'kysely';
import { hashPassword } from './auth/password-hashing.ts';
import type { UsersDatabase } from './db/database.ts';
import { toUserSnapshot } from './domain/user-snapshot.ts';

/** The password of every demo user. It is public (see docs/security.md), so only the demo tenant may use it. */
export const demoPassword = 'jobgraph-demo-1';

const people = [
  { id: demoUsers.admin, username: 'admin', first: 'Ada', last: 'Okafor', role: 'ADMIN' },
  { id: demoUsers.employer, username: 'hiring.lena', first: 'Lena', last: 'Marsh', role: 'EMPLOYER' },
  { id: demoUsers.secondEmployer, username: 'hiring.tomas', first: 'Tomás', last: 'Reyes', role: 'EMPLOYER' },
  { id: demoUsers.candidate, username: 'sam.candidate', first: 'Sam', last: 'Lindqvist', role: 'CANDIDATE' },
] as const;

/** Creates the demo tenant and its users unless they exist, and gives the demo password to any demo user without one. */
export async function seedDemo(db: Kysely<UsersDatabase>, logger: Logger): Promise<void> {
  const inserted = await db
    .insertInto('tenants')
    .values({ id: demoTenant.id, slug: demoTenant.slug, name: demoTenant.name })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  await inTenant(db, demoTenant.id, async (trx) => {
    const created = await trx
      .insertInto('users')
      .values(
        people.map((person) => ({
          tenant_id: demoTenant.id,
          id: person.id,
          email: `${person.username}@demo.jobgraph.dev`,
          username: person.username,
          first_name: person.first,
          last_name: person.last,
          role: person.role,
          is_verified: true,
        })),
      )
      .onConflict((conflict) => conflict.doNothing())
      .returningAll()
      .execute();
    // Consumers in other subgraphs learn of the demo users the way they learn of any other.
    for (const user of created) {
      await appendEvent(trx, { type: 'user.registered', tenantId: demoTenant.id, aggregateId: user.id, payload: toUserSnapshot(user) });
    }
    // Demo data made before accounts had passwords gets one too; hashing only then keeps later starts fast.
    const ids = people.map((person) => person.id);
    const withoutPassword = await trx.selectFrom('users').select('id').where('id', 'in', ids).where('password_hash', 'is', null).execute();
    if (withoutPassword.length === 0) return;
    const passwordHash = await hashPassword(demoPassword);
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', 'in', withoutPassword.map((row) => row.id)).execute();
  });
  if (inserted) logger.info({ tenant: demoTenant.slug }, 'demo tenant loaded');
}
