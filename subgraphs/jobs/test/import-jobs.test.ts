import { inTenant } from '@jobgraph/kit';
import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, jobsDatabase, onlyError, readJobsEvents } from './fixtures.ts';

const importJobs = /* GraphQL */ `
  mutation ImportJobs($input: ImportJobsInput!) {
    importJobs(input: $input) {
      results {
        index externalId outcome reason
        job { id status publishedAt title salary { min max } company { name } categories { slug } skills { skill { slug } } }
      }
    }
  }
`;

interface ImportResult {
  index: number;
  externalId: string | null;
  outcome: string;
  reason: string | null;
  job: { id: string; status: string; publishedAt: string | null; title: string; salary: { min: number; max: number } | null; company: { name: string }; categories: { slug: string }[]; skills: { skill: { slug: string } }[] } | null;
}

const description = 'Maintain the heating plants of city buildings across all boroughs.';

function job(externalId: string, changes: Record<string, unknown> = {}) {
  return {
    externalId,
    companyName: 'Department of Buildings',
    title: `Heating Engineer ${externalId}`,
    description,
    employmentType: 'FULL_TIME',
    workplaceType: 'ONSITE',
    location: 'New York, NY',
    salary: { min: 24.5, max: 31.25, currency: 'USD', period: 'HOUR' },
    publishedAt: '2026-10-01T00:00:00.000Z',
    categoryNames: ['Building Operations & Maintenance', 'Legal'],
    skillNames: ['Boiler Repair', 'First Aid'],
    ...changes,
  };
}

