import type { Tenant } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRequestStatements, insertCompany, insertJob, insertTenant, linkJob } from './fixtures.ts';

const pageQuery = /* GraphQL */ `
  query Page($first: Int!) {
    jobs(first: $first) {
      edges {
        node {
          id title
          salary { min max currency period }
          company { id name website }
          categories { id name parent { name } }
          skills { skill { id name } isRequired level }
        }
      }
    }
  }
`;

interface Page {
  jobs: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('batched loading of job lists', () => {
  let graph: TestSupergraph;
  let tenant: Tenant;

  async function statementsFor(document: string, variables: Record<string, unknown>): Promise<number> {
    return countRequestStatements(graph, async () => {
      const response = await graph.query(document, variables, { tenant: tenant.slug });
      expect(response.errors).toBeUndefined();
    });
  }

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await insertTenant(graph, 'batching');
    const tree = await graph.query<{ jobCategories: { id: string; children: { id: string }[] }[] }>('{ jobCategories { id children { id } } }', {}, { tenant: tenant.slug });
    const categoryIds = tree.data!.jobCategories.flatMap((root) => [root.id, ...root.children.map((child) => child.id)]);
    const skillList = await graph.query<{ skills: { id: string }[] }>('{ skills(first: 100) { id } }', {}, { tenant: tenant.slug });
    const skillIds = skillList.data!.skills.map((skill) => skill.id);
    const companies = [];
    for (let index = 0; index < 10; index += 1) companies.push(await insertCompany(graph, tenant.id, { name: `Company ${index}`, website: `https://c${index}.example` }));
    for (let index = 0; index < 110; index += 1) {
      const job = await insertJob(graph, tenant.id, companies[index % companies.length]!.id, {
        salary_min: String(1000 + index),
        salary_max: String(2000 + index),
        salary_currency: 'EUR',
        salary_period: 'MONTH',
      });
      await linkJob(graph, tenant.id, job.id, {
        categoryIds: [categoryIds[index % categoryIds.length]!, categoryIds[(index + 7) % categoryIds.length]!],
        skillIds: [skillIds[index % skillIds.length]!, skillIds[(index + 3) % skillIds.length]!, skillIds[(index + 11) % skillIds.length]!],
      });
    }
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('lists 100 jobs in the statements of 1', async () => {
    const one = await statementsFor(pageQuery, { first: 1 });
    const hundred = await statementsFor(pageQuery, { first: 100 });
    console.info(`jobs subgraph statements: first 1 = ${one}, first 100 = ${hundred}`);
    expect(hundred).toBe(one);
  });

  it('pages jobs of 10 companies in the statements of 1', async () => {
    const document = /* GraphQL */ `
      query Companies($first: Int!) {
        companies(first: $first) { edges { node { name jobs(first: 5) { totalCount edges { node { title skills { skill { name } } } } } } } }
      }
    `;
    const one = await statementsFor(document, { first: 1 });
    const ten = await statementsFor(document, { first: 10 });
    console.info(`jobs subgraph statements: 1 company = ${one}, 10 companies = ${ten}`);
    expect(ten).toBe(one);
  });

  for (const orderBy of ['NEWEST', 'SALARY', 'DEADLINE'] as const) {
    it(`returns every job once across ${orderBy} pages while jobs are being inserted`, async () => {
      const document = /* GraphQL */ `
        query Walk($orderBy: JobOrderBy, $after: String) {
          jobs(orderBy: $orderBy, first: 7, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
        }
      `;
      const company = await insertCompany(graph, tenant.id, { name: `Late company ${orderBy}` });
      const before = await graph.query<{ jobs: { totalCount: number } }>('{ jobs(first: 0) { totalCount } }', {}, { tenant: tenant.slug });
      const existingCount = before.data!.jobs.totalCount;
      const existing = new Set<string>();
      const listed = await graph.query<Page>('query { jobs(first: 100) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', {}, { tenant: tenant.slug });
      listed.data!.jobs.edges.forEach((edge) => existing.add(edge.node.id));
      const rest = await graph.query<Page>('query ($after: String) { jobs(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }', { after: listed.data!.jobs.pageInfo.endCursor }, { tenant: tenant.slug });
      rest.data!.jobs.edges.forEach((edge) => existing.add(edge.node.id));
      expect(existing.size).toBe(existingCount);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page += 1) {
        const response: { data?: Page | null; errors?: unknown } = await graph.query<Page>(document, { orderBy, after }, { tenant: tenant.slug });
        expect(response.errors).toBeUndefined();
        seen.push(...response.data!.jobs.edges.map((edge) => edge.node.id));
        // New jobs land before, inside and after the pages already read, in every order.
        await insertJob(graph, tenant.id, company.id, {
          published_at: new Date(Date.UTC(2025 + (page % 3), page % 12, 1)),
          salary_min: String((page * 7919) % 3000),
          salary_currency: 'EUR',
          salary_period: 'MONTH',
          application_deadline: `2027-0${1 + (page % 9)}-1${page % 10}`,
        });
        if (!response.data!.jobs.pageInfo.hasNextPage) break;
        after = response.data!.jobs.pageInfo.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect([...existing].filter((id) => !seen.includes(id))).toEqual([]);
    });
  }
});
