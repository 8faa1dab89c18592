import { inTenant } from '@jobgraph/kit';
import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, jobsDatabase, onlyError, readJobsEvents } from './fixtures.ts';

const jobFields = /* GraphQL */ `
  id externalId title status isFeatured publishedAt applicationDeadline
  salary { min max currency period }
  company { id } employer { id }
  categories { slug } skills { skill { slug } isRequired level }
`;

const createJob = `mutation CreateJob($input: CreateJobInput!) { createJob(input: $input) { ${jobFields} } }`;
const updateJob = `mutation UpdateJob($id: ID!, $input: UpdateJobInput!) { updateJob(id: $id, input: $input) { ${jobFields} } }`;
const publishJob = `mutation PublishJob($id: ID!) { publishJob(id: $id) { ${jobFields} } }`;
const closeJob = `mutation CloseJob($id: ID!) { closeJob(id: $id) { ${jobFields} } }`;
const archiveJob = `mutation ArchiveJob($id: ID!) { archiveJob(id: $id) { ${jobFields} } }`;
const deleteJob = 'mutation DeleteJob($id: ID!) { deleteJob(id: $id) }';
const jobQuery = 'query Job($id: ID!) { job(id: $id) { id status } }';

interface JobData {
  id: string;
  externalId: string | null;
  title: string;
  status: string;
  isFeatured: boolean;
  publishedAt: string | null;
  applicationDeadline: string | null;
  salary: { min: number | null; max: number | null; currency: string; period: string } | null;
  company: { id: string };
  employer: { id: string };
  categories: { slug: string }[];
  skills: { skill: { slug: string }; isRequired: boolean; level: string | null }[];
}

type Mutation = 'createJob' | 'updateJob' | 'publishJob' | 'closeJob' | 'archiveJob';

function isoDate(daysFromToday: number): string {
  return new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
}

