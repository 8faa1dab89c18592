import { inTenant, newId, readOutbox, stampOutbox, type LoggedEvent, type Tenant } from '@jobgraph/kit';
import type { TestSupergraph } from '@jobgraph/tools/testing';
import type { Insertable, Kysely } from 'kysely';
import type { CompaniesTable, JobsDatabase, JobsTable } from '../src/db/database.ts';

/** Returns the jobs subgraph's database in a test supergraph, for arranging rows that no mutation can make. */
export function jobsDatabase(graph: TestSupergraph): Kysely<JobsDatabase> {
  return graph.subgraph('jobs').database.kysely as Kysely<JobsDatabase>;
}

/** Creates a tenant straight in the users subgraph's table, which is all the jobs subgraph needs to accept its slug. */
export async function insertTenant(graph: TestSupergraph, slug: string): Promise<Tenant> {
  const users = graph.subgraph('users').database.kysely as Kysely<{ tenants: { id: string; slug: string; name: string } }>;
  const tenant = { id: newId(), slug };
  await users.insertInto('tenants').values({ ...tenant, name: `Tenant ${slug}` }).execute();
  return tenant;
}

export async function insertCompany(graph: TestSupergraph, tenantId: string, values: Partial<Insertable<CompaniesTable>> = {}) {
  const row = { tenant_id: tenantId, id: newId(), owner_id: newId(), name: 'Acme Freight', ...values };
  return inTenant(jobsDatabase(graph), tenantId, (trx) => trx.insertInto('companies').values(row).returningAll().executeTakeFirstOrThrow());
}

let jobSequence = 0;

/** Inserts a job, PUBLISHED unless `values` sets another status, with a `published_at` after the previous job's. */
export async function insertJob(graph: TestSupergraph, tenantId: string, companyId: string, values: Partial<Insertable<JobsTable>> = {}) {
  jobSequence += 1;
  const row: Insertable<JobsTable> = {
    tenant_id: tenantId,
    id: newId(),
    company_id: companyId,
    employer_id: newId(),
    title: `Job ${jobSequence}`,
    description: 'A job inserted by a test, with a description long enough.',
    employment_type: 'FULL_TIME',
    workplace_type: 'ONSITE',
    status: 'PUBLISHED',
    published_at: new Date(Date.UTC(2026, 0, 1) + jobSequence * 60_000),
    ...values,
  };
  return inTenant(jobsDatabase(graph), tenantId, (trx) => trx.insertInto('jobs').values(row).returningAll().executeTakeFirstOrThrow());
}

/** Attaches categories and skills to a job. */
export async function linkJob(
  graph: TestSupergraph,
  tenantId: string,
  jobId: string,
  links: { categoryIds?: readonly string[]; skillIds?: readonly string[] },
): Promise<void> {
  await inTenant(jobsDatabase(graph), tenantId, async (trx) => {
    if (links.categoryIds?.length) {
      await trx.insertInto('job_categories').values(links.categoryIds.map((categoryId) => ({ tenant_id: tenantId, job_id: jobId, category_id: categoryId }))).execute();
    }
    if (links.skillIds?.length) {
      await trx
        .insertInto('job_skills')
        .values(links.skillIds.map((skillId, index) => ({ tenant_id: tenantId, job_id: jobId, skill_id: skillId, is_required: index === 0, level: null })))
        .execute();
    }
  });
}

/** Returns the single error of a response, failing with the whole response when there is not exactly one. */
export function onlyError(response: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) {
  if (response.errors?.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(response)}`);
  return { message: response.errors[0]!.message, code: response.errors[0]!.extensions?.code };
}

/** Reads every event the jobs subgraph has appended so far, in log order, optionally only those about `aggregateId`. */
export async function readJobsEvents(graph: TestSupergraph, aggregateId?: string): Promise<LoggedEvent[]> {
  const db = graph.subgraph('jobs').database.kysely as Kysely<unknown>;
  await stampOutbox(db);
  const page = await readOutbox(db, { producer: 'jobs', after: 0, limit: 10_000 });
  return page.events.filter((event) => aggregateId === undefined || event.aggregateId === aggregateId);
}

/** Counts the rows of a jobs table in a tenant, to show that a failed mutation wrote nothing. */
export async function countRows(graph: TestSupergraph, tenantId: string, table: 'companies' | 'jobs' | 'job_categories' | 'job_skills' | 'skills'): Promise<number> {
  const row = await inTenant(jobsDatabase(graph), tenantId, (trx) =>
    trx.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  );
  return row.count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts the SQL statements the jobs subgraph sends for one request. The
 * counter also counts the event relay, which polls the outbox every 250 ms,
 * so each measurement starts just after a relay poll ends. The relay can
 * only add statements, so the lowest of `attempts` measurements is kept.
 */
export async function countRequestStatements(graph: TestSupergraph, send: () => Promise<unknown>, attempts = 5): Promise<number> {
  let lowest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await waitForRelayPoll(graph);
    const before = graph.statementCounts().jobs!;
    await send();
    lowest = Math.min(lowest, graph.statementCounts().jobs! - before);
  }
  return lowest;
}

// Waits until the statement counter moves (a relay poll) and then stays still for 20 ms (the poll ended), or 1 s at most.
async function waitForRelayPoll(graph: TestSupergraph): Promise<void> {
  const started = Date.now();
  const initial = graph.statementCounts().jobs!;
  while (graph.statementCounts().jobs === initial && Date.now() - started < 1_000) await sleep(2);
  let last = graph.statementCounts().jobs!;
  let stillSince = Date.now();
  while (Date.now() - stillSince < 20 && Date.now() - started < 1_000) {
    await sleep(2);
    const now = graph.statementCounts().jobs!;
    if (now !== last) {
      last = now;
      stillSince = Date.now();
    }
  }
}
