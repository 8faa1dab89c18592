import { inTenant } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcDate } from '../src/domain/field-checks.ts';
import { applicationsDatabase, apply, applyOk, createCast, createJob, onlyError, readApplicationEvents, waitForReplica, type Cast } from './fixtures.ts';

describe('applyToJob', () => {
  let graph: TestSupergraph;
  let cast: Cast;
  let jobId: string;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs', 'applications'] });
    cast = await createCast(graph, 'apply');
    jobId = await createJob(graph, cast.tenant, cast.employer);
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('creates a SUBMITTED application with its first history entry and event', async () => {
    const response = await graph.query<{ applyToJob: Record<string, unknown> }>(
      /* GraphQL */ `
        mutation Apply($input: ApplyToJobInput!) {
          applyToJob(input: $input) {
            id status coverLetter resumeUrl expectedSalary availableFrom notes
            job { id title }
            statusHistory { from to changedBy { id } reason }
          }
        }
      `,
      { input: { jobId, coverLetter: '  I led night shifts for four years.  ', resumeUrl: 'https://files.example.com/cv.pdf', expectedSalary: 45000.5, availableFrom: '2027-03-01' } },
      { token: cast.candidate.token },
    );
    expect(response.errors).toBeUndefined();
    const application = response.data!.applyToJob;
    expect(application).toMatchObject({
      status: 'SUBMITTED',
      coverLetter: 'I led night shifts for four years.',
      resumeUrl: 'https://files.example.com/cv.pdf',
      expectedSalary: 45000.5,
      availableFrom: '2027-03-01',
      notes: null,
      job: { id: jobId, title: 'Warehouse shift lead' },
      statusHistory: [{ from: null, to: 'SUBMITTED', changedBy: { id: cast.candidate.id }, reason: null }],
    });
    const events = await readApplicationEvents(graph, application.id as string);
    expect(events.map((event) => event.type)).toEqual(['application.submitted']);
    expect(events[0]!.payload).toMatchObject({ jobId, applicantId: cast.candidate.id, employerId: cast.employer.id, status: 'SUBMITTED' });
  });

  it('rejects a second active application with CONFLICT', async () => {
    const response = await apply(graph, cast.candidate, { jobId });
    const error = onlyError(response);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^You already have application "[0-9a-f-]+" to job "[0-9a-f-]+" that is still active; one active application per job is allowed/);
  });

  it('creates one application from twenty concurrent requests', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => apply(graph, cast.otherCandidate, { jobId })));
    const created = responses.filter((response) => response.data?.applyToJob);
    const conflicts = responses.filter((response) => response.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const response of conflicts) expect(onlyError(response).message).toMatch(/^You already have (application "[0-9a-f-]+"|an application) to job/);
    const rows = await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) =>
      trx.selectFrom('applications').select('id').where('job_id', '=', jobId).where('applicant_id', '=', cast.otherCandidate.id).execute(),
    );
    expect(rows).toHaveLength(1);
    const events = await readApplicationEvents(graph);
    expect(events.filter((event) => event.type === 'application.submitted' && event.aggregateId === rows[0]!.id)).toHaveLength(1);
  });

  it('accepts a new application after a withdrawal', async () => {
    const other = await createJob(graph, cast.tenant, cast.employer);
    const first = await applyOk(graph, cast.candidate, other);
    const withdrawn = await graph.query('mutation W($id: ID!) { withdrawApplication(id: $id) { status } }', { id: first }, { token: cast.candidate.token });
    expect(withdrawn.errors).toBeUndefined();
    const second = await applyOk(graph, cast.candidate, other);
    expect(second).not.toBe(first);
  });

  it('rejects an employer with FORBIDDEN', async () => {
    const error = onlyError(await apply(graph, cast.employer, { jobId }));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('This needs the role CANDIDATE; you are EMPLOYER.');
  });

  it('rejects an anonymous request with UNAUTHENTICATED', async () => {
    const response = await graph.query('mutation { applyToJob(input: { jobId: "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07" }) { id } }', {}, { tenant: cast.tenant.slug });
    expect(onlyError(response).code).toBe('UNAUTHENTICATED');
  });

  it('rejects a DRAFT job and names its status', async () => {
    const draft = await createJob(graph, cast.tenant, cast.employer, { publish: false });
    const error = onlyError(await apply(graph, cast.candidate, { jobId: draft }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Job "${draft}" is DRAFT; only PUBLISHED jobs accept applications.`);
  });

  it('rejects a CLOSED job and names its status', async () => {
    const closing = await createJob(graph, cast.tenant, cast.employer);
    const closed = await graph.query('mutation C($id: ID!) { closeJob(id: $id) { id } }', { id: closing }, { token: cast.employer.token });
    expect(closed.errors).toBeUndefined();
    await waitForReplica(graph, cast.tenant.id, closing, 'CLOSED');
    const error = onlyError(await apply(graph, cast.candidate, { jobId: closing }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(`Job "${closing}" is CLOSED; only PUBLISHED jobs accept applications.`);
  });

  it('accepts an application on the deadline day', async () => {
    const today = utcDate(new Date());
    const lastDay = await createJob(graph, cast.tenant, cast.employer, { applicationDeadline: today });
    await applyOk(graph, cast.candidate, lastDay);
  });

  it('rejects an application after the deadline', async () => {
    const late = await createJob(graph, cast.tenant, cast.employer);
    // The jobs subgraph refuses past deadlines, so the replica is moved to a deadline that has passed.
    await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) =>
      trx.updateTable('job_replicas').set({ application_deadline: '2020-01-31' }).where('id', '=', late).execute(),
    );
    const error = onlyError(await apply(graph, cast.candidate, { jobId: late }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `Job "${late}" stopped accepting applications after its deadline "2020-01-31"; today is ${utcDate(new Date())} (UTC), so apply to another job.`,
    );
  });

  it('rejects an unknown job with NOT_FOUND', async () => {
    const unknown = '0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07';
    const error = onlyError(await apply(graph, cast.candidate, { jobId: unknown }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe(
      `Job "${unknown}" is not known to the applications service; check the id, or retry in a few seconds if the job was published just now.`,
    );
  });

  it('rejects invalid input and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ expectedSalary: -1 }, 'expectedSalary', 'expectedSalary -1 is invalid; give an amount from 0 to 999,999,999,999.99 with at most 2 decimal places.'],
      [{ expectedSalary: 10.123 }, 'expectedSalary', 'expectedSalary 10.123 is invalid; give an amount from 0 to 999,999,999,999.99 with at most 2 decimal places.'],
      [{ coverLetter: 'x'.repeat(10_001) }, 'coverLetter', 'coverLetter has 10001 characters; shorten it to at most 10000.'],
      [{ resumeUrl: 'ftp://files.example.com/cv.pdf' }, 'resumeUrl', 'resumeUrl "ftp://files.example.com/cv.pdf" is not an http or https address; give a link such as "https://files.example.com/cv.pdf".'],
    ];
    const fresh = await createJob(graph, cast.tenant, cast.employer);
    for (const [input, field, message] of cases) {
      const response = await apply(graph, cast.candidate, { jobId: fresh, ...input });
      const error = onlyError(response);
      expect(error.code, field).toBe('BAD_USER_INPUT');
      expect(error.message, field).toBe(message);
    }
    const rows = await inTenant(applicationsDatabase(graph), cast.tenant.id, (trx) => trx.selectFrom('applications').select('id').where('job_id', '=', fresh).execute());
    expect(rows).toEqual([]);
  });
});
