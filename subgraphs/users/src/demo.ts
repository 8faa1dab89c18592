import { demoTenant, demoUsers, inTenant, type Logger } from '@jobgraph/kit';
import type { Kysely } from 'kysely';
import type { UsersDatabase } from './db/database.ts';

const people = [
  { id: demoUsers.admin, username: 'admin', first: 'Ada', last: 'Okafor', role: 'ADMIN' },
  { id: demoUsers.employer, username: 'hiring.lena', first: 'Lena', last: 'Marsh', role: 'EMPLOYER' },
  { id: demoUsers.secondEmployer, username: 'hiring.tomas', first: 'Tomás', last: 'Reyes', role: 'EMPLOYER' },
  { id: demoUsers.candidate, username: 'sam.candidate', first: 'Sam', last: 'Lindqvist', role: 'CANDIDATE' },
] as const;

/** Creates the demo tenant and its users, unless they exist. */
export async function seedDemo(db: Kysely<UsersDatabase>, logger: Logger): Promise<void> {
  const inserted = await db
    .insertInto('tenants')
    .values({ id: demoTenant.id, slug: demoTenant.slug, name: demoTenant.name })
    .onConflict((conflict) => conflict.doNothing())
    .returning('id')
    .executeTakeFirst();
  await inTenant(db, demoTenant.id, (trx) =>
    trx
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
      .execute(),
  );
  if (inserted) logger.info({ tenant: demoTenant.slug }, 'demo tenant loaded');
}
