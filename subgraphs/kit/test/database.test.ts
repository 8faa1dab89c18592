import { sql, type Generated, type Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRole, enableTenantIsolation, inTenant, prepareDatabase, type Database, type Migrations } from '../src/index.ts';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../src/testing/index.ts';

interface TestSchema {
  notes: { tenant_id: string; id: number; body: string; amount: string | null; due_on: string | null; created_at: Generated<Date> };
}

const tenantA = '0193b000-0000-7000-8000-00000000000a';
const tenantB = '0193b000-0000-7000-8000-00000000000b';

const migrations: Migrations = {
  '0001-notes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notes')
        .addColumn('tenant_id', 'uuid', (column) => column.notNull())
        .addColumn('id', 'integer', (column) => column.notNull())
        .addColumn('body', 'text', (column) => column.notNull())
        .addColumn('amount', 'numeric')
        .addColumn('due_on', 'date')
        .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('notes_pkey', ['tenant_id', 'id'])
        .execute();
      await enableTenantIsolation(db, 'notes');
    },
  },
};

describe(`database on ${testServerUrl ? 'the PostgreSQL server' : 'PGlite'}`, () => {
  let testDatabase: TestDatabase;
  let database: Database<TestSchema>;
  let db: Kysely<TestSchema>;

  beforeAll(async () => {
    testDatabase = await createTestDatabase('kit');
    database = await prepareDatabase<TestSchema>({ location: testDatabase.location, migrations, logger: pino({ level: 'silent' }) });
    db = database.kysely;
    await inTenant(db, tenantA, (trx) =>
      trx.insertInto('notes').values([
        { tenant_id: tenantA, id: 1, body: 'hourly rate', amount: '16.6264', due_on: '2026-01-01' },
        { tenant_id: tenantA, id: 2, body: 'big number', amount: '12345678901234567890.123456789', due_on: null },
      ]).execute(),
    );
    await inTenant(db, tenantB, (trx) => trx.insertInto('notes').values({ tenant_id: tenantB, id: 1, body: 'tenant B secret', amount: null, due_on: null }).execute());
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  it('keeps numeric amounts exact as strings', async () => {
    const rows = await inTenant(db, tenantA, (trx) => trx.selectFrom('notes').select(['id', 'amount']).orderBy('id').execute());
    expect(rows.map((row) => row.amount)).toEqual(['16.6264', '12345678901234567890.123456789']);
  });

  it('returns a date column as the calendar date string', async () => {
    const row = await inTenant(db, tenantA, (trx) => trx.selectFrom('notes').select('due_on').where('id', '=', 1).executeTakeFirstOrThrow());
    expect(row.due_on).toBe('2026-01-01');
  });

  it('returns int8 counts as numbers', async () => {
    const row = await inTenant(db, tenantA, (trx) =>
      trx.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    );
    expect(row.count).toBe(2);
  });

  it('returns timestamptz as a Date', async () => {
    const row = await inTenant(db, tenantA, (trx) => trx.selectFrom('notes').select('created_at').where('id', '=', 1).executeTakeFirstOrThrow());
    expect(row.created_at).toBeInstanceOf(Date);
  });

  it('runs sessions as the application role, which is no superuser', async () => {
    const result = await sql<{ role: string; superuser: boolean }>`
      select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser
    `.execute(db);
    expect(result.rows[0]).toEqual({ role: appRole, superuser: false });
  });

  it('hides other tenants from a query that skips the tenant filter', async () => {
    const rows = await inTenant(db, tenantA, (trx) => trx.selectFrom('notes').select('body').execute());
    expect(rows.map((row) => row.body).sort()).toEqual(['big number', 'hourly rate']);
  });

  it('returns no rows outside a tenant transaction', async () => {
    const rows = await db.selectFrom('notes').select('body').execute();
    expect(rows).toEqual([]);
  });

  it('rejects a write into another tenant', async () => {
    const write = inTenant(db, tenantA, (trx) => trx.insertInto('notes').values({ tenant_id: tenantB, id: 9, body: 'forged', amount: null, due_on: null }).execute());
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it('writes nothing when the transaction fails', async () => {
    const failing = inTenant(db, tenantA, async (trx) => {
      await trx.insertInto('notes').values({ tenant_id: tenantA, id: 3, body: 'rolled back', amount: null, due_on: null }).execute();
      throw new Error('abort');
    });
    await expect(failing).rejects.toThrow('abort');
    const rows = await inTenant(db, tenantA, (trx) => trx.selectFrom('notes').select('id').where('id', '=', 3).execute());
    expect(rows).toEqual([]);
  });

  it('keeps concurrent transactions apart', async () => {
    const results = await Promise.all(
      [tenantA, tenantB, tenantA, tenantB].map((tenant) =>
        inTenant(db, tenant, async (trx) => {
          const rows = await trx.selectFrom('notes').select('tenant_id').execute();
          await sql`select pg_sleep(0.01)`.execute(trx);
          return rows.every((row) => row.tenant_id === tenant);
        }),
      ),
    );
    expect(results).toEqual([true, true, true, true]);
  });

  it('counts every statement it sends', async () => {
    const before = database.stats.statements;
    await db.selectFrom('notes').select('id').execute();
    expect(database.stats.statements - before).toBe(1);
  });
});
