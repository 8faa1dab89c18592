import { inTenant, newId, type Tenant } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompany, insertJob, insertTenant, jobsDatabase } from './fixtures.ts';

const entitiesQuery = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Job { id title }
      ... on Company { id name }
      ... on Skill { id name }
      ... on JobCategory { id name }
    }
  }
`;

describe('tenant isolation', () => {
  let graph: TestSupergraph;
  let home: Tenant;
  let foreign: Tenant;
  let foreignIds: { job: string; company: string; skill: string };

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    home = await insertTenant(graph, 'isolation-home');
    foreign = await insertTenant(graph, 'isolation-foreign');
    const company = await insertCompany(graph, foreign.id, { name: 'Foreign Ltd' });
    const job = await insertJob(graph, foreign.id, company.id, { title: 'Foreign job' });
    const skill = { tenant_id: foreign.id, id: newId(), name: 'Foreign skill', slug: 'foreign-skill', search_name: 'foreign skill' };
    await inTenant(jobsDatabase(graph), foreign.id, (trx) => trx.insertInto('skills').values(skill).execute());
    foreignIds = { job: job.id, company: company.id, skill: skill.id };
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('resolves forged references to another tenant as null', async () => {
    const representations = [
      { __typename: 'Job', id: foreignIds.job },
      { __typename: 'Company', id: foreignIds.company },
      { __typename: 'Skill', id: foreignIds.skill },
    ];
    const response = await graph.querySubgraph<{ _entities: unknown[] }>('jobs', entitiesQuery, { representations }, { tenant: home.slug });
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([null, null, null]);
  });

  it('resolves the same references in their own tenant', async () => {
    const representations = [
      { __typename: 'Job', id: foreignIds.job },
      { __typename: 'Company', id: foreignIds.company },
      { __typename: 'Skill', id: foreignIds.skill },
    ];
    const response = await graph.querySubgraph<{ _entities: unknown[] }>('jobs', entitiesQuery, { representations }, { tenant: foreign.slug });
    expect(response.data!._entities).toEqual([
      { id: foreignIds.job, title: 'Foreign job' },
      { id: foreignIds.company, name: 'Foreign Ltd' },
      { id: foreignIds.skill, name: 'Foreign skill' },
    ]);
  });

  it('resolves references as null when the request names no tenant', async () => {
    const response = await graph.querySubgraph<{ _entities: unknown[] }>('jobs', entitiesQuery, { representations: [{ __typename: 'Job', id: foreignIds.job }] });
    expect(response.data!._entities).toEqual([null]);
  });

  it('lists no job of another tenant', async () => {
    const response = await graph.query<{ jobs: { totalCount: number } }>(
      'query ($id: ID!) { jobs(filter: { companyId: $id }) { totalCount } }',
      { id: foreignIds.company },
      { tenant: home.slug },
    );
    expect(response.data!.jobs.totalCount).toBe(0);
  });
});
