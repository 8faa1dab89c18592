import { inTenant, newId, parseLoggedEvent, prepareDatabase, type EventOf, type EventPayloadInput, type EventType } from '@jobgraph/kit';
import { createTestDatabase, type TestDatabase } from '@jobgraph/kit/testing';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobReplica } from '../src/consumers/job-replica.ts';
import type { ApplicationsDatabase } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';

const tenantId = newId();
const employerId = newId();

function jobPayload(status: 'DRAFT' | 'PUBLISHED' | 'CLOSED', applicationDeadline: string | null = null): EventPayloadInput<'job.created'> {
  return {
    companyId: newId(),
    employerId,
    externalId: null,
    title: 'Forklift driver',
    description: 'Drive a forklift on the early shift.',
    requirements: null,
    responsibilities: null,
    benefits: null,
    employmentType: 'FULL_TIME',
    experienceLevel: null,
    workplaceType: 'ONSITE',
    location: null,
    salary: null,
    status,
    isFeatured: false,
    applicationDeadline,
    publishedAt: null,
  };
}

let position = 0;

/** Builds a logged event as a consumer receives it, validated against the registry. */
function eventOf<T extends EventType>(type: T, jobId: string, payload: EventPayloadInput<T>, occurredAt: string) {
  position += 1;
  return parseLoggedEvent({ id: newId(), type, version: 1, tenantId, aggregateId: jobId, payload, occurredAt, producer: 'jobs', position }) as EventOf<T>;
}

describe('job replica consumer', () => {
  let testDatabase: TestDatabase;
  let db: Kysely<ApplicationsDatabase>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('applications_replica');
    const database = await prepareDatabase<ApplicationsDatabase>({ location: testDatabase.location, migrations, logger: pino({ level: 'silent' }) });
    db = database.kysely;
    close = () => database.close();
  });

  afterAll(async () => {
    await close?.();
    await testDatabase?.drop();
  });

  const apply = (event: Parameters<typeof jobReplica.handle>[0]) => inTenant(db, tenantId, (trx) => jobReplica.handle(event, trx));
  const read = (jobId: string) => inTenant(db, tenantId, (trx) => trx.selectFrom('job_replicas').selectAll().where('id', '=', jobId).executeTakeFirst());

  it('follows a job through its events', async () => {
    const jobId = newId();
    await apply(eventOf('job.created', jobId, jobPayload('DRAFT'), '2026-01-01T10:00:00.000Z'));
    await apply(eventOf('job.published', jobId, jobPayload('PUBLISHED', '2026-02-01'), '2026-01-01T11:00:00.000Z'));
    expect(await read(jobId)).toMatchObject({ employer_id: employerId, status: 'PUBLISHED', application_deadline: '2026-02-01' });
    await apply(eventOf('job.closed', jobId, jobPayload('CLOSED', '2026-02-01'), '2026-01-02T09:00:00.000Z'));
    expect((await read(jobId))!.status).toBe('CLOSED');
  });

  it('ignores an event older than the row', async () => {
    const jobId = newId();
    await apply(eventOf('job.closed', jobId, jobPayload('CLOSED'), '2026-01-03T10:00:00.000Z'));
    await apply(eventOf('job.published', jobId, jobPayload('PUBLISHED'), '2026-01-03T09:00:00.000Z'));
    expect((await read(jobId))!.status).toBe('CLOSED');
  });

  it('applies the same event twice to the same row', async () => {
    const jobId = newId();
    const published = eventOf('job.published', jobId, jobPayload('PUBLISHED'), '2026-01-04T09:00:00.000Z');
    await apply(published);
    await apply(published);
    expect((await read(jobId))!.status).toBe('PUBLISHED');
  });

  it('removes a deleted job', async () => {
    const jobId = newId();
    await apply(eventOf('job.created', jobId, jobPayload('DRAFT'), '2026-01-05T09:00:00.000Z'));
    await apply(eventOf('job.deleted', jobId, { companyId: newId(), employerId, deletedAt: '2026-01-05T10:00:00.000Z' }, '2026-01-05T10:00:00.000Z'));
    expect(await read(jobId)).toBeUndefined();
  });
});
