import { inTenant, newId } from '@jobgraph/kit';
import { createTestTenant, startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicationsDatabase, applyOk, createCast, createJob, insertCandidates, onlyError, waitFor, type Cast } from './fixtures.ts';

// The JobPage query of the design, without the analytics field, which another subgraph adds.
const jobPage = /* GraphQL */ `
  query JobPage($id: ID!) {
    job(id: $id) {
      title status salary { min max currency period }
      company { name website }
      employer { fullName }
      categories { name } skills { skill { name } isRequired }
      applicationCount
      applications(first: 20) {
        totalCount
        edges { node { status appliedAt applicant { fullName email } interviews { scheduledAt status } } }
      }
    }
  }
`;

interface JobPage {
  job: {
    title: string;
    applicationCount: number | null;
    applications: {
      totalCount: number;
      edges: { node: { status: string; appliedAt: string; applicant: { fullName: string; email: string | null }; interviews: { scheduledAt: string; status: string }[] } }[];
    } | null;
  } | null;
}

const usersDatabase = (graph: TestSupergraph) => graph.subgraph('users').database.kysely as Kysely<{ applicant_employers: { tenant_id: string; employer_id: string; applicant_id: string } }>;

describe('JobPage through the gateway', () => {
  let graph: TestSupergraph;
  let cast: Cast;
  let jobId: string;
  let scheduledAt: string;
  let applicationId: string;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications'] });
    cast = await createCast(graph, 'job-page');
    jobId = await createJob(graph, cast.tenant, cast.employer);
    applicationId = await applyOk(graph, cast.candidate, jobId);
    for (const status of ['REVIEWING', 'SHORTLISTED']) {
      const moved = await graph.query('mutation M($id: ID!, $status: ApplicationStatus!) { changeApplicationStatus(id: $id, status: $status) { status } }', { id: applicationId, status }, { token: cast.employer.token });
      expect(moved.errors).toBeUndefined();
    }
    scheduledAt = new Date(Date.now() + 86_400_000).toISOString();
    const interview = await graph.query(
      'mutation S($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }',
      { input: { applicationId, scheduledAt, durationMinutes: 45, type: 'VIDEO', meetingUrl: 'https://meet.example.com/abc' } },
      { token: cast.employer.token },
    );
    expect(interview.errors).toBeUndefined();
    await waitFor(async () => {
      const pair = await inTenant(usersDatabase(graph), cast.tenant.id, (trx) =>
        trx.selectFrom('applicant_employers').select('applicant_id').where('employer_id', '=', cast.employer.id).executeTakeFirst(),
      );
      return pair !== undefined;
    }, 'the users subgraph to record the applicant of the employer');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('returns the whole page to the employer', async () => {
    const response = await graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.employer.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.job).toEqual({
      title: 'Warehouse shift lead',
      status: 'PUBLISHED',
      salary: { min: 41000, max: 48000, currency: 'EUR', period: 'YEAR' },
      company: { name: 'Northwind Freight', website: null },
      employer: { fullName: 'Test Employer' },
      categories: [],
      skills: [],
      applicationCount: 1,
      applications: {
        totalCount: 1,
        edges: [
          {
            node: {
              status: 'INTERVIEWING',
              appliedAt: expect.any(String),
              applicant: { fullName: 'Test Candidate', email: cast.candidate.email },
              interviews: [{ scheduledAt, status: 'SCHEDULED' }],
            },
          },
        ],
      },
    });
  });

  it('returns the page to an ADMIN', async () => {
    const response = await graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.tenant.adminToken });
    expect(response.errors).toBeUndefined();
    expect(response.data!.job!.applications!.edges[0]!.node.applicant.email).toBe(cast.candidate.email);
  });

  it('rejects another employer on applications only', async () => {
    const response = await graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.otherEmployer.token });
    const error = onlyError(response);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.path).toEqual(['job', 'applications']);
    expect(error.message).toBe(`Only the employer who owns job "${jobId}" and ADMINs may read its applications.`);
    expect(response.data!.job!.title).toBe('Warehouse shift lead');
    expect(response.data!.job!.applicationCount).toBeNull();
    expect(response.data!.job!.applications).toBeNull();
  });

  it('rejects the candidate on applications only', async () => {
    const response = await graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.candidate.token });
    expect(onlyError(response).code).toBe('FORBIDDEN');
    expect(response.data!.job!.title).toBe('Warehouse shift lead');
  });

  it('hides applicant emails from another employer', async () => {
    const response = await graph.query<{ application: null }>(
      'query A($id: ID!) { user(id: $id) { email } }',
      { id: cast.candidate.id },
      { token: cast.otherEmployer.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ user: { email: null } });
  });

  it('resolves no reference of another tenant', async () => {
    const stranger = await createTestTenant(graph, 'job-page-stranger');
    const document = /* GraphQL */ `
      query Entities($representations: [_Any!]!) {
        _entities(representations: $representations) {
          ... on Application { id notes }
          ... on Job { applicationCount applications { totalCount } }
        }
      }
    `;
    const representations = [
      { __typename: 'Application', id: applicationId },
      { __typename: 'Job', id: jobId },
    ];
    const response = await graph.querySubgraph('applications', document, { representations }, { token: stranger.adminToken });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ _entities: [null, { applicationCount: 0, applications: { totalCount: 0 } }] });
  });

  it('costs the same statements for 1 and 100 applications', async () => {
    const crowded = await createJob(graph, cast.tenant, cast.employer);
    await insertApplications(graph, cast, crowded, 100);

    const one = await countStatements(graph, () => graph.query<JobPage>(jobPage, { id: jobId }, { token: cast.employer.token }));
    const hundred = await countStatements(graph, () => graph.query<JobPage>(jobPage, { id: crowded }, { token: cast.employer.token }));
    console.info(`JobPage statements with 1 application: ${JSON.stringify(one.counts)}; with 100: ${JSON.stringify(hundred.counts)}`);
    expect(one.page.job!.applications!.totalCount).toBe(1);
    expect(hundred.page.job!.applications!.totalCount).toBe(100);
    expect(hundred.page.job!.applications!.edges).toHaveLength(20);
    expect(hundred.page.job!.applications!.edges.every((edge) => edge.node.applicant.email !== null)).toBe(true);
    expect(hundred.counts).toEqual(one.counts);
  });
});

