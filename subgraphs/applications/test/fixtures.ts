import { inTenant, newId, readOutbox, stampOutbox, type LoggedEvent } from '@jobgraph/kit';
import { waitFor, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { ApplicationsDatabase, JobStatus } from '../src/db/database.ts';

/** Returns the applications subgraph's database in a test supergraph, for arranging rows and reading what mutations wrote. */
export function applicationsDatabase(graph: TestSupergraph): Kysely<ApplicationsDatabase> {
  return graph.subgraph('applications').database.kysely as Kysely<ApplicationsDatabase>;
}

export { createCast, waitFor, type Cast } from '@jobgraph/tools/testing';

/** Creates a company and a job through the gateway as `employer`, publishes it unless told not to, and waits until the applications subgraph's replica has it. */
export async function createJob(
  graph: TestSupergraph,
  tenant: TestTenant,
  employer: TestUser,
  options: { publish?: boolean; applicationDeadline?: string } = {},
): Promise<string> {
  const company = await graph.query<{ createCompany: { id: string } }>(
    'mutation { createCompany(input: { name: "Northwind Freight" }) { id } }',
    {},
    { token: employer.token },
  );
  expect(company.errors).toBeUndefined();
  const created = await graph.query<{ createJob: { id: string } }>(
    'mutation Create($input: CreateJobInput!) { createJob(input: $input) { id } }',
    {
      input: {
        companyId: company.data!.createCompany.id,
        title: 'Warehouse shift lead',
        description: 'Lead a team of six on the night shift of a regional warehouse.',
        employmentType: 'FULL_TIME',
        workplaceType: 'ONSITE',
        salary: { min: 41000, max: 48000, currency: 'EUR', period: 'YEAR' },
        applicationDeadline: options.applicationDeadline ?? null,
      },
    },
    { token: employer.token },
  );
  expect(created.errors).toBeUndefined();
  const jobId = created.data!.createJob.id;
  let status: JobStatus = 'DRAFT';
  if (options.publish ?? true) {
    const published = await graph.query('mutation Publish($id: ID!) { publishJob(id: $id) { id } }', { id: jobId }, { token: employer.token });
    expect(published.errors).toBeUndefined();
    status = 'PUBLISHED';
  }
  await waitForReplica(graph, tenant.id, jobId, status);
  return jobId;
}

/** Waits until the applications subgraph's replica shows job `jobId` in `status`. */
export async function waitForReplica(graph: TestSupergraph, tenantId: string, jobId: string, status: JobStatus): Promise<void> {
  const db = applicationsDatabase(graph);
  await waitFor(async () => {
    const row = await inTenant(db, tenantId, (trx) => trx.selectFrom('job_replicas').select('status').where('id', '=', jobId).executeTakeFirst());
    return row?.status === status;
  }, `job "${jobId}" to reach ${status} in the replica`);
}

/** Waits until the applications subgraph's replica knows the role of user `userId`. */
export async function waitForRole(graph: TestSupergraph, tenantId: string, userId: string): Promise<void> {
  const db = applicationsDatabase(graph);
  await waitFor(async () => {
    const row = await inTenant(db, tenantId, (trx) => trx.selectFrom('user_role_replicas').select('role').where('id', '=', userId).executeTakeFirst());
    return row !== undefined;
  }, `the role of user "${userId}" in the replica`);
}

const applyDocument = /* GraphQL */ `
  mutation Apply($input: ApplyToJobInput!) { applyToJob(input: $input) { id status } }
`;

/** Sends applyToJob as `candidate` and returns the raw response. */
export function apply(graph: TestSupergraph, candidate: TestUser, input: Record<string, unknown>) {
  return graph.query<{ applyToJob: { id: string; status: string } }>(applyDocument, { input }, { token: candidate.token });
}

/** Applies and returns the new application's id, failing on any error. */
export async function applyOk(graph: TestSupergraph, candidate: TestUser, jobId: string): Promise<string> {
  const response = await apply(graph, candidate, { jobId });
  expect(response.errors).toBeUndefined();
  return response.data!.applyToJob.id;
}

/** Returns the single error of a response, failing with the whole response when there is not exactly one. */
export function onlyError(response: { errors?: ReadonlyArray<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }> }) {
  if (response.errors?.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(response)}`);
  const [error] = response.errors;
  return { message: error!.message, code: error!.extensions?.code, path: error!.path };
}

/** Reads every event the applications subgraph has appended so far, in log order, optionally only those about `aggregateId`. */
export async function readApplicationEvents(graph: TestSupergraph, aggregateId?: string): Promise<LoggedEvent[]> {
  const db = graph.subgraph('applications').database.kysely as Kysely<unknown>;
  await stampOutbox(db);
  const page = await readOutbox(db, { producer: 'applications', after: 0, limit: 10_000 });
  return page.events.filter((event) => aggregateId === undefined || event.aggregateId === aggregateId);
}

/**
 * Inserts `count` CANDIDATE accounts straight into the users subgraph's table
 * (without passwords, so no one can log in as them), which is much faster
 * than registering each one through the gateway.
 */
export async function insertCandidates(graph: TestSupergraph, tenantId: string, count: number): Promise<string[]> {
  const users = graph.subgraph('users').database.kysely as Kysely<{
    users: { tenant_id: string; id: string; email: string; username: string; first_name: string; last_name: string; role: string };
  }>;
  const rows = Array.from({ length: count }, (_, index) => {
    const id = newId();
    return { tenant_id: tenantId, id, email: `bulk-${id}@example.com`, username: `bulk-${id.slice(-12)}`, first_name: 'Bulk', last_name: `Candidate ${index}`, role: 'CANDIDATE' };
  });
  await inTenant(users, tenantId, (trx) => trx.insertInto('users').values(rows).execute());
  return rows.map((row) => row.id);
}
