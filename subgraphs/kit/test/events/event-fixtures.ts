import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import {
  allowReplayTruncate,
  appendEvent,
  defineConsumer,
  enableTenantIsolation,
  inTenant,
  newId,
  serveOutbox,
  type EventPayloadInput,
  type Migrations,
} from '../../src/index.ts';

export const silentLogger = pino({ level: 'silent' });
export const tenantA = '0193b000-0000-7000-8000-00000000000a';
export const tenantB = '0193b000-0000-7000-8000-00000000000b';

/** The consumer's projection: one row per job, and a count of how often each event took effect. */
export interface ProjectionSchema {
  job_titles: { tenant_id: string; id: string; title: string; status: string };
  effects: { tenant_id: string; event_id: string; times: number };
}

export const projectionMigrations: Migrations = {
  '0001-projection': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('job_titles')
        .addColumn('tenant_id', 'uuid', (column) => column.notNull())
        .addColumn('id', 'uuid', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('job_titles_pkey', ['tenant_id', 'id'])
        .execute();
      await enableTenantIsolation(db, 'job_titles');
      await allowReplayTruncate(db, 'job_titles');
      await db.schema
        .createTable('effects')
        .addColumn('tenant_id', 'uuid', (column) => column.notNull())
        .addColumn('event_id', 'uuid', (column) => column.notNull())
        .addColumn('times', 'integer', (column) => column.notNull())
        .addPrimaryKeyConstraint('effects_pkey', ['tenant_id', 'event_id'])
        .execute();
      await enableTenantIsolation(db, 'effects');
      await allowReplayTruncate(db, 'effects');
    },
  },
};

/** Builds a job payload with the given title and status. */
export function jobPayload(title: string, status: 'DRAFT' | 'PUBLISHED' = 'DRAFT'): EventPayloadInput<'job.created'> {
  return {
    companyId: '0193b000-0000-7000-8000-0000000000c1',
    employerId: '0193b000-0000-7000-8000-0000000000e1',
    externalId: null,
    title,
    description: `${title} wanted`,
    requirements: null,
    responsibilities: null,
    benefits: null,
    employmentType: 'FULL_TIME',
    experienceLevel: 'MID',
    workplaceType: 'REMOTE',
    location: null,
    salary: null,
    status,
    isFeatured: false,
    applicationDeadline: null,
    publishedAt: null,
  };
}

/** Appends one `job.created` (or `job.published`) event in its own committed transaction; returns the event id. */
export async function appendJobEvent(
  db: Kysely<unknown>,
  title: string,
  options: { tenantId?: string; aggregateId?: string; type?: 'job.created' | 'job.published' } = {},
): Promise<string> {
  const tenantId = options.tenantId ?? tenantA;
  const type = options.type ?? 'job.created';
  const event = await inTenant(db, tenantId, (trx) =>
    appendEvent(trx, {
      type,
      tenantId,
      aggregateId: options.aggregateId ?? newId(),
      payload: jobPayload(title, type === 'job.published' ? 'PUBLISHED' : 'DRAFT'),
    }),
  );
  return event.id;
}

/** Hooks a test sets to make the handler fail. */
export interface HandlerHooks {
  /** Called before each event takes effect; throwing makes the attempt fail. */
  beforeEffect?: (title: string) => void;
  /** Set to let titles starting with "poison" through, as after a fix of the handler. */
  poisonCured?: boolean;
}

/** Defines a consumer that copies job titles and counts each event's effects. Titles starting with "poison" fail until `poisonCured`. */
export function createTitleConsumer(hooks: HandlerHooks, name = 'test.job-titles') {
  return defineConsumer<ProjectionSchema, 'job.created' | 'job.published'>({
    name,
    events: ['job.created', 'job.published'],
    async handle(event, trx) {
      hooks.beforeEffect?.(event.payload.title);
      if (event.payload.title.startsWith('poison') && !hooks.poisonCured) throw new Error(`The title "${event.payload.title}" is poison.`);
      await trx
        .insertInto('job_titles')
        .values({ tenant_id: event.tenantId, id: event.aggregateId, title: event.payload.title, status: event.payload.status })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'id']).doUpdateSet({ title: event.payload.title, status: event.payload.status }))
        .execute();
      await trx
        .insertInto('effects')
        .values({ tenant_id: event.tenantId, event_id: event.id, times: 1 })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'event_id']).doUpdateSet({ times: sql<number>`effects.times + 1` }))
        .execute();
    },
    async reset(trx) {
      await sql`truncate job_titles, effects`.execute(trx);
    },
  });
}

/** Serves a producer's outbox over HTTP on a free port, as the subgraph server does. */
export async function serveProducerOutbox(db: Kysely<unknown>, producer: string): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  serveOutbox(app, { db, producer, token: undefined, logger: silentLogger });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive, and close waits for them otherwise.
        server.closeAllConnections();
      }),
  };
}

/** Reads every projection row of both tenants, sorted, through the tenant policy. */
export async function readProjection(db: Kysely<ProjectionSchema>) {
  const titles = [];
  const effects = [];
  for (const tenantId of [tenantA, tenantB]) {
    titles.push(...(await inTenant(db, tenantId, (trx) => trx.selectFrom('job_titles').selectAll().execute())));
    effects.push(...(await inTenant(db, tenantId, (trx) => trx.selectFrom('effects').selectAll().execute())));
  }
  const byKey = (a: { tenant_id: string }, b: { tenant_id: string }) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return { titles: titles.sort(byKey), effects: effects.sort(byKey) };
}

/** Polls `check` until it returns true, or fails after `timeoutMs`. */
export async function waitFor(description: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}.`);
}
