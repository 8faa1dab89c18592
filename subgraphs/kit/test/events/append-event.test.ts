import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, inTenant, InvariantError, newId, prepareDatabase, readOutbox, stampOutbox, type Database } from '../../src/index.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../src/testing/index.ts';

const tenantA = '0193b000-0000-7000-8000-00000000000a';
const tenantB = '0193b000-0000-7000-8000-00000000000b';

const company = {
  ownerId: '0193b000-0000-7000-8000-0000000000f1',
  name: 'Acme',
  description: null,
  website: 'https://acme.example',
  logo: null,
  industry: 'Tools',
  size: 'SMALL',
  location: 'Berlin',
  foundedYear: 1999,
  isVerified: false,
};

describe(`appendEvent on ${testServerUrl ? 'the PostgreSQL server' : 'PGlite'}`, () => {
  let testDatabase: TestDatabase;
  let database: Database<unknown>;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('append_event');
    database = await prepareDatabase({ location: testDatabase.location, migrations: {}, logger: pino({ level: 'silent' }) });
    db = database.kysely;
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('writes an event with the committed change', async () => {
    const aggregateId = newId();
    const appended = await inTenant(db, tenantA, (trx) =>
      appendEvent(trx, { type: 'company.created', tenantId: tenantA, aggregateId, payload: company }),
    );
    await stampOutbox(db);
    const page = await readOutbox(db, { producer: 'jobs', after: 0, limit: 10 });
    const event = page.events.find((candidate) => candidate.id === appended.id);
    expect(event).toMatchObject({ type: 'company.created', version: 1, tenantId: tenantA, aggregateId, payload: company });
    expect(event?.position).toBeGreaterThan(0);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const aggregateId = newId();
    await expect(
      inTenant(db, tenantA, async (trx) => {
        await appendEvent(trx, { type: 'company.created', tenantId: tenantA, aggregateId, payload: company });
        throw new Error('the mutation failed');
      }),
    ).rejects.toThrow('the mutation failed');
    await stampOutbox(db);
    const page = await readOutbox(db, { producer: 'jobs', after: 0, limit: 100 });
    expect(page.events.map((event) => event.aggregateId)).not.toContain(aggregateId);
  });

  it('rejects a payload that does not match its schema', async () => {
    const attempt = inTenant(db, tenantA, (trx) =>
      appendEvent(trx, { type: 'company.created', tenantId: tenantA, aggregateId: newId(), payload: { ...company, name: 42 } as never }),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvariantError);
    await expect(attempt).rejects.toThrow('The payload of "company.created" does not match its schema');
  });

  it('rejects an event of another tenant than the transaction', async () => {
    const attempt = inTenant(db, tenantA, (trx) =>
      appendEvent(trx, { type: 'company.created', tenantId: tenantB, aggregateId: newId(), payload: company }),
    );
    await expect(attempt).rejects.toThrow(/row-level security/);
  });

  it('keeps the outbox unreadable to the application role', async () => {
    const attempt = inTenant(db, tenantA, (trx) => trx.selectFrom('event_outbox' as never).selectAll().execute());
    await expect(attempt).rejects.toThrow(/permission denied/);
  });

  it('converts dates and amounts of a job payload to their stored text', async () => {
    const aggregateId = newId();
    const published = await inTenant(db, tenantA, (trx) =>
      appendEvent(trx, {
        type: 'job.published',
        tenantId: tenantA,
        aggregateId,
        payload: {
          companyId: newId(),
          employerId: newId(),
          externalId: null,
          title: 'Welder',
          description: 'Welds',
          requirements: null,
          responsibilities: null,
          benefits: null,
          employmentType: 'FULL_TIME',
          experienceLevel: null,
          workplaceType: 'ONSITE',
          location: 'Leeds',
          salary: { min: 16.6264, max: '20.5', currency: 'GBP', period: 'HOUR' },
          status: 'PUBLISHED',
          isFeatured: false,
          applicationDeadline: '2027-01-31',
          publishedAt: new Date('2026-12-01T10:00:00Z'),
        },
      }),
    );
    expect(published.payload.salary).toEqual({ min: '16.6264', max: '20.5', currency: 'GBP', period: 'HOUR' });
    expect(published.payload.publishedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(published.payload.categoryIds).toEqual([]);
  });
});
