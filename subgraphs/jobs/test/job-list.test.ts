import { encodeCursor, type Tenant } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompany, insertJob, insertTenant, linkJob, onlyError } from './fixtures.ts';

interface JobNode {
  id: string;
  title: string;
}

interface JobsPage {
  jobs: { totalCount: number; edges: { cursor: string; node: JobNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const jobsQuery = /* GraphQL */ `
  query Jobs($filter: JobFilter, $orderBy: JobOrderBy, $first: Int, $after: String) {
    jobs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      edges { cursor node { id title } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('jobs(filter, orderBy, first, after)', () => {
  let graph: TestSupergraph;
  let tenant: Tenant;
  let categories: Record<string, string>;
  let skills: Record<string, string>;
  let companyA: string;
  let companyB: string;
  const employer = '0193b000-0000-7000-8000-00000000e001';

  async function titles(variables: Record<string, unknown>): Promise<string[]> {
    const response = await graph.query<JobsPage>(jobsQuery, { first: 100, ...variables }, { tenant: tenant.slug });
    expect(response.errors).toBeUndefined();
    return response.data!.jobs.edges.map((edge) => edge.node.title);
  }

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await insertTenant(graph, 'job-list');
    const tree = await graph.query<{ jobCategories: { id: string; slug: string; children: { id: string; slug: string }[] }[] }>(
      '{ jobCategories { id slug children { id slug } } }',
      {},
      { tenant: tenant.slug },
    );
    categories = Object.fromEntries(tree.data!.jobCategories.flatMap((root) => [[root.slug, root.id], ...root.children.map((child) => [child.slug, child.id])]));
    const skillList = await graph.query<{ skills: { id: string; slug: string }[] }>('{ skills(first: 100) { id slug } }', {}, { tenant: tenant.slug });
    skills = Object.fromEntries(skillList.data!.skills.map((skill) => [skill.slug, skill.id]));

    companyA = (await insertCompany(graph, tenant.id, { name: 'Alpha Freight' })).id;
    companyB = (await insertCompany(graph, tenant.id, { name: 'Beta Clinics' })).id;
    const day = (n: number) => new Date(Date.UTC(2026, 10, n));
    const backend = await insertJob(graph, tenant.id, companyA, {
      title: 'Backend Engineer',
      employer_id: employer,
      employment_type: 'FULL_TIME',
      experience_level: 'SENIOR',
      workplace_type: 'REMOTE',
      location: 'Berlin, Germany',
      salary_min: '70000',
      salary_max: '90000',
      salary_currency: 'EUR',
      salary_period: 'YEAR',
      application_deadline: '2027-03-01',
      published_at: day(1),
    });
    const frontend = await insertJob(graph, tenant.id, companyA, {
      title: 'Frontend Engineer',
      employment_type: 'CONTRACT',
      experience_level: 'MID',
      workplace_type: 'HYBRID',
      location: 'Lisbon, Portugal',
      salary_min: '50000',
      salary_currency: 'EUR',
      salary_period: 'YEAR',
      application_deadline: '2027-01-15',
      published_at: day(3),
    });
    const nurse = await insertJob(graph, tenant.id, companyB, {
      title: 'Night Nurse',
      employment_type: 'PART_TIME',
      experience_level: 'JUNIOR',
      workplace_type: 'ONSITE',
      location: 'berlin',
      salary_min: '16.6264',
      salary_max: '21.5',
      salary_currency: 'EUR',
      salary_period: 'HOUR',
      published_at: day(2),
    });
    await insertJob(graph, tenant.id, companyB, { title: 'Draft Pharmacist', status: 'DRAFT', published_at: null, employer_id: employer });
    await insertJob(graph, tenant.id, companyB, { title: 'Closed Porter', status: 'CLOSED', published_at: day(4) });
    await linkJob(graph, tenant.id, backend.id, { categoryIds: [categories['backend-development']!], skillIds: [skills['typescript']!, skills['postgresql']!] });
    await linkJob(graph, tenant.id, frontend.id, { categoryIds: [categories['frontend-development']!], skillIds: [skills['react']!, skills['typescript']!] });
    await linkJob(graph, tenant.id, nurse.id, { categoryIds: [categories['nursing']!], skillIds: [skills['first-aid']!] });
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('shows anonymous callers PUBLISHED jobs only, newest first', async () => {
    expect(await titles({})).toEqual(['Frontend Engineer', 'Night Nurse', 'Backend Engineer']);
  });

  it('ignores a status filter that asks an anonymous caller for drafts', async () => {
    expect(await titles({ filter: { status: 'DRAFT' } })).toEqual([]);
  });

  it('filters by company and by employer', async () => {
    expect(await titles({ filter: { companyId: companyB } })).toEqual(['Night Nurse']);
    expect(await titles({ filter: { employerId: employer } })).toEqual(['Backend Engineer']);
  });

  it('filters by category, including subcategories', async () => {
    expect(await titles({ filter: { categoryIds: [categories['backend-development']] } })).toEqual(['Backend Engineer']);
    expect(await titles({ filter: { categoryIds: [categories['software-engineering']] } })).toEqual(['Frontend Engineer', 'Backend Engineer']);
    expect(await titles({ filter: { categoryIds: [categories['nursing'], categories['frontend-development']] } })).toEqual([
      'Frontend Engineer',
      'Night Nurse',
    ]);
  });

  it('matches no job for a category id the tenant lacks', async () => {
    expect(await titles({ filter: { categoryIds: ['0193b000-0000-7000-8000-00000000ffff'] } })).toEqual([]);
  });

  it('filters by any of the given skills', async () => {
    expect(await titles({ filter: { skillIds: [skills['typescript']] } })).toEqual(['Frontend Engineer', 'Backend Engineer']);
    expect(await titles({ filter: { skillIds: [skills['first-aid'], skills['react']] } })).toEqual(['Frontend Engineer', 'Night Nurse']);
  });

  it('filters by employment type, experience level and workplace type', async () => {
    expect(await titles({ filter: { employmentTypes: ['PART_TIME', 'CONTRACT'] } })).toEqual(['Frontend Engineer', 'Night Nurse']);
    expect(await titles({ filter: { experienceLevels: ['SENIOR'] } })).toEqual(['Backend Engineer']);
    expect(await titles({ filter: { workplaceTypes: ['REMOTE', 'ONSITE'] } })).toEqual(['Night Nurse', 'Backend Engineer']);
  });

  it('treats an empty list in the filter as no filter', async () => {
    expect(await titles({ filter: { employmentTypes: [], skillIds: [] } })).toEqual(['Frontend Engineer', 'Night Nurse', 'Backend Engineer']);
  });

  it('filters by location text, ignoring case', async () => {
    expect(await titles({ filter: { location: 'BERLIN' } })).toEqual(['Night Nurse', 'Backend Engineer']);
    expect(await titles({ filter: { location: '%' } })).toEqual([]);
  });

  it('filters by the upper end of the salary range', async () => {
    expect(await titles({ filter: { salaryMin: 60000 } })).toEqual(['Backend Engineer']);
    expect(await titles({ filter: { salaryMin: 50000 } })).toEqual(['Frontend Engineer', 'Backend Engineer']);
    expect(await titles({ filter: { salaryMin: 21.5 } })).toEqual(['Frontend Engineer', 'Night Nurse', 'Backend Engineer']);
  });

  it('filters by publication time', async () => {
    expect(await titles({ filter: { postedAfter: '2026-11-01T12:00:00Z' } })).toEqual(['Frontend Engineer', 'Night Nurse']);
  });

  it('combines filters', async () => {
    expect(await titles({ filter: { location: 'berlin', employmentTypes: ['FULL_TIME'], salaryMin: 1000 } })).toEqual(['Backend Engineer']);
  });

  it('counts every match in totalCount, not only the page', async () => {
    const response = await graph.query<JobsPage>(jobsQuery, { first: 1, filter: { skillIds: [skills['typescript']] } }, { tenant: tenant.slug });
    expect(response.data!.jobs.totalCount).toBe(2);
    expect(response.data!.jobs.edges).toHaveLength(1);
    expect(response.data!.jobs.pageInfo.hasNextPage).toBe(true);
  });

  it('orders by deadline, soonest first and jobs without one last', async () => {
    expect(await titles({ orderBy: 'DEADLINE' })).toEqual(['Frontend Engineer', 'Backend Engineer', 'Night Nurse']);
  });

  it('orders by salary, highest first', async () => {
    expect(await titles({ orderBy: 'SALARY' })).toEqual(['Backend Engineer', 'Frontend Engineer', 'Night Nurse']);
  });

  it('keeps salaries exact, such as an hourly 16.6264', async () => {
    const response = await graph.query<{ jobs: { edges: { node: { salary: unknown } }[] } }>(
      '{ jobs(filter: { employmentTypes: [PART_TIME] }) { edges { node { salary { min max currency period } } } } }',
      {},
      { tenant: tenant.slug },
    );
    expect(response.data!.jobs.edges[0]!.node.salary).toEqual({ min: 16.6264, max: 21.5, currency: 'EUR', period: 'HOUR' });
  });

  for (const orderBy of ['NEWEST', 'DEADLINE', 'SALARY']) {
    it(`pages through ${orderBy} one job at a time without gaps or repeats`, async () => {
      const all = await titles({ orderBy });
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const response: Awaited<ReturnType<typeof graph.query<JobsPage>>> = await graph.query<JobsPage>(
          jobsQuery,
          { orderBy, first: 1, after },
          { tenant: tenant.slug },
        );
        expect(response.errors).toBeUndefined();
        seen.push(...response.data!.jobs.edges.map((edge) => edge.node.title));
        if (!response.data!.jobs.pageInfo.hasNextPage) break;
        after = response.data!.jobs.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    });
  }

  it('rejects a tampered cursor with BAD_USER_INPUT', async () => {
    const response = await graph.query(jobsQuery, { after: 'bm90LWEtY3Vyc29y' }, { tenant: tenant.slug });
    const error = onlyError(response);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('Cursor "bm90LWEtY3Vyc29y" is invalid');
  });

  it('rejects a cursor of another order with BAD_USER_INPUT', async () => {
    const first = await graph.query<JobsPage>(jobsQuery, { orderBy: 'NEWEST', first: 1 }, { tenant: tenant.slug });
    const cursor = first.data!.jobs.pageInfo.endCursor!;
    const response = await graph.query(jobsQuery, { orderBy: 'SALARY', after: cursor }, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `Cursor "${cursor}" does not belong to a page ordered by SALARY; pass a cursor from a page with the same orderBy, or omit "after".`,
    });
  });

  it('rejects a well-formed cursor whose date does not exist', async () => {
    const cursor = encodeCursor({ key: '2026-02-30', id: '0193b000-0000-7000-8000-000000000001' });
    const response = await graph.query(jobsQuery, { orderBy: 'DEADLINE', after: cursor }, { tenant: tenant.slug });
    expect(onlyError(response).code).toBe('BAD_USER_INPUT');
  });

  it('rejects a page larger than 100 instead of cutting it', async () => {
    const response = await graph.query(jobsQuery, { first: 101 }, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'first: 101 is out of range; ask for 0 to 100 items and page on with "after".',
    });
  });

  it('rejects a malformed id in the filter', async () => {
    const response = await graph.query(jobsQuery, { filter: { companyId: 'acme' } }, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'filter.companyId "acme" is not a valid id; ids are UUIDs such as "0193a5d2-7c4e-7b1a-9f3e-2d8c6b4a1e07".',
    });
  });

  it('rejects a negative salaryMin', async () => {
    const response = await graph.query(jobsQuery, { filter: { salaryMin: -1 } }, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'filter.salaryMin -1 is out of range; use an amount from 0 to 1000000000000.' });
  });

  it('rejects a salaryMin beyond the largest salary', async () => {
    const response = await graph.query(jobsQuery, { filter: { salaryMin: 1e300 } }, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({ code: 'BAD_USER_INPUT', message: 'filter.salaryMin 1e+300 is out of range; use an amount from 0 to 1000000000000.' });
  });

  it('matches a salaryMin equal to an amount with 4 decimal places', async () => {
    expect(await titles({ filter: { salaryMin: 21.5, workplaceTypes: ['ONSITE'] } })).toEqual(['Night Nurse']);
    expect(await titles({ filter: { salaryMin: 21.5001, workplaceTypes: ['ONSITE'] } })).toEqual([]);
  });

  it('resolves categories and skills of each job, required skills first', async () => {
    const response = await graph.query<{ jobs: { edges: { node: { title: string; categories: unknown; skills: unknown } }[] } }>(
      '{ jobs(filter: { companyId: "' + companyA + '" }, orderBy: SALARY) { edges { node { title categories { slug parent { slug } } skills { skill { slug } isRequired level } } } } }',
      {},
      { tenant: tenant.slug },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.jobs.edges[0]!.node).toEqual({
      title: 'Backend Engineer',
      categories: [{ slug: 'backend-development', parent: { slug: 'software-engineering' } }],
      skills: [
        { skill: { slug: 'typescript' }, isRequired: true, level: null },
        { skill: { slug: 'postgresql' }, isRequired: false, level: null },
      ],
    });
  });

  it('pages Company.jobs for each company and counts them', async () => {
    const response = await graph.query<{ companies: { edges: { node: { name: string; jobs: { totalCount: number; edges: { node: JobNode }[] } } }[] } }>(
      '{ companies { edges { node { name jobs(first: 1) { totalCount edges { node { title } } } } } } }',
      {},
      { tenant: tenant.slug },
    );
    expect(response.errors).toBeUndefined();
    const byName = Object.fromEntries(response.data!.companies.edges.map((edge) => [edge.node.name, edge.node.jobs]));
    expect(byName['Alpha Freight']).toEqual({ totalCount: 2, edges: [{ node: { title: 'Frontend Engineer' } }] });
    expect(byName['Beta Clinics']).toEqual({ totalCount: 1, edges: [{ node: { title: 'Night Nurse' } }] });
  });
});