describe('job mutations', () => {
  let graph: TestSupergraph;
  let tenant: TestTenant;
  let employer: TestUser;
  let otherEmployer: TestUser;
  let candidate: TestUser;
  let companyId: string;
  let otherCompanyId: string;
  let categoryIds: Record<string, string>;
  let skillIds: Record<string, string>;

  const baseInput = () => ({
    companyId,
    title: 'Backend Engineer',
    description: 'Build and run the services behind our freight platform.',
    employmentType: 'FULL_TIME',
    workplaceType: 'HYBRID',
  });

  async function run(mutation: Mutation, document: string, variables: Record<string, unknown>, token?: string) {
    const response = await graph.query<Record<Mutation, JobData>>(document, variables, token ? { token } : { tenant: tenant.slug });
    return { response, job: response.data?.[mutation] ?? null };
  }

  async function createDraft(token: string, input: Record<string, unknown> = {}): Promise<JobData> {
    const { response, job } = await run('createJob', createJob, { input: { ...baseInput(), ...input } }, token);
    expect(response.errors).toBeUndefined();
    return job!;
  }

  async function moveTo(status: 'PUBLISHED' | 'CLOSED' | 'ARCHIVED', token: string): Promise<JobData> {
    const job = await createDraft(token);
    const steps: [Mutation, string][] = [
      ['publishJob', publishJob],
      ['closeJob', closeJob],
      ['archiveJob', archiveJob],
    ];
    const count = { PUBLISHED: 1, CLOSED: 2, ARCHIVED: 3 }[status];
    let current = job;
    for (const [mutation, document] of steps.slice(0, count)) {
      const { response, job: moved } = await run(mutation, document, { id: job.id }, token);
      expect(response.errors).toBeUndefined();
      current = moved!;
    }
    return current;
  }

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await createTestTenant(graph, 'job-mutations');
    employer = await createTestUser(graph, tenant, 'EMPLOYER');
    otherEmployer = await createTestUser(graph, tenant, 'EMPLOYER');
    candidate = await createTestUser(graph, tenant, 'CANDIDATE');
    const company = await graph.query<{ createCompany: { id: string } }>('mutation { createCompany(input: { name: "Northwind" }) { id } }', {}, { token: employer.token });
    companyId = company.data!.createCompany.id;
    const other = await graph.query<{ createCompany: { id: string } }>('mutation { createCompany(input: { name: "Lumen" }) { id } }', {}, { token: otherEmployer.token });
    otherCompanyId = other.data!.createCompany.id;
    const tree = await graph.query<{ jobCategories: { id: string; slug: string; children: { id: string; slug: string }[] }[] }>(
      '{ jobCategories { id slug children { id slug } } }',
      {},
      { tenant: tenant.slug },
    );
    categoryIds = Object.fromEntries(tree.data!.jobCategories.flatMap((root) => [[root.slug, root.id], ...root.children.map((child) => [child.slug, child.id])]));
    const skills = await graph.query<{ skills: { id: string; slug: string }[] }>('{ skills(first: 100) { id slug } }', {}, { tenant: tenant.slug });
    skillIds = Object.fromEntries(skills.data!.skills.map((skill) => [skill.slug, skill.id]));
  });

  afterAll(async () => {
    await graph?.stop();
  });

  describe('createJob', () => {
    it('creates a DRAFT job with categories and skills, owned by the company owner', async () => {
      const job = await createDraft(employer.token, {
        externalId: 'ext-1',
        salary: { min: 16.6264, max: 21.5, currency: 'EUR', period: 'HOUR' },
        applicationDeadline: isoDate(30),
        categoryIds: [categoryIds['backend-development']],
        skills: [
          { skillId: skillIds['typescript'], level: 'ADVANCED' },
          { skillId: skillIds['docker'], isRequired: false },
        ],
      });
      expect(job).toMatchObject({
        externalId: 'ext-1',
        status: 'DRAFT',
        publishedAt: null,
        isFeatured: false,
        salary: { min: 16.6264, max: 21.5, currency: 'EUR', period: 'HOUR' },
        company: { id: companyId },
        employer: { id: employer.id },
        categories: [{ slug: 'backend-development' }],
        skills: [
          { skill: { slug: 'typescript' }, isRequired: true, level: 'ADVANCED' },
          { skill: { slug: 'docker' }, isRequired: false, level: null },
        ],
      });
      const events = await readJobsEvents(graph, job.id);
      expect(events.map((event) => event.type)).toEqual(['job.created']);
      expect(events[0]!.payload).toMatchObject({
        status: 'DRAFT',
        salary: { min: '16.6264', max: '21.5', currency: 'EUR', period: 'HOUR' },
        categoryIds: [categoryIds['backend-development']],
      });
    });

    it('gives an ADMIN-posted job the company owner', async () => {
      const job = await createDraft(tenant.adminToken, { isFeatured: true });
      expect(job.employer).toEqual({ id: employer.id });
      expect(job.isFeatured).toBe(true);
    });

    it('rejects a job for a company of another employer', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), companyId: otherCompanyId } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'FORBIDDEN',
        message: `Company "${otherCompanyId}" belongs to another employer; you can post jobs only for companies you own.`,
      });
    });

    it('rejects a job for a company that does not exist', async () => {
      const missing = '0193b000-0000-7000-8000-00000000beef';
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), companyId: missing } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'NOT_FOUND', message: `Company "${missing}" does not exist in this tenant; pick an id from companies.` });
    });

    it('rejects createJob from a CANDIDATE', async () => {
      const { response } = await run('createJob', createJob, { input: baseInput() }, candidate.token);
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    });

    it('rejects createJob from an anonymous caller', async () => {
      const { response } = await run('createJob', createJob, { input: baseInput() });
      expect(onlyError(response).code).toBe('UNAUTHENTICATED');
    });

    it('rejects isFeatured from an EMPLOYER', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), isFeatured: true } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'Only an ADMIN may set isFeatured; leave it out of the input.' });
    });

    it('rejects a category the tenant lacks and writes nothing', async () => {
      const before = await countRows(graph, tenant.id, 'jobs');
      const missing = '0193b000-0000-7000-8000-00000000cafe';
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), categoryIds: [categoryIds['data'], missing] } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `categoryIds "${missing}" name no category of this tenant; pick ids from jobCategories.`,
      });
      expect(await countRows(graph, tenant.id, 'jobs')).toBe(before);
    });

    it('rejects a skill the tenant lacks and writes nothing', async () => {
      const before = await countRows(graph, tenant.id, 'jobs');
      const missing = '0193b000-0000-7000-8000-00000000f00d';
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), skills: [{ skillId: missing }] } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `skills "${missing}" name no skill of this tenant; pick ids from skills(search), or add a skill with createSkill.`,
      });
      expect(await countRows(graph, tenant.id, 'jobs')).toBe(before);
    });

    it('rejects a category of another tenant', async () => {
      const otherTenant = await createTestTenant(graph, 'job-mutations-other');
      const foreign = await graph.query<{ jobCategories: { id: string }[] }>('{ jobCategories { id } }', {}, { tenant: otherTenant.slug });
      const foreignId = foreign.data!.jobCategories[0]!.id;
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), categoryIds: [foreignId] } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `categoryIds "${foreignId}" name no category of this tenant; pick ids from jobCategories.`,
      });
    });

    it('rejects an externalId that another job has', async () => {
      const first = await createDraft(employer.token, { externalId: 'dup-1' });
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), externalId: 'dup-1' } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `externalId "dup-1" already belongs to job "${first.id}"; external ids are unique in the tenant, so update that job instead.`,
      });
    });

    it('rejects a salary whose min exceeds its max', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), salary: { min: 9, max: 8, currency: 'EUR', period: 'HOUR' } } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'salary.min 9 is greater than salary.max 8; make min at most max.' });
    });

    it('rejects a currency that is not ISO 4217', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), salary: { min: 9, currency: 'BTC', period: 'HOUR' } } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: 'salary.currency "BTC" is not an ISO 4217 currency code; use an upper-case three-letter code such as "EUR" or "USD".',
      });
    });

    it('rejects a deadline in the past', async () => {
      const yesterday = isoDate(-1);
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), applicationDeadline: yesterday } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `applicationDeadline "${yesterday}" is in the past; use today (${isoDate(0)}, UTC) or a later date, or null for no deadline.`,
      });
    });

    it('rejects a title that is too short', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), title: 'QA' } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'title "QA" is too short; use 3 to 150 characters.' });
    });

    it('rejects a description that is too short', async () => {
      const { response } = await run('createJob', createJob, { input: { ...baseInput(), description: 'Too short.' } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'description "Too short." is too short; use 30 to 20000 characters.' });
    });
  });

  describe('updateJob', () => {
    it('changes fields and replaces categories and skills, and appends job.updated', async () => {
      const draft = await createDraft(employer.token, { categoryIds: [categoryIds['data']], skills: [{ skillId: skillIds['sql'] }] });
      const { response, job } = await run(
        'updateJob',
        updateJob,
        { id: draft.id, input: { title: 'Data Engineer', categoryIds: [categoryIds['data-engineering']], skills: [{ skillId: skillIds['python'], level: 'EXPERT' }] } },
        employer.token,
      );
      expect(response.errors).toBeUndefined();
      expect(job).toMatchObject({
        title: 'Data Engineer',
        status: 'DRAFT',
        categories: [{ slug: 'data-engineering' }],
        skills: [{ skill: { slug: 'python' }, isRequired: true, level: 'EXPERT' }],
      });
      const events = await readJobsEvents(graph, draft.id);
      expect(events.map((event) => event.type)).toEqual(['job.created', 'job.updated']);
      expect(events[1]!.payload).toMatchObject({ title: 'Data Engineer', changedFields: ['title', 'categoryIds', 'skills'], categoryIds: [categoryIds['data-engineering']] });
    });

    it('keeps categories and skills that the update leaves out', async () => {
      const draft = await createDraft(employer.token, { categoryIds: [categoryIds['data']] });
      const { job } = await run('updateJob', updateJob, { id: draft.id, input: { location: 'Oslo' } }, employer.token);
      expect(job!.categories).toEqual([{ slug: 'data' }]);
    });

    it('updates a PUBLISHED job', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response, job } = await run('updateJob', updateJob, { id: published.id, input: { title: 'Senior Backend Engineer' } }, employer.token);
      expect(response.errors).toBeUndefined();
      expect(job).toMatchObject({ title: 'Senior Backend Engineer', status: 'PUBLISHED' });
    });

    it('rejects updating a CLOSED job', async () => {
      const closed = await moveTo('CLOSED', employer.token);
      const { response } = await run('updateJob', updateJob, { id: closed.id, input: { title: 'Reopened' } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Job "${closed.id}" is CLOSED, so it cannot be updated; a CLOSED job can only be archived.`,
      });
    });

    it('rejects an update by another EMPLOYER of a PUBLISHED job', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response } = await run('updateJob', updateJob, { id: published.id, input: { title: 'Hijacked' } }, otherEmployer.token);
      expect(onlyError(response)).toEqual({
        code: 'FORBIDDEN',
        message: `Job "${published.id}" belongs to another employer; only its employer or an ADMIN may update it.`,
      });
    });

    it('answers an update by another EMPLOYER of a DRAFT job with NOT_FOUND', async () => {
      const draft = await createDraft(employer.token);
      const { response } = await run('updateJob', updateJob, { id: draft.id, input: { title: 'Hijacked' } }, otherEmployer.token);
      expect(onlyError(response)).toEqual({ code: 'NOT_FOUND', message: `Job "${draft.id}" does not exist in this tenant; check the id.` });
    });

    it('rejects an update by a CANDIDATE', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response } = await run('updateJob', updateJob, { id: published.id, input: { title: 'Mine now' } }, candidate.token);
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    });

    it('lets an ADMIN update any job', async () => {
      const draft = await createDraft(employer.token);
      const { response, job } = await run('updateJob', updateJob, { id: draft.id, input: { isFeatured: true } }, tenant.adminToken);
      expect(response.errors).toBeUndefined();
      expect(job!.isFeatured).toBe(true);
    });

    it('rejects null for a required field', async () => {
      const draft = await createDraft(employer.token);
      const { response } = await run('updateJob', updateJob, { id: draft.id, input: { title: null } }, employer.token);
      expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'title cannot be null; omit it to keep the current value.' });
    });

    it('rejects taking the externalId of another job', async () => {
      const holder = await createDraft(employer.token, { externalId: 'taken-1' });
      const draft = await createDraft(employer.token, { externalId: 'free-1' });
      const { response } = await run('updateJob', updateJob, { id: draft.id, input: { externalId: 'taken-1' } }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `externalId "taken-1" already belongs to job "${holder.id}"; external ids are unique in the tenant, so update that job instead.`,
      });
      const same = await run('updateJob', updateJob, { id: draft.id, input: { externalId: 'free-1', title: 'Same external id' } }, employer.token);
      expect(same.response.errors).toBeUndefined();
    });
  });

  describe('lifecycle', () => {
    it('moves a job through every status', async () => {
      const draft = await createDraft(employer.token);
      const published = await run('publishJob', publishJob, { id: draft.id }, employer.token);
      expect(published.job).toMatchObject({ status: 'PUBLISHED' });
      expect(Date.parse(published.job!.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);
      const closed = await run('closeJob', closeJob, { id: draft.id }, employer.token);
      expect(closed.job).toMatchObject({ status: 'CLOSED', publishedAt: published.job!.publishedAt });
      const archived = await run('archiveJob', archiveJob, { id: draft.id }, employer.token);
      expect(archived.job).toMatchObject({ status: 'ARCHIVED' });
      const events = await readJobsEvents(graph, draft.id);
      expect(events.map((event) => event.type)).toEqual(['job.created', 'job.published', 'job.closed', 'job.archived']);
      expect(events.map((event) => (event.payload as { status: string }).status)).toEqual(['DRAFT', 'PUBLISHED', 'CLOSED', 'ARCHIVED']);
    });

    it('rejects publishing an archived job', async () => {
      const archived = await moveTo('ARCHIVED', employer.token);
      const { response } = await run('publishJob', publishJob, { id: archived.id }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Job "${archived.id}" is ARCHIVED, so it cannot be published; an ARCHIVED job cannot change any more.`,
      });
    });

    it('rejects publishing a PUBLISHED job again', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response } = await run('publishJob', publishJob, { id: published.id }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Job "${published.id}" is PUBLISHED, so it cannot be published; a PUBLISHED job can only be updated or closed.`,
      });
    });

    it('rejects closing a DRAFT job', async () => {
      const draft = await createDraft(employer.token);
      const { response } = await run('closeJob', closeJob, { id: draft.id }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Job "${draft.id}" is DRAFT, so it cannot be closed; a DRAFT job can only be updated, published or deleted.`,
      });
    });

    it('rejects archiving a PUBLISHED job', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response } = await run('archiveJob', archiveJob, { id: published.id }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Job "${published.id}" is PUBLISHED, so it cannot be archived; a PUBLISHED job can only be updated or closed.`,
      });
    });

    it('rejects closing an ARCHIVED job', async () => {
      const archived = await moveTo('ARCHIVED', employer.token);
      const { response } = await run('closeJob', closeJob, { id: archived.id }, employer.token);
      expect(onlyError(response).code).toBe('CONFLICT');
    });

    it('rejects publishing a job whose deadline has passed', async () => {
      const draft = await createDraft(employer.token);
      const passed = isoDate(-3);
      await inTenant(jobsDatabase(graph), tenant.id, (trx) => trx.updateTable('jobs').set({ application_deadline: passed }).where('id', '=', draft.id).execute());
      const { response } = await run('publishJob', publishJob, { id: draft.id }, employer.token);
      expect(onlyError(response)).toEqual({
        code: 'BAD_USER_INPUT',
        message: `Job "${draft.id}" has applicationDeadline "${passed}", which has passed; set a deadline of today (${isoDate(0)}, UTC) or later with updateJob, then publish it.`,
      });
    });

    it('rejects a status change by another EMPLOYER', async () => {
      const published = await moveTo('PUBLISHED', employer.token);
      const { response } = await run('closeJob', closeJob, { id: published.id }, otherEmployer.token);
      expect(onlyError(response)).toEqual({
        code: 'FORBIDDEN',
        message: `Job "${published.id}" belongs to another employer; only its employer or an ADMIN may close it.`,
      });
    });

    it('rejects a status change by a CANDIDATE', async () => {
      const draft = await createDraft(employer.token);
      const { response } = await run('publishJob', publishJob, { id: draft.id }, candidate.token);
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    });

    it('rejects a status change from an anonymous caller', async () => {
      const draft = await createDraft(employer.token);
      const { response } = await run('publishJob', publishJob, { id: draft.id });
      expect(onlyError(response).code).toBe('UNAUTHENTICATED');
    });

    it('lets an ADMIN move any job through the lifecycle', async () => {
      const archived = await moveTo('ARCHIVED', tenant.adminToken);
      expect(archived.status).toBe('ARCHIVED');
    });
  });

  describe('deleteJob', () => {
    it('deletes a DRAFT job with its links and appends job.deleted', async () => {
      const draft = await createDraft(employer.token, { categoryIds: [categoryIds['design']], skills: [{ skillId: skillIds['figma'] }] });
      const links = await countRows(graph, tenant.id, 'job_skills');
      const response = await graph.query<{ deleteJob: string }>(deleteJob, { id: draft.id }, { token: employer.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.deleteJob).toBe(draft.id);
      const after = await graph.query<{ job: unknown }>(jobQuery, { id: draft.id }, { token: employer.token });
      expect(after.data!.job).toBeNull();
      expect(await countRows(graph, tenant.id, 'job_skills')).toBe(links - 1);
      const events = await readJobsEvents(graph, draft.id);
      expect(events.map((event) => event.type)).toEqual(['job.created', 'job.deleted']);
      expect(events[1]!.payload).toMatchObject({ companyId, employerId: employer.id });
    });

    for (const status of ['PUBLISHED', 'CLOSED', 'ARCHIVED'] as const) {
      it(`rejects deleting a ${status} job`, async () => {
        const job = await moveTo(status, employer.token);
        const response = await graph.query(deleteJob, { id: job.id }, { token: employer.token });
        const error = onlyError(response);
        expect(error.code).toBe('CONFLICT');
        expect(error.message).toMatch(new RegExp(`^Job "${job.id}" is ${status}, so it cannot be deleted; `));
        const still = await graph.query<{ job: { status: string } }>(jobQuery, { id: job.id }, { token: employer.token });
        expect(still.data!.job.status).toBe(status);
      });
    }

    it('answers a delete by another EMPLOYER with NOT_FOUND', async () => {
      const draft = await createDraft(employer.token);
      const response = await graph.query(deleteJob, { id: draft.id }, { token: otherEmployer.token });
      expect(onlyError(response)).toEqual({ code: 'NOT_FOUND', message: `Job "${draft.id}" does not exist in this tenant; check the id.` });
    });

    it('rejects a delete by a CANDIDATE', async () => {
      const draft = await createDraft(employer.token);
      const response = await graph.query(deleteJob, { id: draft.id }, { token: candidate.token });
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    });

    it('lets an ADMIN delete a DRAFT job of an employer', async () => {
      const draft = await createDraft(employer.token);
      const response = await graph.query<{ deleteJob: string }>(deleteJob, { id: draft.id }, { token: tenant.adminToken });
      expect(response.data?.deleteJob).toBe(draft.id);
    });
  });

  describe('visibility', () => {
    let draftId: string;
    let closedId: string;
    let publishedId: string;

    beforeAll(async () => {
      draftId = (await createDraft(employer.token, { title: 'Visibility draft' })).id;
      closedId = (await moveTo('CLOSED', employer.token)).id;
      publishedId = (await moveTo('PUBLISHED', employer.token)).id;
    });

    async function visibleIds(options: { token?: string }): Promise<string[]> {
      const ids = [];
      for (const id of [draftId, closedId, publishedId]) {
        const response = await graph.query<{ job: { id: string } | null }>(jobQuery, { id }, options.token ? { token: options.token } : { tenant: tenant.slug });
        expect(response.errors).toBeUndefined();
        if (response.data!.job) ids.push(response.data!.job.id);
      }
      return ids;
    }

    it('shows anonymous callers PUBLISHED jobs only', async () => {
      expect(await visibleIds({})).toEqual([publishedId]);
    });

    it('shows CANDIDATEs PUBLISHED jobs only', async () => {
      expect(await visibleIds({ token: candidate.token })).toEqual([publishedId]);
    });

    it('shows other EMPLOYERs PUBLISHED jobs only', async () => {
      expect(await visibleIds({ token: otherEmployer.token })).toEqual([publishedId]);
    });

    it('shows the owning EMPLOYER every state', async () => {
      expect(await visibleIds({ token: employer.token })).toEqual([draftId, closedId, publishedId]);
    });

    it('shows ADMINs every state', async () => {
      expect(await visibleIds({ token: tenant.adminToken })).toEqual([draftId, closedId, publishedId]);
    });

    it('lists an EMPLOYER their own drafts but not those of others', async () => {
      const ownDraft = await graph.query<{ jobs: { edges: { node: { id: string } }[] } }>(
        '{ jobs(first: 100, filter: { status: DRAFT }) { edges { node { id } } } }',
        {},
        { token: employer.token },
      );
      expect(ownDraft.data!.jobs.edges.map((edge) => edge.node.id)).toContain(draftId);
      const othersDraft = await graph.query<{ jobs: { edges: { node: { id: string } }[] } }>(
        '{ jobs(first: 100, filter: { status: DRAFT }) { edges { node { id } } } }',
        {},
        { token: otherEmployer.token },
      );
      expect(othersDraft.data!.jobs.edges.map((edge) => edge.node.id)).not.toContain(draftId);
    });

    it('hides a draft from Company.jobs for a CANDIDATE', async () => {
      const response = await graph.query<{ company: { jobs: { edges: { node: { id: string } }[] } } }>(
        'query ($id: ID!) { company(id: $id) { jobs(first: 100) { edges { node { id } } } } }',
        { id: companyId },
        { token: candidate.token },
      );
      const ids = response.data!.company.jobs.edges.map((edge) => edge.node.id);
      expect(ids).toContain(publishedId);
      expect(ids).not.toContain(draftId);
      expect(ids).not.toContain(closedId);
    });
  });

  describe('createSkill', () => {
    const createSkill = 'mutation CreateSkill($name: String!) { createSkill(input: { name: $name }) { id name slug } }';

    it('adds a skill that search then finds, accents ignored', async () => {
      const response = await graph.query<{ createSkill: { id: string; name: string; slug: string } }>(createSkill, { name: 'Ébénisterie' }, { token: employer.token });
      expect(response.errors).toBeUndefined();
      expect(response.data!.createSkill).toMatchObject({ name: 'Ébénisterie', slug: 'ebenisterie' });
      const found = await graph.query<{ skills: { id: string }[] }>('{ skills(search: "ebe") { id } }', {}, { tenant: tenant.slug });
      expect(found.data!.skills).toEqual([{ id: response.data!.createSkill.id }]);
    });

    it('rejects a skill whose slug exists with CONFLICT', async () => {
      const response = await graph.query(createSkill, { name: 'typescript' }, { token: employer.token });
      expect(onlyError(response)).toEqual({
        code: 'CONFLICT',
        message: `Skill "TypeScript" (slug "typescript") already exists with id "${skillIds['typescript']}"; use that id instead.`,
      });
    });

    it('rejects a name without letters or digits', async () => {
      const response = await graph.query(createSkill, { name: '!!!' }, { token: employer.token });
      expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'name "!!!" has no letter or digit to make a slug from; use a name such as "TypeScript".' });
    });

    it('rejects createSkill from a CANDIDATE', async () => {
      const response = await graph.query(createSkill, { name: 'Juggling' }, { token: candidate.token });
      expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    });
  });
});