describe('importJobs', () => {
  let graph: TestSupergraph;
  let tenant: TestTenant;
  let employer: TestUser;

  async function runImport(jobs: unknown[], token = tenant.adminToken) {
    const response = await graph.query<{ importJobs: { results: ImportResult[] } }>(importJobs, { input: { jobs } }, { token });
    return { response, results: response.data?.importJobs.results ?? [] };
  }

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await createTestTenant(graph, 'import-jobs');
    employer = await createTestUser(graph, tenant, 'EMPLOYER');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('creates jobs with their company, categories and skills', async () => {
    const { response, results } = await runImport([job('nyc-1'), job('nyc-2', { publishedAt: null, skillNames: [] })]);
    expect(response.errors).toBeUndefined();
    expect(results.map((result) => [result.index, result.externalId, result.outcome, result.reason])).toEqual([
      [0, 'nyc-1', 'CREATED', null],
      [1, 'nyc-2', 'CREATED', null],
    ]);
    expect(results[0]!.job).toMatchObject({
      status: 'PUBLISHED',
      publishedAt: '2026-10-01T00:00:00.000Z',
      salary: { min: 24.5, max: 31.25 },
      company: { name: 'Department of Buildings' },
      skills: [{ skill: { slug: 'boiler-repair' } }, { skill: { slug: 'first-aid' } }],
    });
    expect(results[0]!.job!.categories.map((category) => category.slug).sort()).toEqual(['building-operations-maintenance', 'legal']);
    expect(results[1]!.job).toMatchObject({ status: 'DRAFT', publishedAt: null, skills: [] });
    expect(await countRows(graph, tenant.id, 'companies')).toBe(1);
  });

  it('appends job.created and then job.published for an imported PUBLISHED job', async () => {
    const { results } = await runImport([job('nyc-events')]);
    const events = await readJobsEvents(graph, results[0]!.job!.id);
    expect(events.map((event) => event.type)).toEqual(['job.created', 'job.published']);
    expect(events.map((event) => (event.payload as { status: string }).status)).toEqual(['DRAFT', 'PUBLISHED']);
  });

  it('changes nothing when the same jobs are imported twice', async () => {
    const batch = [job('twice-1'), job('twice-2', { salary: { min: 24.5, currency: 'USD', period: 'HOUR' } })];
    await runImport(batch);
    const eventsBefore = (await readJobsEvents(graph)).length;
    const rowsBefore = await inTenant(jobsDatabase(graph), tenant.id, (trx) => trx.selectFrom('jobs').select(['id', 'updated_at']).orderBy('id').execute());
    const { results } = await runImport(batch);
    expect(results.map((result) => result.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
    expect((await readJobsEvents(graph)).length).toBe(eventsBefore);
    const rowsAfter = await inTenant(jobsDatabase(graph), tenant.id, (trx) => trx.selectFrom('jobs').select(['id', 'updated_at']).orderBy('id').execute());
    expect(rowsAfter).toEqual(rowsBefore);
  });

  it('updates a job whose imported values changed, and appends job.updated', async () => {
    await runImport([job('changing')]);
    const { results } = await runImport([job('changing', { title: 'Senior Heating Engineer', skillNames: ['Boiler Repair'] })]);
    expect(results[0]).toMatchObject({ outcome: 'UPDATED', job: { title: 'Senior Heating Engineer', skills: [{ skill: { slug: 'boiler-repair' } }] } });
    const events = await readJobsEvents(graph, results[0]!.job!.id);
    expect(events.at(-1)!.type).toBe('job.updated');
    expect(events.at(-1)!.payload).toMatchObject({ changedFields: ['title', 'skills'] });
  });

  it('keeps a job with its employer when the import names another employer\'s company', async () => {
    const other = await createTestUser(graph, tenant, 'EMPLOYER');
    const created = await graph.query('mutation { createCompany(input: { name: "Lumen Health" }) { id } }', {}, { token: other.token });
    expect(created.errors).toBeUndefined();
    const first = await runImport([job('moving-1')]);
    expect(first.results[0]!.outcome).toBe('CREATED');
    const jobId = first.results[0]!.job!.id;
    const readCompany = () =>
      inTenant(jobsDatabase(graph), tenant.id, (trx) => trx.selectFrom('jobs').select(['company_id', 'employer_id']).where('id', '=', jobId).executeTakeFirstOrThrow());
    const before = await readCompany();

    const { results } = await runImport([job('moving-1', { companyName: 'Lumen Health' })]);
    expect(results[0]).toMatchObject({ outcome: 'REJECTED', job: null });
    expect(results[0]!.reason).toBe(
      `companyName "Lumen Health" belongs to another employer than the one of job "${jobId}", so the job cannot move to it; keep the job's company, or import the posting under a new externalId.`,
    );
    expect(await readCompany()).toEqual(before);
  });

  it('uses an existing company whose name matches ignoring case', async () => {
    const created = await graph.query<{ createCompany: { id: string } }>('mutation { createCompany(input: { name: "Parks Department" }) { id } }', {}, { token: employer.token });
    const { results } = await runImport([job('parks-1', { companyName: 'PARKS DEPARTMENT' })]);
    expect(results[0]!.job!.company).toEqual({ name: 'Parks Department' });
    const row = await inTenant(jobsDatabase(graph), tenant.id, (trx) => trx.selectFrom('jobs').select(['company_id', 'employer_id']).where('external_id', '=', 'parks-1').executeTakeFirstOrThrow());
    expect(row).toEqual({ company_id: created.data!.createCompany.id, employer_id: employer.id });
  });

  it('rejects invalid jobs with a reason and imports the others', async () => {
    const { results } = await runImport([
      job('bad-1', { employmentType: null }),
      job('good-1'),
      job('bad-2', { title: 'QA' }),
      job('good-1', { title: 'Repeated' }),
      job('bad-3', { publishedAt: '2999-01-01T00:00:00.000Z' }),
      job('bad-4', { salary: { min: 10, max: 5, currency: 'USD', period: 'HOUR' } }),
    ]);
    expect(results.map((result) => [result.externalId, result.outcome, result.reason])).toEqual([
      ['bad-1', 'REJECTED', 'employmentType is missing; give one of FULL_TIME, PART_TIME, CONTRACT, INTERNSHIP or TEMPORARY.'],
      ['good-1', 'CREATED', null],
      ['bad-2', 'REJECTED', 'title "QA" is too short; use 3 to 150 characters.'],
      ['good-1', 'REJECTED', 'externalId "good-1" repeats job 1 of this batch; send each job once.'],
      ['bad-3', 'REJECTED', 'publishedAt "2999-01-01T00:00:00.000Z" is in the future; give the time the job was published, or leave it out to import a DRAFT.'],
      ['bad-4', 'REJECTED', 'salary.min 10 is greater than salary.max 5; make min at most max.'],
    ]);
    const stored = await inTenant(jobsDatabase(graph), tenant.id, (trx) =>
      trx.selectFrom('jobs').select('external_id').where('external_id', 'in', ['bad-1', 'bad-2', 'bad-3', 'bad-4']).execute(),
    );
    expect(stored).toEqual([]);
  });

  it('rejects a change to a CLOSED job with the lifecycle rule', async () => {
    const { results } = await runImport([job('closing')]);
    const id = results[0]!.job!.id;
    await graph.query('mutation ($id: ID!) { closeJob(id: $id) { id } }', { id }, { token: tenant.adminToken });
    const again = await runImport([job('closing', { title: 'Reopened by import' })]);
    expect(again.results[0]).toMatchObject({
      outcome: 'REJECTED',
      reason: `Job "${id}" is CLOSED, so it cannot be updated; a CLOSED job can only be archived.`,
    });
  });

  it('rejects importJobs from an EMPLOYER', async () => {
    const { response } = await runImport([job('employer-1')], employer.token);
    expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role ADMIN; you are EMPLOYER.' });
  });

  it('rejects importJobs from an anonymous caller', async () => {
    const response = await graph.query(importJobs, { input: { jobs: [job('anonymous-1')] } }, { tenant: tenant.slug });
    expect(onlyError(response).code).toBe('UNAUTHENTICATED');
  });

  it('rejects a batch of more than 500 jobs', async () => {
    const jobs = Array.from({ length: 501 }, (_, index) => job(`many-${index}`));
    const { response } = await runImport(jobs);
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'input.jobs has 501 jobs; send at most 500 per request and the rest in further requests.',
    });
  });
});
