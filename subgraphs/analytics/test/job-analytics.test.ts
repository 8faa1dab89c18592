import { readFileSync } from 'node:fs';
import { asEventRelay, inTenant } from '@jobgraph/kit';
import { createTestUser, startTestSupergraph, type TestSupergraph, type TestUser } from '@jobgraph/tools/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../src/consumers/metrics.ts';
import { metricTables } from '../src/db/database.ts';
import { analyticsDatabase, createCast, createJob, onlyError, queryOk, recordView, utcToday, waitFor, waitForConsumer, waitForReplica, type Cast } from './fixtures.ts';

// The JobPage query of the design, exactly as clients get it from schema/operations/.
const jobPage = readFileSync(new URL('../../../schema/operations/job-page.graphql', import.meta.url), 'utf8');

interface Analytics {
  views: number;
  uniqueViewers: number;
  applications: number;
  conversionRate: number;
}

interface JobPage {
  job: { title: string; applicationCount: number | null; applications: { totalCount: number } | null; analytics: Analytics | null } | null;
}

const anonymousA = '0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07';
const anonymousB = '0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e08';

const analyticsDocument = 'query JobAnalytics($id: ID!) { job(id: $id) { analytics { views uniqueViewers applications conversionRate } } }';
const moveDocument = 'mutation Move($id: ID!, $status: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $status) { status } }';
const userAnalyticsDocument = 'query U($id: ID!) { user(id: $id) { id analytics { applicationsSubmitted jobsViewed jobsPosted } } }';
const platformDocument = 'query P($from: Date!, $to: Date!) { platformAnalytics(from: $from, to: $to) { date newUsers jobsPosted applications hires } }';
const viewsByDayDocument = 'query V($id: ID!, $from: Date!, $to: Date!) { job(id: $id) { analytics { viewsByDay(from: $from, to: $to) { date views uniqueViewers } } } }';

