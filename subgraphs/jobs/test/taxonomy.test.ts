import { inTenant, newId, type Tenant } from '@jobgraph/kit';
import { startTestSupergraph, type TestSupergraph } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardCategories, standardSkills } from '../src/domain/standard-taxonomy.ts';
import { countRequestStatements, insertTenant, jobsDatabase, onlyError } from './fixtures.ts';

const treeQuery = /* GraphQL */ `
  {
    jobCategories {
      id name slug parent { id }
      children { id name slug parent { slug } children { slug } }
    }
  }
`;

interface TreeNode {
  id: string;
  name: string;
  slug: string;
  parent: { id?: string; slug?: string } | null;
  children: TreeNode[];
}

describe('categories and skills', () => {
  let graph: TestSupergraph;
  let tenant: Tenant;
  let otherTenant: Tenant;

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await insertTenant(graph, 'taxonomy-a');
    otherTenant = await insertTenant(graph, 'taxonomy-b');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('loads the standard taxonomy for a new tenant on first read', async () => {
    const response = await graph.query<{ jobCategories: TreeNode[] }>(treeQuery, {}, { tenant: tenant.slug });
    expect(response.errors).toBeUndefined();
    const roots = response.data!.jobCategories;
    expect(roots.map((root) => root.name)).toEqual(standardCategories.map((category) => category.name));
    expect(roots.every((root) => root.parent === null)).toBe(true);
    const engineering = roots.find((root) => root.slug === 'software-engineering')!;
    expect(engineering.children.map((child) => child.slug)).toEqual([
      'backend-development',
      'frontend-development',
      'mobile-development',
      'devops-and-infrastructure',
      'quality-assurance',
      'security-engineering',
    ]);
    expect(engineering.children.every((child) => child.parent?.slug === 'software-engineering')).toBe(true);
  });

  it('loads the taxonomy once, however often it is read', async () => {
    await graph.query(treeQuery, {}, { tenant: tenant.slug });
    const count = await inTenant(jobsDatabase(graph), tenant.id, (trx) =>
      trx.selectFrom('categories').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    );
    const expected = standardCategories.reduce((sum, category) => sum + 1 + (category.children?.length ?? 0), 0);
    expect(count.count).toBe(expected);
  });

  it('resolves the tree in one query, not one per level', async () => {
    await graph.query(treeQuery, {}, { tenant: tenant.slug });
    const shallow = await countStatements(graph, '{ jobCategories { id } }', tenant.slug);
    const deep = await countStatements(graph, treeQuery, tenant.slug);
    expect(deep).toBe(shallow);
  });

  it('keeps slugs unique per tenant, not across tenants', async () => {
    const first = await graph.query<{ jobCategories: TreeNode[] }>(treeQuery, {}, { tenant: tenant.slug });
    const second = await graph.query<{ jobCategories: TreeNode[] }>(treeQuery, {}, { tenant: otherTenant.slug });
    const firstData = first.data!.jobCategories[0]!;
    const secondData = second.data!.jobCategories[0]!;
    expect(secondData.slug).toBe(firstData.slug);
    expect(secondData.id).not.toBe(firstData.id);
    const duplicate = inTenant(jobsDatabase(graph), tenant.id, (trx) =>
      trx.insertInto('categories').values({ tenant_id: tenant.id, id: newId(), parent_id: null, name: 'Data again', slug: 'data', position: 99 }).execute(),
    );
    await expect(duplicate).rejects.toMatchObject({ code: '23505' });
  });

  it('does not resolve another tenant\'s category through _entities', async () => {
    const other = await graph.query<{ jobCategories: TreeNode[] }>('{ jobCategories { id } }', {}, { tenant: otherTenant.slug });
    const foreignId = other.data!.jobCategories[0]!.id;
    const response = await graph.querySubgraph<{ _entities: unknown[] }>(
      'jobs',
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on JobCategory { id name } } }',
      { representations: [{ __typename: 'JobCategory', id: foreignId }] },
      { tenant: tenant.slug },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([null]);
  });

  it('finds skills by name prefix, ignoring case', async () => {
    const response = await graph.query<{ skills: { name: string }[] }>('{ skills(search: "type") { name slug } }', {}, { tenant: tenant.slug });
    expect(response.errors).toBeUndefined();
    expect(response.data!.skills).toEqual([{ name: 'TypeScript', slug: 'typescript' }]);
  });

  it('finds skills by name prefix, ignoring accents', async () => {
    await inTenant(jobsDatabase(graph), tenant.id, (trx) =>
      trx
        .insertInto('skills')
        .values([
          { tenant_id: tenant.id, id: newId(), name: 'Électricité industrielle', slug: 'electricite-industrielle', search_name: 'electricite industrielle' },
          { tenant_id: tenant.id, id: newId(), name: 'Økonomi', slug: 'okonomi', search_name: 'okonomi' },
        ])
        .execute(),
    );
    const plain = await graph.query<{ skills: { name: string }[] }>('{ skills(search: "electri") { name } }', {}, { tenant: tenant.slug });
    expect(plain.data!.skills).toEqual([{ name: 'Électricité industrielle' }]);
    const accented = await graph.query<{ skills: { name: string }[] }>('{ skills(search: "ÉLEC") { name } }', {}, { tenant: tenant.slug });
    expect(accented.data!.skills).toEqual([{ name: 'Électricité industrielle' }]);
    const slashed = await graph.query<{ skills: { name: string }[] }>('{ skills(search: "øko") { name } }', {}, { tenant: tenant.slug });
    expect(slashed.data!.skills).toEqual([{ name: 'Økonomi' }]);
  });

  it('treats LIKE wildcards in a skill search as plain text', async () => {
    const response = await graph.query<{ skills: unknown[] }>('{ skills(search: "%") { name } }', {}, { tenant: tenant.slug });
    expect(response.errors).toBeUndefined();
    expect(response.data!.skills).toEqual([]);
  });

  it('lists every skill by name when the search is empty', async () => {
    const response = await graph.query<{ skills: { name: string }[] }>('{ skills(first: 100) { name } }', {}, { tenant: otherTenant.slug });
    expect(response.data!.skills).toHaveLength(standardSkills.length);
    expect(response.data!.skills[0]).toEqual({ name: 'Accounting' });
  });

  it('rejects a skills page larger than 100', async () => {
    const response = await graph.query('{ skills(first: 101) { name } }', {}, { tenant: tenant.slug });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'first: 101 is out of range; ask for 0 to 100 skills and narrow the search for more.',
    });
  });
});

async function countStatements(graph: TestSupergraph, document: string, tenant: string): Promise<number> {
  return countRequestStatements(graph, async () => {
    const response = await graph.query(document, {}, { tenant });
    expect(response.errors).toBeUndefined();
  });
}
