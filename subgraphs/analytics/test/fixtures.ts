import { asEventRelay, eventTypes, inTenant, readOutbox, stampOutbox, type EventTables, type EventType } from '@jobgraph/kit';
import { waitFor, type TestSupergraph, type TestTenant, type TestUser } from '@jobgraph/tools/testing';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { AnalyticsDatabase, JobStatus } from '../src/db/database.ts';

/** Returns the analytics subgraph's database in a test supergraph. */
export function analyticsDatabase(graph: TestSupergraph): Kysely<AnalyticsDatabase> {
  return graph.subgraph('analytics').database.kysely as Kysely<AnalyticsDatabase>;
}

export { createCast, waitFor, type Cast } from '@jobgraph/tools/testing';

/** Sends a request and fails the test on any error. */
export async function queryOk<Data>(graph: TestSupergraph, document: string, variables: Record<string, unknown>, options: { token?: string; tenant?: string }) {
  const response = await graph.query<Data>(document, variables, options);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** Creates a company and a job as `employer`, publishes it unless `publish` is false, and waits until the analytics replica has it. */
export async function createJob(graph: TestSupergraph, tenant: TestTenant, employer: TestUser, options: { publish?: boolean } = {}): Promise<string> {
  const company = await queryOk<{ createCompany: { id: string } }>(graph, 'mutation { createCompany(input: { name: "Harbor Logistics" }) { id } }', {}, { token: employer.token });
  const created = await queryOk<{ createJob: { id: string } }>(
    graph,
    'mutation Create($input: CreateJobInput!) { createJob(input: $input) { id } }',
    {
      input: {
        companyId: company.createCompany.id,
        title: 'Dock scheduler',
        description: 'Plan the arrivals of trucks at twelve loading docks.',
        employmentType: 'FULL_TIME',
        workplaceType: 'ONSITE',
        salary: { min: 38000, max: 44000, currency: 'EUR', period: 'YEAR' },
      },
    },
    { token: employer.token },
  );
  const jobId = created.createJob.id;
  let status: JobStatus = 'DRAFT';
  if (options.publish ?? true) {
    await queryOk(graph, 'mutation Publish($id: ID!) { publishJob(id: $id) { id } }', { id: jobId }, { token: employer.token });
    status = 'PUBLISHED';
  }
  await waitForReplica(graph, tenant.id, [jobId], status);
  return jobId;
}

/** Waits until the analytics replica shows every job of `jobIds` in `status`. */
export async function waitForReplica(graph: TestSupergraph, tenantId: string, jobIds: readonly string[], status: JobStatus): Promise<void> {
  const db = analyticsDatabase(graph);
  await waitFor(async () => {
    const rows = await inTenant(db, tenantId, (trx) => trx.selectFrom('job_replicas').select('id').where('id', 'in', jobIds).where('status', '=', status).execute());
    return rows.length === jobIds.length;
  }, `${jobIds.length} job(s) to reach ${status} in the analytics replica`);
}

const recordDocument = 'mutation Record($jobId: ID!) { recordJobView(jobId: $jobId) { id viewedAt job { id } } }';

/** Sends recordJobView as a logged-in user (`token`) or as an anonymous client of `tenant` with `viewerId` in X-Viewer-Id. */
export function recordView(graph: TestSupergraph, jobId: string, as: { token: string } | { tenant: string; viewerId?: string }) {
  const headers: Record<string, string> = {};
  if ('viewerId' in as && as.viewerId !== undefined) headers['x-viewer-id'] = as.viewerId;
  const options = 'token' in as ? { token: as.token } : { tenant: as.tenant, headers };
  return graph.query<{ recordJobView: { id: string; viewedAt: string; job: { id: string } } }>(recordDocument, { jobId }, options);
}

/** Returns the single error of a response, failing with the whole response when there is not exactly one. */
export function onlyError(response: { errors?: ReadonlyArray<{ message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }> }) {
  if (response.errors?.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(response)}`);
  const [error] = response.errors;
  return { message: error!.message, code: error!.extensions?.code, path: error!.path };
}

/** Today's UTC date, `YYYY-MM-DD`. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Waits until the consumer `definition` has applied every event of its types
 * that its producers have appended so far: each such event id is in the
 * consumer's inbox.
 */
export async function waitForConsumer(graph: TestSupergraph, definition: { readonly name: string; readonly events: readonly EventType[] }): Promise<void> {
  const byProducer = new Map<string, EventType[]>();
  for (const type of definition.events) byProducer.set(eventTypes[type].producer, [...(byProducer.get(eventTypes[type].producer) ?? []), type]);

  const wanted: string[] = [];
  for (const [producer, types] of byProducer) {
    const db = graph.subgraph(producer).database.kysely as Kysely<unknown>;
    await stampOutbox(db);
    const page = await readOutbox(db, { producer, after: 0, limit: 100_000, types });
    wanted.push(...page.events.map((event) => event.id));
  }

  const analytics = graph.subgraph('analytics').database.kysely as Kysely<unknown>;
  let missing = wanted.length;
  await waitFor(async () => {
    const handled = await asEventRelay(analytics, (trx) =>
      (trx as unknown as Kysely<EventTables>).selectFrom('event_inbox').select('event_id').where('consumer', '=', definition.name).execute(),
    );
    const ids = new Set(handled.map((row) => row.event_id));
    missing = wanted.filter((id) => !ids.has(id)).length;
    return missing === 0;
  }, `consumer "${definition.name}" to apply ${wanted.length} events (${missing} missing)`);
}