describe('analytics through the gateway', () => {
  let graph: TestSupergraph;
  let cast: Cast;
  let jobId: string;
  let today: string;

  /** Reads the job's analytics as an ADMIN until `done` accepts them. */
  const waitForAnalytics = async (id: string, done: (analytics: Analytics) => boolean) => {
    let last: Analytics | null | undefined;
    await waitFor(async () => {
      const page = await graph.query<JobPage>(analyticsDocument, { id }, { token: cast.tenant.adminToken });
      last = page.data?.job?.analytics;
      return last !== null && last !== undefined && done(last);
    }, () => `the analytics of job "${id}" to settle (last seen ${JSON.stringify(last)})`, 90_000);
  };

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications', 'analytics'] });
    cast = await createCast(graph, 'analytics');
    jobId = await createJob(graph, cast.tenant, cast.employer);
    today = utcToday();

    // Six views by four viewers: two logged-in candidates and two anonymous clients.
    const views = [
      recordView(graph, jobId, { token: cast.candidate.token }),
      recordView(graph, jobId, { token: cast.candidate.token }),
      recordView(graph, jobId, { token: cast.otherCandidate.token }),
      recordView(graph, jobId, { tenant: cast.tenant.slug, viewerId: anonymousA }),
      recordView(graph, jobId, { tenant: cast.tenant.slug, viewerId: anonymousA.toUpperCase() }),
      recordView(graph, jobId, { tenant: cast.tenant.slug, viewerId: anonymousB }),
    ];
    for (const response of await Promise.all(views)) expect(response.errors).toBeUndefined();

    // Applying waits on the applications subgraph's own replica of the job.
    const apply = 'mutation Apply($input: ApplyToJobInput!) { applyToJob(input: $input) { id } }';
    await waitFor(async () => (await graph.query(apply, { input: { jobId } }, { token: cast.candidate.token })).errors === undefined, 'the candidate to apply');
    const hired = await queryOk<{ applyToJob: { id: string } }>(graph, apply, { input: { jobId } }, { token: cast.otherCandidate.token });
    for (const status of ['REVIEWING', 'SHORTLISTED', 'INTERVIEWING', 'OFFERED', 'HIRED']) {
      await queryOk(graph, moveDocument, { id: hired.applyToJob.id, status }, { token: cast.employer.token });
    }
    await waitForAnalytics(jobId, (analytics) => analytics.views === 6 && analytics.applications === 2);
  });

  afterAll(async () => {
    await graph?.stop();
  });

  describe('JobPage', () => {
    it('returns the whole page with analytics to the employer', async () => {
      const page = await queryOk<JobPage>(graph, jobPage, { id: jobId }, { token: cast.employer.token });
      expect(page.job).toMatchObject({
        title: 'Dock scheduler',
        status: 'PUBLISHED',
        salary: { min: 38000, max: 44000, currency: 'EUR', period: 'YEAR' },
        company: { name: 'Harbor Logistics', website: null },
        employer: { fullName: 'Test Employer' },
        categories: [],
        skills: [],
        applicationCount: 2,
        applications: { totalCount: 2 },
      });
      expect(page.job!.analytics).toEqual({ views: 6, uniqueViewers: 4, applications: 2, conversionRate: 0.5 });
    });

    it('counts views of today by day', async () => {
      const data = await queryOk<{ job: { analytics: { viewsByDay: unknown[] } } }>(graph, viewsByDayDocument, { id: jobId, from: today, to: today }, { token: cast.employer.token });
      expect(data.job.analytics.viewsByDay).toEqual([{ date: today, views: 6, uniqueViewers: 4 }]);
    });

    it('fills days without views with zeros', async () => {
      const data = await queryOk<{ job: { analytics: { viewsByDay: unknown[] } } }>(
        graph,
        viewsByDayDocument,
        { id: jobId, from: '2024-02-28', to: '2024-03-01' },
        { token: cast.employer.token },
      );
      expect(data.job.analytics.viewsByDay).toEqual([
        { date: '2024-02-28', views: 0, uniqueViewers: 0 },
        { date: '2024-02-29', views: 0, uniqueViewers: 0 },
        { date: '2024-03-01', views: 0, uniqueViewers: 0 },
      ]);
    });

    it('gives a job without views a conversion rate of 0', async () => {
      const quiet = await createJob(graph, cast.tenant, cast.employer);
      // Only the analytics fields: the applications subgraph may not have replicated the new job yet.
      const page = await queryOk<JobPage>(graph, analyticsDocument, { id: quiet }, { token: cast.employer.token });
      expect(page.job!.analytics).toEqual({ views: 0, uniqueViewers: 0, applications: 0, conversionRate: 0 });
    });
  });

  describe('visibility', () => {
    it('shows job analytics to an ADMIN', async () => {
      const page = await queryOk<JobPage>(graph, jobPage, { id: jobId }, { token: cast.tenant.adminToken });
      expect(page.job!.analytics!.views).toBe(6);
    });

    it('rejects another employer on analytics only', async () => {
      const response = await graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.otherEmployer.token });
      const errors = response.errors ?? [];
      const analyticsError = errors.find((error) => error.path?.join('.') === 'job.analytics');
      expect(analyticsError?.extensions?.code).toBe('FORBIDDEN');
      expect(analyticsError?.message).toBe(`Only the employer who owns job "${jobId}" and ADMINs may read its analytics.`);
      expect(response.data!.job!.title).toBe('Dock scheduler');
      expect(response.data!.job!.analytics).toBeNull();
    });

    it('rejects a candidate on analytics', async () => {
      const response = await graph.query<{ job: { title: string; analytics: Analytics | null } }>(
        'query J($id: ID!) { job(id: $id) { title analytics { views } } }',
        { id: jobId },
        { token: cast.candidate.token },
      );
      expect(onlyError(response)).toMatchObject({ code: 'FORBIDDEN', path: ['job', 'analytics'] });
      expect(response.data).toEqual({ job: { title: 'Dock scheduler', analytics: null } });
    });

    it('rejects an anonymous caller on analytics', async () => {
      const response = await graph.query<{ job: { title: string; analytics: Analytics | null } }>(
        'query J($id: ID!) { job(id: $id) { title analytics { views } } }',
        { id: jobId },
        { tenant: cast.tenant.slug },
      );
      expect(onlyError(response)).toMatchObject({ code: 'UNAUTHENTICATED', path: ['job', 'analytics'] });
      expect(response.data).toEqual({ job: { title: 'Dock scheduler', analytics: null } });
    });

    it('shows user analytics to the user', async () => {
      await waitForConsumer(graph, metrics);
      const data = await queryOk<{ user: { analytics: unknown } }>(graph, userAnalyticsDocument, { id: cast.candidate.id }, { token: cast.candidate.token });
      expect(data.user.analytics).toEqual({ applicationsSubmitted: 1, jobsViewed: 1, jobsPosted: 0 });
    });

    it('shows user analytics to an ADMIN', async () => {
      await waitForConsumer(graph, metrics);
      const data = await queryOk<{ user: { analytics: unknown } }>(graph, userAnalyticsDocument, { id: cast.employer.id }, { token: cast.tenant.adminToken });
      expect(data.user.analytics).toEqual({ applicationsSubmitted: 0, jobsViewed: 0, jobsPosted: 2 });
    });

    it('rejects another user on user analytics', async () => {
      const response = await graph.query<{ user: { id: string; analytics: unknown } }>(userAnalyticsDocument, { id: cast.candidate.id }, { token: cast.otherCandidate.token });
      expect(onlyError(response)).toEqual({
        code: 'FORBIDDEN',
        path: ['user', 'analytics'],
        message: `Only user "${cast.candidate.id}" and ADMINs may read the user's analytics.`,
      });
      expect(response.data!.user).toEqual({ id: cast.candidate.id, analytics: null });
    });

    it('rejects a non-ADMIN on platform analytics', async () => {
      const response = await graph.query(platformDocument, { from: today, to: today }, { token: cast.employer.token });
      expect(onlyError(response).code).toBe('FORBIDDEN');
    });
  });

  describe('platformAnalytics', () => {
    it('counts the day of the tenant', async () => {
      await waitForConsumer(graph, metrics);
      const data = await queryOk<{ platformAnalytics: unknown[] }>(graph, platformDocument, { from: today, to: today }, { token: cast.tenant.adminToken });
      // The ADMIN and the four users of the cast registered today; two jobs were published.
      expect(data.platformAnalytics).toEqual([{ date: today, newUsers: 5, jobsPosted: 2, applications: 2, hires: 1 }]);
    });

    it('returns one row per day of the range', async () => {
      const data = await queryOk<{ platformAnalytics: { date: string; newUsers: number }[] }>(
        graph,
        platformDocument,
        { from: '2023-12-30', to: '2024-01-02' },
        { token: cast.tenant.adminToken },
      );
      expect(data.platformAnalytics.map((day) => day.date)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-02']);
      expect(data.platformAnalytics.every((day) => day.newUsers === 0)).toBe(true);
    });

    it('accepts a range of 366 days', async () => {
      const data = await queryOk<{ platformAnalytics: unknown[] }>(graph, platformDocument, { from: '2024-01-01', to: '2024-12-31' }, { token: cast.tenant.adminToken });
      expect(data.platformAnalytics).toHaveLength(366);
    });

    it('rejects from after to', async () => {
      const response = await graph.query(platformDocument, { from: '2025-03-10', to: '2025-03-01' }, { token: cast.tenant.adminToken });
      expect(onlyError(response)).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'from "2025-03-10" is after to "2025-03-01"; give a range whose from is on or before its to.',
      });
    });

    it('rejects a range of 367 days', async () => {
      const response = await graph.query(platformDocument, { from: '2024-01-01', to: '2025-01-01' }, { token: cast.tenant.adminToken });
      expect(onlyError(response)).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'The range from "2024-01-01" to "2025-01-01" covers 367 days; at most 366 are allowed, so ask for a shorter range or split it into several.',
      });
    });

    it('rejects a bad range of viewsByDay on that field', async () => {
      const response = await graph.query(viewsByDayDocument, { id: jobId, from: '2025-01-02', to: '2025-01-01' }, { token: cast.employer.token });
      expect(onlyError(response)).toMatchObject({ code: 'BAD_USER_INPUT', path: ['job', 'analytics', 'viewsByDay'] });
    });
  });

  describe('recordJobView', () => {
    it('returns the view with its job', async () => {
      const response = await recordView(graph, jobId, { tenant: cast.tenant.slug, viewerId: anonymousB });
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordJobView.job).toEqual({ id: jobId });
      expect(Date.parse(response.data!.recordJobView.viewedAt)).toBeGreaterThan(Date.now() - 60_000);
      await waitForAnalytics(jobId, (analytics) => analytics.views === 7);
      const page = await queryOk<JobPage>(graph, jobPage, { id: jobId }, { token: cast.employer.token });
      expect(page.job!.analytics).toMatchObject({ views: 7, uniqueViewers: 4 });
    });

    it('rejects an anonymous view without X-Viewer-Id', async () => {
      const error = onlyError(await recordView(graph, jobId, { tenant: cast.tenant.slug }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toMatch(/^Anonymous views need an X-Viewer-Id header/);
    });

    it('rejects an X-Viewer-Id that is not a UUID', async () => {
      const error = onlyError(await recordView(graph, jobId, { tenant: cast.tenant.slug, viewerId: 'browser-42' }));
      expect(error).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'X-Viewer-Id "browser-42" is not a UUID; send a UUID such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".',
      });
    });

    it('hides a draft job from a candidate', async () => {
      const draft = await createJob(graph, cast.tenant, cast.employer, { publish: false });
      const error = onlyError(await recordView(graph, draft, { token: cast.candidate.token }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toContain(`Job "${draft}" does not exist in this tenant or is not visible to you`);
    });

    it('lets the employer view their draft job', async () => {
      const draft = await createJob(graph, cast.tenant, cast.employer, { publish: false });
      expect((await recordView(graph, draft, { token: cast.employer.token })).errors).toBeUndefined();
      expect((await recordView(graph, draft, { token: cast.tenant.adminToken })).errors).toBeUndefined();
      expect(onlyError(await recordView(graph, draft, { token: cast.otherEmployer.token })).code).toBe('NOT_FOUND');
    });

    it('rejects a job id that is not a UUID', async () => {
      const error = onlyError(await recordView(graph, 'job-1', { token: cast.candidate.token }));
      expect(error.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('statement count', () => {
    const jobsDocument = /* GraphQL */ `
      query EmployerJobs($employerId: ID!) {
        jobs(filter: { employerId: $employerId }, first: 100) {
          totalCount
          edges { node { id title analytics { views uniqueViewers applications conversionRate } } }
        }
      }
    `;
    interface EmployerJobs {
      jobs: { totalCount: number; edges: { node: { id: string; analytics: Analytics | null } }[] };
    }

    it('costs the same statements for 1 and 100 jobs', async () => {
      const single = await createTestUser(graph, cast.tenant, 'EMPLOYER');
      const bulk = await createTestUser(graph, cast.tenant, 'EMPLOYER');
      const singleJob = await createJob(graph, cast.tenant, single);
      const bulkJobs = await importJobs(graph, cast.tenant.adminToken, bulk, 100);
      await waitForReplica(graph, cast.tenant.id, bulkJobs, 'PUBLISHED');
      // A hundred imported jobs put two hundred events before the views in the consumer's way, hence the long waits.
      expect((await recordView(graph, bulkJobs[0]!, { token: cast.candidate.token })).errors).toBeUndefined();
      await waitForAnalytics(bulkJobs[0]!, (analytics) => analytics.views === 1);
      expect((await recordView(graph, singleJob, { token: cast.candidate.token })).errors).toBeUndefined();
      await waitForAnalytics(singleJob, (analytics) => analytics.views === 1);

      const one = await countStatements(graph, () => graph.query<EmployerJobs>(jobsDocument, { employerId: single.id }, { token: single.token }));
      const hundred = await countStatements(graph, () => graph.query<EmployerJobs>(jobsDocument, { employerId: bulk.id }, { token: bulk.token }));
      console.info(`Jobs with analytics, statements with 1 job: ${JSON.stringify(one.counts)}; with 100: ${JSON.stringify(hundred.counts)}`);
      expect(one.data.jobs.totalCount).toBe(1);
      expect(hundred.data.jobs.edges).toHaveLength(100);
      expect(hundred.data.jobs.edges.every((edge) => edge.node.analytics !== null)).toBe(true);
      expect(hundred.data.jobs.edges.map((edge) => edge.node.analytics!.views).sort()).toEqual([...Array(99).fill(0), 1]);
      expect(hundred.counts).toEqual(one.counts);
    });
  });

  describe('replay', () => {
    const snapshotQuery = /* GraphQL */ `
      query Snapshot($job: ID!, $candidate: ID!, $employer: ID!, $from: Date!, $to: Date!) {
        job(id: $job) { analytics { views uniqueViewers applications conversionRate viewsByDay(from: $from, to: $to) { date views uniqueViewers } } }
        candidate: user(id: $candidate) { analytics { applicationsSubmitted jobsViewed jobsPosted } }
        employer: user(id: $employer) { analytics { applicationsSubmitted jobsViewed jobsPosted } }
        platformAnalytics(from: $from, to: $to) { date newUsers jobsPosted applications hires }
      }
    `;

    const readSnapshot = async () => {
      const variables = { job: jobId, candidate: cast.candidate.id, employer: cast.employer.id, from: today, to: today };
      return queryOk<Record<string, unknown>>(graph, snapshotQuery, variables, { token: cast.tenant.adminToken });
    };

    /** Reads every rollup row of the tenant, in a stable order. */
    const readRollups = async () => {
      const db = analyticsDatabase(graph);
      return inTenant(db, cast.tenant.id, async (trx) => {
        const tables: Record<string, unknown[]> = {};
        for (const table of metricTables) {
          const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx);
          // Sorted here, by the whole row, since a rebuilt table may return its rows in another order.
          tables[table] = rows.map((row) => JSON.stringify(row)).sort();
        }
        return tables;
      });
    };

    it('rebuilds identical numbers after the rollups are dropped', async () => {
      await waitForConsumer(graph, metrics);
      const numbersBefore = await readSnapshot();
      const rollupsBefore = await readRollups();
      expect(rollupsBefore.job_totals!.length).toBeGreaterThan(0);

      const db = analyticsDatabase(graph);
      await asEventRelay(db as Kysely<unknown>, (trx) => sql`truncate ${sql.join(metricTables.map((table) => sql.table(table)))}`.execute(trx));
      const dropped = await readSnapshot();
      expect((dropped.job as { analytics: Analytics }).analytics.views).toBe(0);

      const base = graph.subgraph('analytics').url.replace(/\/graphql$/, '');
      const replay = await fetch(`${base}/internal/events/consumers/analytics.metrics/replay`, { method: 'POST' });
      expect(replay.status).toBe(200);

      let numbersAfter: unknown;
      await waitFor(async () => {
        numbersAfter = await readSnapshot();
        return JSON.stringify(numbersAfter) === JSON.stringify(numbersBefore);
      }, `replayed numbers to equal ${JSON.stringify(numbersBefore)} (last seen ${JSON.stringify(numbersAfter)})`);
      expect(numbersAfter).toEqual(numbersBefore);
      // Replay emptied the inbox too, so this waits until every event was applied again.
      await waitForConsumer(graph, metrics);
      expect(await readRollups()).toEqual(rollupsBefore);
    });
  });
});

/**
 * Imports `count` PUBLISHED jobs in one request and returns their ids. Only
 * an ADMIN may import, and imported jobs belong to the owner of the company
 * they name, so `employer` creates that company first.
 */
async function importJobs(graph: TestSupergraph, adminToken: string, employer: TestUser, count: number): Promise<string[]> {
  await queryOk(graph, 'mutation { createCompany(input: { name: "Bulk Carriers" }) { id } }', {}, { token: employer.token });
  const jobs = Array.from({ length: count }, (_, index) => ({
    externalId: `bulk-${employer.id}-${index}`,
    companyName: 'Bulk Carriers',
    title: `Yard driver ${index}`,
    description: 'Move trailers between the yard and the docks.',
    employmentType: 'FULL_TIME',
    workplaceType: 'ONSITE',
    publishedAt: '2025-06-01T08:00:00Z',
  }));
  const data = await queryOk<{ importJobs: { results: { outcome: string; job: { id: string } | null }[] } }>(
    graph,
    'mutation Import($input: ImportJobsInput!) { importJobs(input: $input) { results { outcome job { id } } } }',
    { input: { jobs } },
    { token: adminToken },
  );
  return data.importJobs.results.map((result) => {
    expect(result.outcome).toBe('CREATED');
    return result.job!.id;
  });
}

/** Sends one request and returns its data and the SQL statements it cost in each subgraph. */
async function countStatements<Data>(graph: TestSupergraph, send: () => Promise<{ data?: Data | null; errors?: unknown }>) {
  const before = graph.statementCounts();
  const response = await send();
  expect(response.errors).toBeUndefined();
  const after = graph.statementCounts();
  const counts = Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]));
  return { data: response.data!, counts };
}
