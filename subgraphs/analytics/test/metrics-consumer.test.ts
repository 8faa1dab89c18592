import { asEventRelay, inTenant, newId, parseLoggedEvent, prepareDatabase, type EventOf, type EventPayloadInput, type EventType } from '@jobgraph/kit';
import { createTestDatabase, type TestDatabase } from '@jobgraph/kit/testing';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { metrics } from '../src/consumers/metrics.ts';
import { metricTables, type AnalyticsDatabase } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';

const tenantId = newId();
const employerId = newId();
const candidateId = newId();
const anonymousId = newId();

type MetricEvent = Parameters<typeof metrics.handle>[0];

let position = 0;

/** Builds a logged event as the consumer receives it, validated against the registry. */
function eventOf<T extends EventType>(type: T, aggregateId: string, payload: EventPayloadInput<T>, occurredAt: string): EventOf<T> {
  position += 1;
  const producer = type.startsWith('job.viewed') ? 'analytics' : type.split('.')[0]!;
  return parseLoggedEvent({ id: newId(), type, version: 1, tenantId, aggregateId, payload, occurredAt, producer, position }) as EventOf<T>;
}

const view = (jobId: string, viewer: { userId: string } | { anonymousViewerId: string }, viewedAt: string) =>
  eventOf('job.viewed', jobId, { userId: null, anonymousViewerId: null, ...viewer, viewedAt }, viewedAt);

function published(jobId: string, publishedAt: string): EventOf<'job.published'> {
  return eventOf(
    'job.published',
    jobId,
    {
      companyId: newId(),
      employerId,
      externalId: null,
      title: 'Crane operator',
      description: 'Operate a gantry crane at the container terminal.',
      requirements: null,
      responsibilities: null,
      benefits: null,
      employmentType: 'FULL_TIME',
      experienceLevel: null,
      workplaceType: 'ONSITE',
      location: null,
      salary: null,
      status: 'PUBLISHED',
      isFeatured: false,
      applicationDeadline: null,
      publishedAt,
    },
    publishedAt,
  );
}

const parties = (jobId: string) => ({ jobId, applicantId: candidateId, employerId });

