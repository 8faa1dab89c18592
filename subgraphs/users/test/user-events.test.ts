import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOutbox, stampOutbox, type LoggedEvent } from '@jobgraph/kit';

let graph: TestSupergraph;

beforeAll(async () => {
  graph = await startTestSupergraph({ subgraphs: ['users'] });
});

afterAll(async () => {
  await graph?.stop();
});

async function eventsOf(aggregateId: string): Promise<LoggedEvent[]> {
  const db = graph.subgraph('users').database.kysely as Kysely<unknown>;
  await stampOutbox(db);
  const log = await readOutbox(db, { producer: 'users', after: 0, limit: 1_000 });
  return log.events.filter((event) => event.aggregateId === aggregateId);
}

describe('user events', () => {
  it('appends user.registered for a new tenant admin and user', async () => {
    const tenant = await createTestTenant(graph, 'events');
    const candidate = await createTestUser(graph, tenant);

    const [adminEvent] = await eventsOf(tenant.adminId);
    expect(adminEvent).toMatchObject({ type: 'user.registered', tenantId: tenant.id, payload: { role: 'ADMIN', isVerified: false } });
    const [candidateEvent] = await eventsOf(candidate.id);
    expect(candidateEvent).toMatchObject({
      type: 'user.registered',
      tenantId: tenant.id,
      payload: { email: candidate.email, username: candidate.username, role: 'CANDIDATE' },
    });
    expect(candidateEvent?.payload).not.toHaveProperty('password_hash');
  });

  it('appends user.updated with the changed fields', async () => {
    const tenant = await createTestTenant(graph, 'events-update');
    const user = await createTestUser(graph, tenant);
    const response = await graph.query(
      'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { firstName: 'Ada', bio: 'Counts things' } },
      { token: user.token },
    );
    expect(response.errors).toBeUndefined();

    const events = await eventsOf(user.id);
    expect(events.map((event) => event.type)).toEqual(['user.registered', 'user.updated']);
    expect(events[1]?.payload).toMatchObject({ firstName: 'Ada', changedFields: ['firstName', 'bio'] });
  });
});
