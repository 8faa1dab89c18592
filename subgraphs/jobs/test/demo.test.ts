import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('demo data', () => {
  let graph: TestSupergraph;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'], demoData: true });
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('lists demo jobs with their categories and skills', async () => {
    const response = await graph.query<{ jobs: { edges: { node: { title: string; categories: { slug: string }[]; skills: { skill: { slug: string } }[] } }[] } }>(
      '{ jobs(orderBy: SALARY) { edges { node { title categories { slug } skills { skill { slug } } } } } }',
      {},
      { tenant: 'demo' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.jobs.edges[0]!.node).toEqual({
      title: 'Senior Backend Engineer',
      categories: [{ slug: 'backend-development' }],
      skills: [{ skill: { slug: 'typescript' } }, { skill: { slug: 'docker' } }, { skill: { slug: 'postgresql' } }],
    });
    expect(response.data!.jobs.edges.map((edge) => edge.node.title)).toEqual([
      'Senior Backend Engineer',
      'Product Designer',
      'Warehouse Shift Lead',
      'Data Analyst Intern',
    ]);
  });
});