/** Sends one request and returns its answer and the SQL statements it cost in each subgraph. */
async function countStatements(graph: TestSupergraph, send: () => Promise<{ data?: JobPage | null; errors?: unknown }>) {
  const before = graph.statementCounts();
  const response = await send();
  expect(response.errors).toBeUndefined();
  const after = graph.statementCounts();
  const counts = Object.fromEntries(Object.keys(after).map((name) => [name, after[name]! - (before[name] ?? 0)]));
  return { page: response.data!, counts };
}

/**
 * Inserts `count` applicants and their applications to `jobId` straight into
 * the databases, each application with its history and one interview, and
 * the users subgraph's record that they applied to the employer.
 */
async function insertApplications(graph: TestSupergraph, cast: Cast, jobId: string, count: number): Promise<void> {
  const applicantIds = await insertCandidates(graph, cast.tenant.id, count);
  const applications = applicantIds.map((applicantId) => ({
    tenant_id: cast.tenant.id,
    id: newId(),
    job_id: jobId,
    applicant_id: applicantId,
    employer_id: cast.employer.id,
    status: 'INTERVIEWING' as const,
  }));
  await inTenant(applicationsDatabase(graph), cast.tenant.id, async (trx) => {
    await trx.insertInto('applications').values(applications).execute();
    await trx
      .insertInto('application_status_changes')
      .values(applications.map((row) => ({ tenant_id: row.tenant_id, id: newId(), application_id: row.id, to_status: 'SUBMITTED' as const, changed_by: row.applicant_id })))
      .execute();
    await trx
      .insertInto('interviews')
      .values(
        applications.map((row, index) => {
          const start = new Date(Date.now() + (index + 2) * 86_400_000);
          return {
            tenant_id: row.tenant_id,
            id: newId(),
            application_id: row.id,
            interviewer_id: cast.employer.id,
            scheduled_at: start,
            ends_at: new Date(start.getTime() + 30 * 60_000),
            duration_minutes: 30,
            type: 'PHONE' as const,
            status: 'SCHEDULED' as const,
          };
        }),
      )
      .execute();
  });
  await inTenant(usersDatabase(graph), cast.tenant.id, (trx) =>
    trx
      .insertInto('applicant_employers')
      .values(applicantIds.map((applicantId) => ({ tenant_id: cast.tenant.id, employer_id: cast.employer.id, applicant_id: applicantId })))
      .execute(),
  );
}
