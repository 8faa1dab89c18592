import { inTenant, newId } from '@jobgraph/kit';
import { createTestUser, startTestSupergraph, type TestSupergraph, type TestUser } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../src/db/database.ts';
import { applicationTransitions, nextStatuses } from '../src/domain/application-pipeline.ts';
import { applicationsDatabase, applyOk, createCast, createJob, onlyError, readApplicationEvents, type Cast } from './fixtures.ts';

const statuses = Object.keys(applicationTransitions) as ApplicationStatus[];

const changeStatus = /* GraphQL */ `
  mutation Change($id: ID!, $status: ApplicationStatus!, $reason: String) {
    changeApplicationStatus(id: $id, status: $status, reason: $reason) { id status statusHistory { from to changedBy { id } reason } }
  }
`;

interface Changed {
  changeApplicationStatus: { status: string; statusHistory: { from: string | null; to: string; changedBy: { id: string }; reason: string | null }[] };
}

describe('application pipeline', () => {
  let graph: TestSupergraph;
  let cast: Cast;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications'] });
    cast = await createCast(graph, 'pipeline');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  /** Inserts an application of the cast's candidate to a job of its employer, in `status`. */
  async function insertApplication(status: ApplicationStatus): Promise<string> {
    const row = { tenant_id: cast.tenant.id, id: newId(), job_id: newId(), applicant_id: cast.candidate.id, employer_id: cast.employer.id, status };
    await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) => trx.insertInto('applications').values(row).execute());
    return row.id;
  }

  it('moves an application from SUBMITTED to HIRED', async () => {
    const jobId = await createJob(graph, cast.tenant, cast.employer);
    const id = await applyOk(graph, cast.candidate, jobId);
    const path: ApplicationStatus[] = ['REVIEWING', 'SHORTLISTED', 'INTERVIEWING', 'OFFERED', 'HIRED'];
    for (const status of path) {
      const response = await graph.query<Changed>(changeStatus, { id, status, reason: `Moved to ${status}` }, { token: cast.employer.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.changeApplicationStatus.status).toBe(status);
    }
    const final = await graph.query<{ application: Changed['changeApplicationStatus'] }>(
      'query A($id: ID!) { application(id: $id) { status statusHistory { from to changedBy { id } reason } } }',
      { id },
      { token: cast.candidate.token },
    );
    expect(final.data!.application.statusHistory).toEqual([
      { from: null, to: 'SUBMITTED', changedBy: { id: cast.candidate.id }, reason: null },
      ...path.map((to, index) => ({ from: index === 0 ? 'SUBMITTED' : path[index - 1], to, changedBy: { id: cast.employer.id }, reason: `Moved to ${to}` })),
    ]);
    const events = await readApplicationEvents(graph, id);
    expect(events.map((event) => event.type)).toEqual(['application.submitted', ...path.map(() => 'application.status_changed')]);
    expect(events.at(-1)!.payload).toMatchObject({ jobId, applicantId: cast.candidate.id, employerId: cast.employer.id, from: 'OFFERED', to: 'HIRED', changedBy: cast.employer.id });
  });

  it('withdraws with both events', async () => {
    const id = await insertApplication('SHORTLISTED');
    const response = await graph.query('mutation W($id: ID!) { withdrawApplication(id: $id, reason: "Took another offer") { status } }', { id }, { token: cast.candidate.token });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ withdrawApplication: { status: 'WITHDRAWN' } });
    const events = await readApplicationEvents(graph, id);
    expect(events.map((event) => event.type)).toEqual(['application.status_changed', 'application.withdrawn']);
    expect(events[1]!.payload).toMatchObject({ from: 'SHORTLISTED', reason: 'Took another offer' });
  });

  // Every pair of statuses, for both sides: the table decides, and a refused move writes nothing.
  for (const from of statuses) {
    for (const to of statuses) {
      for (const side of ['employer', 'applicant'] as const) {
        const allowedSide = applicationTransitions[from][to];
        const outcome = allowedSide === undefined ? 'CONFLICT' : allowedSide === side ? 'allowed' : 'FORBIDDEN';
        it(`${side} ${from} → ${to}: ${outcome}`, async () => {
          const user: TestUser = side === 'employer' ? cast.employer : cast.candidate;
          const id = await insertApplication(from);
          const response = await graph.query<Changed>(changeStatus, { id, status: to }, { token: user.token });
          const history = await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) =>
            trx.selectFrom('application_status_changes').select(['from_status', 'to_status', 'changed_by']).where('application_id', '=', id).execute(),
          );
          if (outcome === 'allowed') {
            expect(response.errors).toBeUndefined();
            expect(response.data!.changeApplicationStatus.status).toBe(to);
            expect(history).toEqual([{ from_status: from, to_status: to, changed_by: user.id }]);
            return;
          }
          const error = onlyError(response);
          expect(error.code).toBe(outcome);
          if (outcome === 'CONFLICT') {
            const allowed = nextStatuses(from);
            const rule = allowed.length === 0 ? `${from} is final, so the application cannot change any more` : `from ${from} it can move to `;
            expect(error.message).toContain(`Application "${id}" is ${from}, so it cannot move to ${to}; ${rule}`);
          } else {
            const who = allowedSide === 'applicant' ? 'the candidate who applied (with withdrawApplication)' : "the job's employer or an ADMIN";
            expect(error.message).toBe(`Only ${who} may move application "${id}" from ${from} to ${to}.`);
          }
          expect(history).toEqual([]);
        });
      }
    }
  }

  it('lets an ADMIN move an application', async () => {
    const id = await insertApplication('SUBMITTED');
    const response = await graph.query<Changed>(changeStatus, { id, status: 'REJECTED' }, { token: cast.tenant.adminToken });
    expect(response.errors).toBeUndefined();
    expect(response.data!.changeApplicationStatus.status).toBe('REJECTED');
  });

  it('hides an application from another employer', async () => {
    const id = await insertApplication('SUBMITTED');
    const error = onlyError(await graph.query(changeStatus, { id, status: 'REVIEWING' }, { token: cast.otherEmployer.token }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(`Application "${id}" does not exist in this tenant or is not yours; check the id.`);
    const read = await graph.query('query A($id: ID!) { application(id: $id) { id } }', { id }, { token: cast.otherCandidate.token });
    expect(read.data).toEqual({ application: null });
  });

  it('shows notes to the employer side only', async () => {
    const id = await insertApplication('REVIEWING');
    const written = await graph.query('mutation N($id: ID!) { updateApplicationNotes(id: $id, notes: "Strong on safety") { notes } }', { id }, { token: cast.employer.token });
    expect(written.data).toEqual({ updateApplicationNotes: { notes: 'Strong on safety' } });
    const asCandidate = await graph.query('query A($id: ID!) { application(id: $id) { notes } }', { id }, { token: cast.candidate.token });
    expect(asCandidate.data).toEqual({ application: { notes: null } });
    const byCandidate = onlyError(await graph.query('mutation N($id: ID!) { updateApplicationNotes(id: $id, notes: "x") { notes } }', { id }, { token: cast.candidate.token }));
    expect(byCandidate.code).toBe('FORBIDDEN');
  });

  it('lists a user’s applications by visibility', async () => {
    const document = 'query U($id: ID!) { user(id: $id) { applications(first: 100) { totalCount } } }';
    const own = await graph.query<{ user: { applications: { totalCount: number } } }>(document, { id: cast.candidate.id }, { token: cast.candidate.token });
    const employer = await graph.query<{ user: { applications: { totalCount: number } } }>(document, { id: cast.candidate.id }, { token: cast.employer.token });
    const other = await graph.query<{ user: { applications: { totalCount: number } } }>(document, { id: cast.candidate.id }, { token: cast.otherEmployer.token });
    expect(own.data!.user.applications.totalCount).toBeGreaterThan(0);
    expect(employer.data!.user.applications.totalCount).toBe(own.data!.user.applications.totalCount);
    expect(other.data!.user.applications.totalCount).toBe(0);
  });

  it('keeps a closed job on its applications', async () => {
    // A candidate of its own: the cast's candidate has applications to jobs that exist in no jobs database.
    const candidate = await createTestUser(graph, cast.tenant, 'CANDIDATE');
    const jobId = await createJob(graph, cast.tenant, cast.employer);
    const applicationId = await applyOk(graph, candidate, jobId);
    const closed = await graph.query('mutation Close($id: ID!) { closeJob(id: $id) { status } }', { id: jobId }, { token: cast.employer.token });
    expect(closed.errors).toBeUndefined();

    const document = /* GraphQL */ `
      query Mine($id: ID!) {
        application(id: $id) { id job { id title status } }
        me { applications(first: 100) { edges { node { id job { id status } } } } }
      }
    `;
    interface Mine {
      application: { id: string; job: { id: string; title: string; status: string } } | null;
      me: { applications: { edges: { node: { id: string; job: { id: string; status: string } } }[] } | null };
    }
    const response = await graph.query<Mine>(document, { id: applicationId }, { token: candidate.token });
    expect(response.errors).toBeUndefined();
    expect(response.data!.application).toEqual({ id: applicationId, job: { id: jobId, title: 'Warehouse shift lead', status: 'CLOSED' } });
    const listed = response.data!.me.applications!.edges.find((edge) => edge.node.id === applicationId);
    expect(listed?.node.job).toEqual({ id: jobId, status: 'CLOSED' });

    // A closed job stays out of the candidate's direct reads.
    const direct = await graph.query<{ job: unknown }>('query Job($id: ID!) { job(id: $id) { id } }', { id: jobId }, { token: candidate.token });
    expect(direct.data!.job).toBeNull();
  });

  it('reports a job missing from the jobs subgraph as an error', async () => {
    // insertApplication points at a job id that the jobs subgraph has never seen.
    const id = await insertApplication('SUBMITTED');
    const response = await graph.query<{ application: unknown }>('query A($id: ID!) { application(id: $id) { id job { title } } }', { id }, { token: cast.employer.token });
    expect(response.data).toEqual({ application: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.path).toEqual(['application', 'job', 'title']);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
    expect((response as { extensions?: Record<string, unknown> }).extensions?.valueCompletion).toBeUndefined();
  });

  it('accepts attachments within the rules', async () => {
    const id = await insertApplication('SUBMITTED');
    const add = 'mutation Add($id: ID!, $input: ApplicationAttachmentInput!) { addApplicationAttachment(applicationId: $id, input: $input) { name contentType sizeBytes } }';
    const ok = await graph.query(add, { id, input: { name: 'cv.pdf', url: 'https://files.example.com/cv.pdf', contentType: 'application/pdf', sizeBytes: 10 * 1024 * 1024 } }, { token: cast.candidate.token });
    expect(ok.data).toEqual({ addApplicationAttachment: { name: 'cv.pdf', contentType: 'application/pdf', sizeBytes: 10485760 } });
    const tooBig = onlyError(await graph.query(add, { id, input: { name: 'cv.pdf', url: 'https://files.example.com/cv.pdf', contentType: 'application/pdf', sizeBytes: 10485761 } }, { token: cast.candidate.token }));
    expect(tooBig.code).toBe('BAD_USER_INPUT');
    expect(tooBig.message).toBe('sizeBytes 10485761 is out of range; a file has from 1 byte to 10 MB (10485760 bytes).');
    const wrongType = onlyError(await graph.query(add, { id, input: { name: 'cv.exe', url: 'https://files.example.com/cv.exe', contentType: 'application/x-msdownload', sizeBytes: 10 } }, { token: cast.candidate.token }));
    expect(wrongType.code).toBe('BAD_USER_INPUT');
    expect(wrongType.message).toMatch(/^contentType "application\/x-msdownload" is not allowed; use one of application\/pdf, /);
    const byEmployer = onlyError(await graph.query(add, { id, input: { name: 'cv.pdf', url: 'https://files.example.com/cv.pdf', contentType: 'application/pdf', sizeBytes: 10 } }, { token: cast.employer.token }));
    expect(byEmployer.code).toBe('FORBIDDEN');
  });
});
