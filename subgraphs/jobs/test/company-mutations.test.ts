import { createTestTenant, createTestUser, startTestSupergraph, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, onlyError, readJobsEvents } from './fixtures.ts';

const createCompany = /* GraphQL */ `
  mutation CreateCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) { id name description website logo industry size location foundedYear isVerified owner { id } }
  }
`;

const updateCompany = /* GraphQL */ `
  mutation UpdateCompany($id: ID!, $input: UpdateCompanyInput!) {
    updateCompany(id: $id, input: $input) { id name website foundedYear isVerified owner { id } }
  }
`;

interface CompanyData {
  id: string;
  name: string;
  website: string | null;
  foundedYear: number | null;
  isVerified: boolean;
  owner: { id: string };
}

describe('company mutations', () => {
  let graph: TestSupergraph;
  let tenant: TestTenant;
  let employer: TestUser;
  let otherEmployer: TestUser;
  let candidate: TestUser;

  async function createAs(token: string | undefined, input: Record<string, unknown>) {
    return graph.query<{ createCompany: CompanyData }>(createCompany, { input }, token ? { token } : { tenant: tenant.slug });
  }

  beforeAll(async () => {
    graph = await startTestSupergraph({ subgraphs: ['users', 'jobs'] });
    tenant = await createTestTenant(graph, 'company-mutations');
    employer = await createTestUser(graph, tenant, 'EMPLOYER');
    otherEmployer = await createTestUser(graph, tenant, 'EMPLOYER');
    candidate = await createTestUser(graph, tenant, 'CANDIDATE');
  });

  afterAll(async () => {
    await graph?.stop();
  });

  it('creates a company owned by the EMPLOYER who asks, and appends company.created', async () => {
    const response = await createAs(employer.token, {
      name: 'Northwind Logistics',
      description: 'Freight forwarding.',
      website: 'https://northwind.example',
      logo: 'https://northwind.example/logo.png',
      industry: 'Logistics',
      size: 'MEDIUM',
      location: 'Gothenburg',
      foundedYear: 2004,
    });
    expect(response.errors).toBeUndefined();
    const company = response.data!.createCompany;
    expect(company).toMatchObject({ name: 'Northwind Logistics', size: 'MEDIUM', foundedYear: 2004, isVerified: false, owner: { id: employer.id } });
    const events = await readJobsEvents(graph, company.id);
    expect(events.map((event) => event.type)).toEqual(['company.created']);
    expect(events[0]!.payload).toMatchObject({ ownerId: employer.id, name: 'Northwind Logistics', foundedYear: 2004 });
  });

  it('creates a company owned by an ADMIN who asks', async () => {
    const response = await createAs(tenant.adminToken, { name: 'Admin Holdings' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createCompany.owner).toEqual({ id: tenant.adminId });
  });

  it('rejects createCompany from a CANDIDATE', async () => {
    const before = await countRows(graph, tenant.id, 'companies');
    const response = await createAs(candidate.token, { name: 'Candidate Corp' });
    expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
    expect(await countRows(graph, tenant.id, 'companies')).toBe(before);
  });

  it('rejects createCompany from an anonymous caller', async () => {
    const response = await createAs(undefined, { name: 'Nobody Inc' });
    expect(onlyError(response).code).toBe('UNAUTHENTICATED');
  });

  it('rejects a website that is not http(s) and writes nothing', async () => {
    const before = await countRows(graph, tenant.id, 'companies');
    const response = await createAs(employer.token, { name: 'Files Ltd', website: 'ftp://files.example' });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      // The URL scalar hands resolvers the normalised form, with the trailing slash.
      message: 'website "ftp://files.example/" is not an http(s) URL; use an absolute address such as "https://example.com".',
    });
    expect(await countRows(graph, tenant.id, 'companies')).toBe(before);
  });

  it('rejects a founded year in the future', async () => {
    const year = new Date().getUTCFullYear();
    const response = await createAs(employer.token, { name: 'Future Ltd', foundedYear: year + 1 });
    expect(onlyError(response)).toEqual({
      code: 'BAD_USER_INPUT',
      message: `foundedYear ${year + 1} is out of range; use a year from 1000 to ${year}.`,
    });
  });

  it('rejects a size outside the CompanySize enum', async () => {
    const response = await createAs(employer.token, { name: 'Huge Ltd', size: 'GIGANTIC' });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('GIGANTIC');
  });

  it('lets the owner update a company and appends company.updated with the changed fields', async () => {
    const created = await createAs(employer.token, { name: 'Old Name', website: 'https://old.example' });
    const id = created.data!.createCompany.id;
    const response = await graph.query<{ updateCompany: CompanyData }>(
      updateCompany,
      { id, input: { name: 'New Name', website: null } },
      { token: employer.token },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateCompany).toMatchObject({ name: 'New Name', website: null, owner: { id: employer.id } });
    const events = await readJobsEvents(graph, id);
    expect(events.map((event) => event.type)).toEqual(['company.created', 'company.updated']);
    expect(events[1]!.payload).toMatchObject({ name: 'New Name', website: null, changedFields: ['name', 'website'] });
  });

  it('rejects an update by another EMPLOYER', async () => {
    const created = await createAs(employer.token, { name: 'Mine Ltd' });
    const response = await graph.query(updateCompany, { id: created.data!.createCompany.id, input: { name: 'Theirs Ltd' } }, { token: otherEmployer.token });
    expect(onlyError(response)).toEqual({
      code: 'FORBIDDEN',
      message: `Company "${created.data!.createCompany.id}" belongs to another employer; only its owner or an ADMIN may update it.`,
    });
  });

  it('rejects an update by a CANDIDATE', async () => {
    const created = await createAs(employer.token, { name: 'Guarded Ltd' });
    const response = await graph.query(updateCompany, { id: created.data!.createCompany.id, input: { name: 'Taken' } }, { token: candidate.token });
    expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'This needs the role EMPLOYER or ADMIN; you are CANDIDATE.' });
  });

  it('lets an ADMIN update any company and verify it', async () => {
    const created = await createAs(employer.token, { name: 'Verify Me Ltd' });
    const response = await graph.query<{ updateCompany: CompanyData }>(
      updateCompany,
      { id: created.data!.createCompany.id, input: { isVerified: true, foundedYear: 1999 } },
      { token: tenant.adminToken },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateCompany).toMatchObject({ isVerified: true, foundedYear: 1999, owner: { id: employer.id } });
  });

  it('rejects isVerified from an EMPLOYER', async () => {
    const created = await createAs(employer.token, { name: 'Self Verified Ltd' });
    const response = await graph.query(updateCompany, { id: created.data!.createCompany.id, input: { isVerified: true } }, { token: employer.token });
    expect(onlyError(response)).toEqual({ code: 'FORBIDDEN', message: 'Only an ADMIN may set isVerified; leave it out of the input.' });
  });

  it('answers an update of an unknown company with NOT_FOUND', async () => {
    const id = '0193b000-0000-7000-8000-00000000dead';
    const response = await graph.query(updateCompany, { id, input: { name: 'Ghost' } }, { token: tenant.adminToken });
    expect(onlyError(response)).toEqual({ code: 'NOT_FOUND', message: `Company "${id}" does not exist in this tenant; check the id.` });
  });

  it('does not let an ADMIN of another tenant update the company', async () => {
    const created = await createAs(employer.token, { name: 'Home Tenant Ltd' });
    const otherTenant = await createTestTenant(graph, 'company-mutations-other');
    const id = created.data!.createCompany.id;
    const response = await graph.query(updateCompany, { id, input: { name: 'Hijacked' } }, { token: otherTenant.adminToken });
    expect(onlyError(response)).toEqual({ code: 'NOT_FOUND', message: `Company "${id}" does not exist in this tenant; check the id.` });
  });
});