describe('metrics consumer', () => {
  let testDatabase: TestDatabase;
  let db: Kysely<AnalyticsDatabase>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('analytics_metrics');
    const database = await prepareDatabase<AnalyticsDatabase>({ location: testDatabase.location, migrations, logger: pino({ level: 'silent' }) });
    db = database.kysely;
    close = () => database.close();
  });

  afterAll(async () => {
    await close?.();
    await testDatabase?.drop();
  });

  // Requests and handlers run as the application role, which may not truncate; replay's role may.
  const truncateRollups = () => asEventRelay(db as Kysely<unknown>, (trx) => sql`truncate ${sql.join(metricTables.map((table) => sql.table(table)))}`.execute(trx));

  beforeEach(truncateRollups);

  const applyAll = async (events: readonly MetricEvent[]) => {
    for (const event of events) await inTenant(db, tenantId, (trx) => metrics.handle(event, trx));
  };
  const readRollups = () =>
    inTenant(db, tenantId, async (trx) => ({
      jobTotals: await trx.selectFrom('job_totals').selectAll().orderBy('job_id').execute(),
      jobDays: await trx.selectFrom('job_daily_views').selectAll().orderBy('job_id').orderBy('day').execute(),
      userTotals: await trx.selectFrom('user_totals').selectAll().orderBy('user_id').execute(),
      platformDays: await trx.selectFrom('platform_days').selectAll().orderBy('day').execute(),
    }));

  it('counts a returning viewer once per day', async () => {
    const jobId = newId();
    await applyAll([
      view(jobId, { userId: candidateId }, '2026-01-05T08:00:00.000Z'),
      view(jobId, { userId: candidateId }, '2026-01-05T21:00:00.000Z'),
      view(jobId, { userId: candidateId }, '2026-01-06T09:00:00.000Z'),
      view(jobId, { anonymousViewerId: anonymousId }, '2026-01-06T10:00:00.000Z'),
    ]);
    const rollups = await readRollups();
    expect(rollups.jobTotals).toEqual([{ tenant_id: tenantId, job_id: jobId, views: 4, unique_viewers: 2, applications: 0 }]);
    expect(rollups.jobDays.map((day) => [day.day, day.views, day.unique_viewers])).toEqual([
      ['2026-01-05', 2, 1],
      ['2026-01-06', 2, 2],
    ]);
    expect(rollups.userTotals).toEqual([{ tenant_id: tenantId, user_id: candidateId, applications_submitted: 0, jobs_viewed: 1, jobs_posted: 0 }]);
  });

  it('buckets a view by its UTC day', async () => {
    const jobId = newId();
    await applyAll([view(jobId, { anonymousViewerId: anonymousId }, '2026-01-05T23:30:00.000-02:00')]);
    expect((await readRollups()).jobDays.map((day) => day.day)).toEqual(['2026-01-06']);
  });

  it('counts a job published twice once', async () => {
    const jobId = newId();
    await applyAll([published(jobId, '2026-02-01T12:00:00.000Z'), published(jobId, '2026-02-01T12:00:00.000Z')]);
    const rollups = await readRollups();
    expect(rollups.userTotals).toEqual([{ tenant_id: tenantId, user_id: employerId, applications_submitted: 0, jobs_viewed: 0, jobs_posted: 1 }]);
    expect(rollups.platformDays).toEqual([{ tenant_id: tenantId, day: '2026-02-01', new_users: 0, jobs_posted: 1, applications: 0, hires: 0 }]);
  });

  it('counts applications and hires by their own day', async () => {
    const jobId = newId();
    const applicationId = newId();
    const move = (from: 'OFFERED' | 'SUBMITTED', to: 'HIRED' | 'REVIEWING', changedAt: string) =>
      eventOf('application.status_changed', applicationId, { ...parties(jobId), from, to, changedBy: employerId, reason: null, changedAt }, changedAt);
    await applyAll([
      eventOf('application.submitted', applicationId, { ...parties(jobId), status: 'SUBMITTED', appliedAt: '2026-03-01T10:00:00.000Z' }, '2026-03-01T10:00:00.000Z'),
      move('SUBMITTED', 'REVIEWING', '2026-03-02T10:00:00.000Z'),
      move('OFFERED', 'HIRED', '2026-03-09T10:00:00.000Z'),
    ]);
    const rollups = await readRollups();
    expect(rollups.jobTotals).toEqual([{ tenant_id: tenantId, job_id: jobId, views: 0, unique_viewers: 0, applications: 1 }]);
    expect(rollups.userTotals).toEqual([{ tenant_id: tenantId, user_id: candidateId, applications_submitted: 1, jobs_viewed: 0, jobs_posted: 0 }]);
    expect(rollups.platformDays.map((day) => [day.day, day.applications, day.hires])).toEqual([
      ['2026-03-01', 1, 0],
      ['2026-03-09', 0, 1],
    ]);
  });

  it('counts registrations as new users', async () => {
    const registered = (at: string) =>
      eventOf('user.registered', newId(), { email: 'a@example.com', username: 'a', firstName: 'A', lastName: 'B', role: 'CANDIDATE', isVerified: false }, at);
    await applyAll([registered('2026-04-01T01:00:00.000Z'), registered('2026-04-01T23:00:00.000Z')]);
    expect((await readRollups()).platformDays.map((day) => [day.day, day.new_users])).toEqual([['2026-04-01', 2]]);
  });

  it('builds the same rollups in any order', async () => {
    const jobId = newId();
    const events: MetricEvent[] = [
      published(jobId, '2026-05-01T08:00:00.000Z'),
      view(jobId, { userId: candidateId }, '2026-05-01T09:00:00.000Z'),
      view(jobId, { anonymousViewerId: anonymousId }, '2026-05-01T09:30:00.000Z'),
      view(jobId, { userId: candidateId }, '2026-05-02T09:00:00.000Z'),
      eventOf('application.submitted', newId(), { ...parties(jobId), status: 'SUBMITTED', appliedAt: '2026-05-02T10:00:00.000Z' }, '2026-05-02T10:00:00.000Z'),
    ];
    await applyAll(events);
    const inOrder = await readRollups();
    await truncateRollups();
    await applyAll([...events].reverse());
    expect(await readRollups()).toEqual(inOrder);
  });
});
